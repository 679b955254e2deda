package storetest

import (
	"context"
	"testing"
	"time"

	"parallax/internal/store"
)

// testPublishedInferred: a publication date read from the text keeps its
// mark through a round trip and an update; no date, no mark.
func testPublishedInferred(t *testing.T, s store.Store) {
	ctx := context.Background()
	inferred := article("i1", "news.example", day)
	inferred.PublishedInferred = true
	noDate := article("i2", "news.example", time.Time{})
	noDate.PublishedInferred = true // nothing to mark: stored unmarked
	mustAdd(t, s, inferred, noDate, article("i3", "news.example", day))
	for id, want := range map[string]bool{"i1": true, "i2": false, "i3": false} {
		a, err := s.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if a.PublishedInferred != want {
			t.Errorf("%s: PublishedInferred %v, want %v", id, a.PublishedInferred, want)
		}
	}
	given := article("i1", "news.example", day) // reprocessed with a date given by metadata
	if err := s.UpdateArticle(ctx, given); err != nil {
		t.Fatal(err)
	}
	if a, err := s.Article(ctx, "i1"); err != nil || a.PublishedInferred {
		t.Errorf("after update: %+v, %v; want not inferred", a, err)
	}
	given.PublishedInferred = true
	if err := s.UpdateArticle(ctx, given); err != nil {
		t.Fatal(err)
	}
	if a, err := s.Article(ctx, "i1"); err != nil || !a.PublishedInferred {
		t.Errorf("after second update: %+v, %v; want inferred", a, err)
	}
}

// testStoryUndated: a story none of whose articles has a publication date
// says so, and each article without an outlet counts as a source.
func testStoryUndated(t *testing.T, s store.Store) {
	ctx := context.Background()
	u1, u2 := article("u1", "", time.Time{}), article("u2", "", time.Time{})
	u1.URL, u1.CanonicalURL, u2.URL, u2.CanonicalURL = "", "", "", ""
	mustAdd(t, s, u1, u2, article("u3", "news.example", time.Time{}))
	for _, id := range []string{"u1", "u2", "u3"} {
		mustAssign(t, s, id, "s1", "")
	}
	st, _, _, err := s.Story(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	if !st.Undated || st.Outlets != 1 || st.NoOutlet != 2 || st.Sources() != 3 {
		t.Errorf("story %+v: want undated, 1 outlet, 2 without, 3 sources", st)
	}
	mustAdd(t, s, article("u4", "news.example", day))
	mustAssign(t, s, "u4", "s1", "")
	ss, err := s.Stories(ctx, 10, 0)
	if err != nil || len(ss) != 1 {
		t.Fatalf("stories %+v, %v", ss, err)
	}
	if ss[0].Undated || ss[0].NoOutlet != 2 || ss[0].Sources() != 3 || !ss[0].First.Equal(day) {
		t.Errorf("story %+v: want dated from %v, 3 sources", ss[0], day)
	}
}
