package storetest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"parallax/internal/model"
	"parallax/internal/store"
)

// queued returns a fixture queued at seq whose content hash is hash.
func queued(id string, seq int64, hash string) *model.Article {
	a := article(id, "queue.example", day)
	a.QueueSeq, a.ContentHash = seq, hash
	return a
}

// addOutcome adds a and returns what AddArticle said, failing on error.
func addOutcome(t *testing.T, s store.Store, a *model.Article) (bool, string) {
	t.Helper()
	added, existing, err := s.AddArticle(context.Background(), a)
	if err != nil {
		t.Fatalf("AddArticle(%s): %v", a.ID, err)
	}
	return added, existing
}

// stored reports whether article id is stored.
func stored(t *testing.T, s store.Store, id string) bool {
	t.Helper()
	_, err := s.Article(context.Background(), id)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Article(%s): %v", id, err)
	}
	return err == nil
}

// testQueueOrder: of exact duplicates, an article queued earlier takes the
// place of pending ones queued later (their inputs, and the inputs
// recorded as their duplicates, become its duplicates; their provenance
// goes), so the one kept is the one a single process storing in queue
// order keeps; a placed article, a near-duplicate's original, one without
// a queue number, one queued earlier and one with the same id stay.
func testQueueOrder(t *testing.T, s store.Store) {
	ctx := context.Background()
	t.Run("EarlierReplacesPending", func(t *testing.T) {
		later := queued("l1", 9, "h-l1")
		mustAdd(t, s, later)
		if err := s.SaveProvenance(ctx, model.Provenance{ArticleID: "l1", Origin: later.Origin, Format: "text", Raw: []byte("x")}); err != nil {
			t.Fatal(err)
		}
		if err := s.RecordDuplicate(ctx, "again.jsonl:3", "l1"); err != nil {
			t.Fatal(err)
		}
		dups := mustStats(t, s).Duplicates
		if added, existing := addOutcome(t, s, queued("e1", 4, "h-l1")); !added || existing != "" {
			t.Fatalf("earlier duplicate: AddArticle = %v, %q; want added", added, existing)
		}
		if stored(t, s, "l1") || !stored(t, s, "e1") {
			t.Errorf("stored l1 %v, e1 %v; want e1 only", stored(t, s, "l1"), stored(t, s, "e1"))
		}
		if _, err := s.Provenance(ctx, "l1"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("the replaced article's provenance: err = %v, want not found", err)
		}
		if got := mustStats(t, s).Duplicates - dups; got != 1 {
			t.Errorf("%d more duplicates recorded, want 1 (l1's input; again.jsonl:3 moved to e1)", got)
		}
		if err := s.RecordDuplicate(ctx, "again.jsonl:3", "e1"); err != nil {
			t.Fatal(err)
		}
		if err := s.RecordDuplicate(ctx, later.Origin, "e1"); err != nil {
			t.Fatal(err)
		}
		if got := mustStats(t, s).Duplicates - dups; got != 1 {
			t.Errorf("recording the moved duplicates again added %d, want none", got-1)
		}
		if added, existing := addOutcome(t, s, queued("m1", 6, "h-l1")); added || existing != "e1" {
			t.Errorf("duplicate queued between: AddArticle = %v, %q; want false, e1", added, existing)
		}
	})
	t.Run("EarlierReplacesEach", func(t *testing.T) {
		byURL, byHash := queued("l2", 8, "h-l2"), queued("l3", 7, "h-l3")
		mustAdd(t, s, byURL, byHash)
		e := queued("e2", 2, "h-l3")
		e.CanonicalURL = byURL.CanonicalURL
		if added, _ := addOutcome(t, s, e); !added || stored(t, s, "l2") || stored(t, s, "l3") {
			t.Errorf("added %v, l2 stored %v, l3 stored %v; want e2 in place of both", added, stored(t, s, "l2"), stored(t, s, "l3"))
		}
	})
	tests := []struct {
		name           string
		first, second  *model.Article
		place          bool // assign first before second arrives
		existing, text string
	}{
		{"PlacedStays", queued("p1", 9, "h-p1"), queued("p2", 3, "h-p1"), true, "p1", ""},
		{"UnqueuedStays", queued("u1", 0, "h-u1"), queued("u2", 1, "h-u1"), false, "u1", ""},
		{"UnqueuedNeverReplaces", queued("w1", 5, "h-w1"), queued("w2", 0, "h-w1"), false, "w1", ""},
		{"EarlierStays", queued("y1", 3, "h-y1"), queued("y2", 8, "h-y1"), false, "y1", ""},
		{"SameIDStays", queued("s1", 9, "h-s1"), &model.Article{ID: "s1", QueueSeq: 2, Text: "other text", ContentHash: "h-s1-other"}, false, "s1", "First paragraph of s1.\nSecond paragraph."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mustAdd(t, s, tt.first)
			if tt.place {
				mustAssign(t, s, tt.first.ID, "story-"+tt.first.ID, "")
			}
			if added, existing := addOutcome(t, s, tt.second); added || existing != tt.existing {
				t.Errorf("AddArticle(%s) = %v, %q; want false, %q", tt.second.ID, added, existing, tt.existing)
			}
			if tt.second.ID != tt.first.ID && stored(t, s, tt.second.ID) {
				t.Errorf("%s stored", tt.second.ID)
			}
			if a, err := s.Article(ctx, tt.first.ID); err != nil || tt.text != "" && a.Text != tt.text {
				t.Errorf("Article(%s) = %v, %v; want its first text", tt.first.ID, a, err)
			}
		})
	}
	t.Run("OriginalStays", func(t *testing.T) {
		orig, copied := queued("r1", 9, "h-r1"), queued("r2", 10, "h-r2")
		copied.DuplicateOf = "r1" // r1 is a near-duplicate's original
		mustAdd(t, s, orig, copied)
		if added, existing := addOutcome(t, s, queued("r0", 2, "h-r1")); added || existing != "r1" {
			t.Errorf("AddArticle = %v, %q; want false, r1 (an original is not replaced)", added, existing)
		}
	})
	t.Run("PartlyPlaced", func(t *testing.T) {
		pending, placed := queued("q1", 9, "h-q1"), queued("q2", 8, "h-q2")
		mustAdd(t, s, pending, placed)
		mustAssign(t, s, "q2", "story-q2", "")
		e := queued("q0", 1, "h-q1")
		e.CanonicalURL = placed.CanonicalURL
		if added, existing := addOutcome(t, s, e); added || existing != "q2" || !stored(t, s, "q1") {
			t.Errorf("AddArticle = %v, %q (q1 stored %v); want false, q2 (by canonical URL), nothing replaced", added, existing, stored(t, s, "q1"))
		}
	})
}

