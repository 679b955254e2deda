package pipeline

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"parallax/internal/ingest/files"
	"parallax/internal/queue/memory"
	"parallax/internal/store/sqlite"
)

// records returns n articles about n/3 different bridges, a minute apart.
func records(n int) []files.Item {
	var out []files.Item
	for i := range n {
		town := fmt.Sprintf("Town%d", i/3)
		text := fmt.Sprintf("The council of %s approved on Tuesday a plan to build a new bridge over the river %s, the mayor of %s said.\n\n"+
			"Construction in %s is expected to start next spring, officials %d said.", town, town, town, town, i)
		out = append(out, files.Item{Origin: fmt.Sprintf("in.jsonl:%d", i+1), Kind: files.Record, Rec: &files.Rec{
			ID: fmt.Sprintf("a%03d", i), Title: "Bridge in " + town, Source: fmt.Sprintf("s%d.example", i%4), Text: text,
			Published: now.Add(time.Duration(i) * time.Minute)}})
	}
	return out
}

func ingest(t *testing.T, p *Pipeline, items []files.Item) Summary {
	t.Helper()
	q := memory.New(memory.Options{})
	defer q.Close()
	sum, err := p.Ingest(context.Background(), q, func(emit func(files.Item) error) error {
		for _, it := range items {
			if err := emit(it); err != nil {
				return err
			}
		}
		return nil
	}, 2, nil)
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

// TestStartFromState: a second pipeline on the store starts from the
// state the first saved (no replay) and places new articles as the
// first would have.
func TestStartFromState(t *testing.T) {
	ctx := context.Background()
	items := records(90)
	run := func(path string, stops ...int) map[string]string {
		st, err := sqlite.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		from := 0
		for _, to := range append(stops, len(items)) {
			opts := DefaultOptions()
			opts.StateEvery = 7
			p, err := New(ctx, st, opts, nil)
			if err != nil {
				t.Fatal(err)
			}
			if from > 0 && p.stateDirty {
				t.Errorf("pipeline reopened after %d articles did not start from the saved state", from)
			}
			ingest(t, p, items[from:to])
			from = to
		}
		return placements(t, st)
	}
	dir := t.TempDir()
	want := run(filepath.Join(dir, "one.db"))
	got := run(filepath.Join(dir, "three.db"), 30, 61)
	if len(want) != len(items) || len(got) != len(items) {
		t.Fatalf("placed %d and %d of %d", len(want), len(got), len(items))
	}
	for id, s := range want {
		if got[id] != s {
			t.Errorf("%s: story %s after restarts, %s in one run", id, got[id], s)
		}
	}
}

// TestProgress: clustering and briefs report progress at least every 250
// articles and 20 briefs, and at their end.
func TestProgress(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p, err := New(ctx, st, DefaultOptions(), nil)
	if err != nil {
		t.Fatal(err)
	}
	last := map[Phase]int{}
	gaps := map[Phase]int{}
	p.OnProgress(func(ph Phase, done, total int) {
		if d := done - last[ph]; d > gaps[ph] {
			gaps[ph] = d
		}
		last[ph] = done
	})
	sum := ingest(t, p, records(600))
	if last[PhaseCluster] != sum.Clustered || gaps[PhaseCluster] > 250 {
		t.Errorf("clustering progress: last %d of %d, largest step %d", last[PhaseCluster], sum.Clustered, gaps[PhaseCluster])
	}
	if last[PhaseBriefs] != sum.Briefs || gaps[PhaseBriefs] > 20 || sum.Briefs == 0 {
		t.Errorf("briefs progress: last %d of %d, largest step %d", last[PhaseBriefs], sum.Briefs, gaps[PhaseBriefs])
	}
}

// TestSmallBatchSkipsSave: a batch of a few articles (a feed's news
// between polls) stores its decisions without rewriting the whole state;
// the state is saved again once enough placements wait. Each restart
// catches up with the unsaved placements from the store, and every
// article lands where one uninterrupted run puts it.
func TestSmallBatchSkipsSave(t *testing.T) {
	ctx := context.Background()
	items := records(60)
	dir := t.TempDir()
	oneRun := func() map[string]string {
		st, err := sqlite.Open(ctx, filepath.Join(dir, "one.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		p, err := New(ctx, st, DefaultOptions(), nil)
		if err != nil {
			t.Fatal(err)
		}
		ingest(t, p, items)
		return placements(t, st)
	}
	want := oneRun()

	st, err := sqlite.Open(ctx, filepath.Join(dir, "small.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	opts := DefaultOptions()
	opts.StateEvery = 100 // a batch's end saves the state from 5 unsaved placements
	seqs := []int64{}
	for from, to := 0, 40; from < len(items); from, to = to, to+1 {
		p, err := New(ctx, st, opts, nil)
		if err != nil {
			t.Fatal(err)
		}
		ingest(t, p, items[from:to])
		s, err := st.ClusterState(ctx)
		if err != nil {
			t.Fatal(err)
		}
		seqs = append(seqs, s.Seq)
	}
	saves := 0
	for i := 1; i < len(seqs); i++ {
		if seqs[i] != seqs[i-1] {
			saves++
		}
	}
	// 20 one-article batches after the first 40: a save every 5th.
	if saves < 2 || saves > 5 {
		t.Errorf("state saved after %d of 20 one-article batches (sequence %v); want about every fifth", saves, seqs)
	}
	got := placements(t, st)
	for id, s := range want {
		if got[id] != s {
			t.Errorf("%s: story %s after small batches and restarts, %s in one run", id, got[id], s)
		}
	}
}

func placements(t *testing.T, st *sqlite.DB) map[string]string {
	t.Helper()
	arts, err := st.ClusteredArticles(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, a := range arts {
		m[a.ID] = a.StoryID
	}
	return m
}
