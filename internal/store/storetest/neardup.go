package storetest

import (
	"context"
	"errors"
	"testing"

	"parallax/internal/store"
)

// testLinkNearDuplicate: a link set after storing reads back in Article
// and NearDuplicates, can be cleared, and refuses unknown articles.
func testLinkNearDuplicate(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustAdd(t, s, article("orig", "wire.example", day), article("copy", "a.example", day))
	if err := s.LinkNearDuplicate(ctx, "copy", "orig"); err != nil {
		t.Fatal(err)
	}
	if a, err := s.Article(ctx, "copy"); err != nil || a.DuplicateOf != "orig" {
		t.Errorf("Article(copy) = %+v, %v; want DuplicateOf orig", a, err)
	}
	got, err := s.NearDuplicates(ctx, "orig")
	if err != nil {
		t.Fatal(err)
	}
	equalIDs(t, "near duplicates", ids(got), []string{"copy"})
	if err := s.LinkNearDuplicate(ctx, "copy", ""); err != nil {
		t.Fatal(err)
	}
	if a, err := s.Article(ctx, "copy"); err != nil || a.DuplicateOf != "" {
		t.Errorf("Article(copy) after clearing = %+v, %v", a, err)
	}
	for _, c := range [][2]string{{"missing", "orig"}, {"copy", "missing"}} {
		if err := s.LinkNearDuplicate(ctx, c[0], c[1]); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("LinkNearDuplicate(%s, %s) = %v, want ErrNotFound", c[0], c[1], err)
		}
	}
	if err := s.LinkNearDuplicate(ctx, "orig", "orig"); err == nil {
		t.Error("an article linked to itself")
	}
}
