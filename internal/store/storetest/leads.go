package storetest

import (
	"context"
	"strings"
	"testing"

	"parallax/internal/store"
)

// testArticleLeads: ArticleLeads gives the start of the text of untitled
// articles only, cut at store.LeadChars characters (not bytes), and
// leaves out titled and unknown ids.
func testArticleLeads(t *testing.T, s store.Store) {
	ctx := context.Background()
	titled := article("t1", "a.example", day)
	untitled := article("u1", "b.example", day)
	untitled.Title = ""
	untitled.Text = "Wire copy with no headline." + strings.Repeat(" Ünïcode words", 100)
	mustAdd(t, s, titled, untitled)
	got, err := s.ArticleLeads(ctx, []string{"t1", "u1", "missing"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("ArticleLeads = %v, want only u1", got)
	}
	want := string([]rune(untitled.Text)[:store.LeadChars])
	if got["u1"] != want {
		t.Errorf("lead of u1 = %q…, want the first %d characters %q…", got["u1"][:40], store.LeadChars, want[:40])
	}
	if got, err := s.ArticleLeads(ctx, nil); err != nil || len(got) != 0 {
		t.Errorf("ArticleLeads(nil) = %v, %v; want empty", got, err)
	}
}
