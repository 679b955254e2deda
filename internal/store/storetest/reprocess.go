package storetest

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"parallax/internal/model"
	"parallax/internal/store"
)

func testNearDuplicates(t *testing.T, s store.Store) {
	ctx := context.Background()
	orig := article("orig", "wire.example", day)
	copy1 := article("copy1", "a.example", day)
	copy1.DuplicateOf = "orig"
	copy2 := article("copy2", "b.example", day)
	copy2.DuplicateOf = "orig"
	mustAdd(t, s, orig, copy1, article("other", "c.example", day), copy2)
	got, err := s.NearDuplicates(ctx, "orig")
	if err != nil {
		t.Fatal(err)
	}
	equalIDs(t, "near duplicates", ids(got), []string{"copy1", "copy2"})
	if a, err := s.Article(ctx, "copy2"); err != nil || a.DuplicateOf != "orig" {
		t.Errorf("Article(copy2) = %+v, %v; want DuplicateOf orig", a, err)
	}
	if got, err := s.NearDuplicates(ctx, "other"); err != nil || len(got) != 0 {
		t.Errorf("NearDuplicates(other) = %v, %v", ids(got), err)
	}
}

func testProvenance(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustAdd(t, s, article("a1", "x.example", day), article("a2", "x.example", day))
	p := model.Provenance{ArticleID: "a1", Origin: "in.warc.gz#record3", Fetched: day, Format: "test", Raw: []byte{0, 1, 2, 0xff}}
	if err := s.SaveProvenance(ctx, p); err != nil {
		t.Fatal(err)
	}
	again := p
	again.Raw = []byte("other")
	if err := s.SaveProvenance(ctx, again); err != nil {
		t.Fatalf("saving again: %v", err)
	}
	got, err := s.Provenance(ctx, "a1")
	if err != nil || got.Origin != p.Origin || !got.Fetched.Equal(day) || got.Format != "test" || !bytes.Equal(got.Raw, p.Raw) {
		t.Fatalf("Provenance = %+v, %v; want the first saved", got, err)
	}
	if _, err := s.Provenance(ctx, "a2"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Provenance(a2) err = %v, want ErrNotFound", err)
	}
	mustAdd(t, s, article("a3", "x.example", day))
	if err := s.SaveProvenance(ctx, model.Provenance{ArticleID: "a3", Origin: "empty", Format: "test"}); err != nil {
		t.Fatalf("saving provenance without raw bytes: %v", err)
	}
	if got, err := s.Provenance(ctx, "a3"); err != nil || len(got.Raw) != 0 || got.Origin != "empty" {
		t.Errorf("Provenance(a3) = %+v, %v; want empty raw bytes", got, err)
	}
	if err := s.SaveProvenance(ctx, model.Provenance{ArticleID: "nope", Format: "x", Raw: []byte("x")}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("provenance of a missing article: err = %v", err)
	}
	all, err := s.ArticleIDs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	equalIDs(t, "article ids", all, []string{"a1", "a2", "a3"})
}

func testUpdateArticle(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustAdd(t, s, article("a1", "x.example", day), article("a2", "x.example", day))
	mustAssign(t, s, "a1", "s1", "e1")
	up := article("a1", "x.example", day.Add(48*3600e9))
	up.Title, up.Text, up.ContentHash = "New title", "Re-extracted text.", "hash-new"
	if err := s.UpdateArticle(ctx, up); err != nil {
		t.Fatal(err)
	}
	got, err := s.Article(ctx, "a1")
	if err != nil || got.Title != "New title" || got.Text != "Re-extracted text." || !got.Published.Equal(up.Published) || got.StoryID != "s1" {
		t.Errorf("after update: %+v, %v", got, err)
	}
	clash := article("a2", "x.example", day)
	clash.ContentHash = "hash-new"
	if err := s.UpdateArticle(ctx, clash); err == nil {
		t.Error("update to another article's content hash succeeded")
	}
	if err := s.UpdateArticle(ctx, article("nope", "x.example", day)); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("update of a missing article: err = %v", err)
	}
}

func testResetStories(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustAdd(t, s, article("a1", "x.example", day), article("a2", "y.example", day))
	mustAssign(t, s, "a1", "s1", "e1")
	mustAssign(t, s, "a2", "s1", "e2")
	if err := s.ResetStories(ctx); err != nil {
		t.Fatal(err)
	}
	pending, err := s.PendingArticles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	equalIDs(t, "pending after reset", ids(pending), []string{"a1", "a2"})
	if st := mustStats(t, s); st.Stories != 0 || st.Events != 0 || st.Articles != 2 {
		t.Errorf("stats after reset %+v", st)
	}
	mustAssign(t, s, "a1", "s2", "e1")
	if st := mustStats(t, s); st.Stories != 1 {
		t.Errorf("stats after reassign %+v", st)
	}
}
