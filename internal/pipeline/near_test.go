package pipeline

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parallax/internal/ingest/files"
	"parallax/internal/store/sqlite"
)

func wireStory() string {
	var paras []string
	for i := range 8 {
		paras = append(paras, fmt.Sprintf("Paragraph %d of the wire story: the river rose %d feet overnight and crews from %d towns worked to hold the levee, officials said.", i, i+3, i*7+2))
	}
	return strings.Join(paras, "\n")
}

func TestNearDuplicateLinkAndRestore(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "p.db")
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	opts := DefaultOptions()
	opts.Now = func() time.Time { return now }
	p, err := New(ctx, st, opts, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Clustering links an article to the earlier-published original.
	published := map[string]time.Time{"orig": now.Add(-72 * time.Hour), "copy1": now.Add(-48 * time.Hour),
		"other": now.Add(-48 * time.Hour), "copy2": now.Add(-24 * time.Hour)}
	rec := func(id, src, text string) files.Item {
		return files.Item{Origin: src + ".jsonl:1", Kind: files.Record,
			Rec: &files.Rec{ID: id, Source: src, Title: "Levee holds", Text: text, Published: published[id]}}
	}
	add := func(p *Pipeline, items ...files.Item) {
		t.Helper()
		for _, it := range items {
			if o, err := p.Add(ctx, it); err != nil || o.Status != Added {
				t.Fatalf("Add(%s) = %+v, %v", it.Origin, o, err)
			}
		}
		if _, err := p.ClusterPending(ctx); err != nil {
			t.Fatal(err)
		}
	}
	linkOf := func(id string) string {
		t.Helper()
		a, err := st.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return a.DuplicateOf
	}
	add(p, rec("orig", "wire", wireStory()),
		rec("copy1", "gazette", "From wire reports\n"+strings.Replace(wireStory(), "overnight", "over the night", 1)+"\nSubscribe to the Gazette for more."),
		rec("other", "herald", strings.Repeat("An unrelated council meeting about parking fees went on for hours. ", 6)))
	if got := linkOf("orig"); got != "" {
		t.Errorf("original linked to %q", got)
	}
	if got := linkOf("copy1"); got != "orig" {
		t.Errorf("copy linked to %q, want orig", got)
	}
	if got := linkOf("other"); got != "" {
		t.Errorf("unrelated article linked to %q", got)
	}
	if n := p.NearLinked(); n != 1 {
		t.Errorf("NearLinked = %d, want 1", n)
	}
	st.Close()

	// After a restart the index comes back from the store.
	st, err = sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p, err = New(ctx, st, opts, nil)
	if err != nil {
		t.Fatal(err)
	}
	add(p, rec("copy2", "tribune", strings.Replace(wireStory(), "officials said", "the sheriff said", 2)))
	if got := linkOf("copy2"); got != "orig" {
		t.Errorf("copy after restart linked to %q, want orig", got)
	}
	copies, err := st.NearDuplicates(ctx, "orig")
	if err != nil || len(copies) != 2 {
		t.Fatalf("NearDuplicates = %d, %v", len(copies), err)
	}

	// Provenance gives back the input, which prepares to the same article.
	pr, err := st.Provenance(ctx, "copy1")
	if err != nil {
		t.Fatal(err)
	}
	it, err := DecodeProvenance(pr)
	if err != nil {
		t.Fatal(err)
	}
	a, err := Prepare(it, now)
	stored, _ := st.Article(ctx, "copy1")
	if err != nil || a.Text != stored.Text || a.ID != "copy1" || pr.Origin != "gazette.jsonl:1" {
		t.Errorf("reprepared %+v, %v; stored %q", a, err, stored.Text)
	}
}

// TestNearDuplicateStoreOrder: the links do not depend on the order in
// which workers stored the articles: a copy stored before its original is
// still linked to it, the earlier published.
func TestNearDuplicateStoreOrder(t *testing.T) {
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
	items := []files.Item{
		{Origin: "b.jsonl:1", Kind: files.Record, Rec: &files.Rec{ID: "a-copy", Title: "Levee holds",
			Text: "From wire reports\n" + wireStory() + "\nSubscribe to the Gazette for more.", Published: now}},
		{Origin: "a.jsonl:1", Kind: files.Record, Rec: &files.Rec{ID: "z-orig", Title: "Levee holds",
			Text: wireStory(), Published: now.Add(-time.Hour)}},
	}
	for _, it := range items {
		if o, err := p.Add(ctx, it); err != nil || o.Status != Added {
			t.Fatalf("Add(%s) = %+v, %v", it.Origin, o, err)
		}
	}
	if _, err := p.ClusterPending(ctx); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]string{"a-copy": "z-orig", "z-orig": ""} {
		a, err := st.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if a.DuplicateOf != want {
			t.Errorf("%s: DuplicateOf %q; want %q", id, a.DuplicateOf, want)
		}
	}
}
