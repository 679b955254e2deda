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
	rec := func(id, src, text string) files.Item {
		return files.Item{Origin: src + ".jsonl:1", Kind: files.Record, Rec: &files.Rec{ID: id, Source: src, Title: "Levee holds", Text: text}}
	}
	orig, err := p.Add(ctx, rec("orig", "wire", wireStory()))
	if err != nil || orig.Status != Added || orig.DuplicateOf != "" {
		t.Fatalf("original: %+v, %v", orig, err)
	}
	cp, err := p.Add(ctx, rec("copy1", "gazette", "From wire reports\n"+strings.Replace(wireStory(), "overnight", "over the night", 1)+"\nSubscribe to the Gazette for more."))
	if err != nil || cp.Status != Added || cp.DuplicateOf != "orig" {
		t.Fatalf("copy: %+v, %v; want added as a near-duplicate of orig", cp, err)
	}
	other, err := p.Add(ctx, rec("other", "herald", strings.Repeat("An unrelated council meeting about parking fees went on for hours. ", 6)))
	if err != nil || other.DuplicateOf != "" {
		t.Fatalf("unrelated: %+v, %v", other, err)
	}
	st.Close()

	// After a restart the index is rebuilt from the store.
	st, err = sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p, err = New(ctx, st, opts, nil)
	if err != nil {
		t.Fatal(err)
	}
	cp2, err := p.Add(ctx, rec("copy2", "tribune", strings.Replace(wireStory(), "officials said", "the sheriff said", 2)))
	if err != nil || cp2.DuplicateOf != "orig" {
		t.Fatalf("copy after restart: %+v, %v", cp2, err)
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