// testConcurrentQueueOrder: exact duplicates queued 1..n and stored
// concurrently in any order leave the one queued first, the others
// recorded as its duplicates.
func testConcurrentQueueOrder(t *testing.T, s store.Store) {
	const n = 8
	before := mustStats(t, s)
	if err := addOrRecord(s, queued(fmt.Sprintf("c%d", n), n, "h-concurrent")); err != nil {
		t.Fatal(err) // the last queued is stored first
	}
	var wg sync.WaitGroup
	for i := range n - 1 {
		wg.Go(func() {
			seq := int64(n - 1 - i)
			if err := addOrRecord(s, queued(fmt.Sprintf("c%d", seq), seq, "h-concurrent")); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	for seq := 1; seq <= n; seq++ {
		if got := stored(t, s, fmt.Sprintf("c%d", seq)); got != (seq == 1) {
			t.Errorf("c%d stored %v", seq, got)
		}
	}
	after := mustStats(t, s)
	if after.Articles-before.Articles != 1 || after.Duplicates-before.Duplicates != n-1 {
		t.Errorf("%d articles and %d duplicates more; want 1 and %d", after.Articles-before.Articles,
			after.Duplicates-before.Duplicates, n-1)
	}
}

// addOrRecord stores a or records its input as a duplicate of the article
// it duplicates, as the pipeline does; when that article was replaced
// meanwhile it tries again (the pipeline's redelivery).
func addOrRecord(s store.Store, a *model.Article) error {
	ctx := context.Background()
	for range 5 {
		added, existing, err := s.AddArticle(ctx, a)
		if err != nil || added {
			return err
		}
		err = s.RecordDuplicate(ctx, a.Origin, existing)
		if !errors.Is(err, store.ErrNotFound) {
			return err
		}
	}
	return fmt.Errorf("%s: its duplicate kept going away", a.ID)
}
