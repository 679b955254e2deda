package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parallax/internal/ingest/warc"
	"parallax/internal/store/sqlite"
)

// TestReprocessWARC ingests a WARC, damages the stored text, and finds it
// restored by `reprocess` from the stored input, with stories rebuilt.
func TestReprocessWARC(t *testing.T) {
	dir := t.TempDir()
	var buf bytes.Buffer
	w := warc.NewWriter(&buf, true)
	for i := range 3 {
		page := fmt.Sprintf("<html><head><title>Levee report %d</title></head><body><article><h1>Levee report %d</h1><p>%s</p><p>%s</p></article></body></html>",
			i, i, strings.Repeat(fmt.Sprintf("The river in town %d rose overnight and crews worked to hold the levee. ", i), 4),
			strings.Repeat(fmt.Sprintf("Officials in county %d said the water would fall by Friday. ", i), 3))
		if err := w.WriteResponse(fmt.Sprintf("https://news%d.example/levee", i), time.Date(2024, 5, 1, 9, 0, 0, 0, time.UTC), []byte(page)); err != nil {
			t.Fatal(err)
		}
	}
	in := filepath.Join(dir, "crawl.warc.gz")
	if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "p.db")
	if code, _, stderr := runCmd(t, "", "ingest", "--db", db, in); code != 0 {
		t.Fatalf("ingest: %d %s", code, stderr)
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	ids, _ := st.ArticleIDs(ctx)
	if len(ids) != 3 {
		t.Fatalf("stored %d articles, want 3", len(ids))
	}
	orig, _ := st.Article(ctx, ids[0])
	if orig.URL != "https://news0.example/levee" || !strings.Contains(orig.Text, "town 0") || orig.Fetched.Year() != 2024 {
		t.Fatalf("stored %+v", orig)
	}
	damaged := *orig
	damaged.Text, damaged.ContentHash = "damaged", "damaged"
	if err := st.UpdateArticle(ctx, &damaged); err != nil {
		t.Fatal(err)
	}
	st.Close()

	code, _, stderr := runCmd(t, "", "reprocess", "--db", db)
	if code != 0 || !strings.Contains(stderr, "re-extracted 3, failed 0") {
		t.Fatalf("reprocess: %d %s", code, stderr)
	}
	st, err = sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	got, _ := st.Article(ctx, ids[0])
	if got.Text != orig.Text || got.ContentHash != orig.ContentHash || got.StoryID == "" {
		t.Errorf("after reprocess %+v, want the original text and a story", got)
	}
	if pending, _ := st.PendingArticles(ctx); len(pending) != 0 {
		t.Errorf("%d articles left unclustered", len(pending))
	}
}
