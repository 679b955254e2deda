package web_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"parallax/internal/ingest/files"
	"parallax/internal/pipeline"
	"parallax/internal/queue/memory"
	"parallax/internal/web"
)

// reservoirText is an invented report, varied by n.
func reservoirText(n int) string {
	return fmt.Sprintf("Engineers lowered the level of the Millbrook reservoir on day %d after cracks were found in its dam, officials said.\n\n"+
		"Residents downstream were told to prepare for evacuation while crews inspect the dam.\n\n"+
		"The water authority said the reservoir supplies %d thousand homes.", n, 40+n)
}

// ingest runs the real pipeline over records.
func ingest(t *testing.T, p *pipeline.Pipeline, recs ...*files.Rec) {
	t.Helper()
	walk := func(emit func(files.Item) error) error {
		for i, r := range recs {
			if err := emit(files.Item{Origin: fmt.Sprintf("t.jsonl:%d", i+1), Kind: files.Record, Rec: r}); err != nil {
				return err
			}
		}
		return nil
	}
	if _, err := p.Ingest(context.Background(), memory.New(memory.Options{}), walk, 1, nil); err != nil {
		t.Fatal(err)
	}
}

// TestFollowAfterIngest: a saved search, followed before an ingest, has
// the new article in its Atom feed after the ingest, counted as new on
// /follows, with a webhook delivery queued by the pipeline itself.
func TestFollowAfterIngest(t *testing.T) {
	ctx := context.Background()
	st := newTestStore(t)
	p, err := pipeline.New(ctx, st, pipeline.DefaultOptions(), quietLog())
	if err != nil {
		t.Fatal(err)
	}
	day0 := time.Date(2024, 5, 1, 9, 0, 0, 0, time.UTC)
	ingest(t, p, &files.Rec{ID: "r1", Source: "Valley Post", Title: "Millbrook reservoir lowered after dam cracks", Text: reservoirText(1), Published: day0},
		&files.Rec{ID: "r2", Source: "City Wire", Title: "Cracks in Millbrook dam force reservoir drawdown", Text: reservoirText(2), Published: day0.Add(time.Hour)})
	h := web.NewHandler(st, quietLog())
	key := newKey(t, st)
	add := `{"name":"Reservoir","kind":"search","target":"reservoir","webhook_url":"https://hooks.example/reservoir","webhook_secret":"s"}`
	req := httptest.NewRequest("POST", "/api/v1/follows", strings.NewReader(add))
	req.Header.Set("Authorization", "Bearer "+key)
	rec := httptest.NewRecorder()
	if h.ServeHTTP(rec, req); rec.Code != 201 {
		t.Fatalf("follow: %d %s", rec.Code, rec.Body)
	}
	_, before, _ := feedGUIDs(t, h, "/search.atom?q=reservoir")
	if slices.Contains(before, "urn:parallax:article:r3") || len(before) < 2 {
		t.Fatalf("feed before: %v", before)
	}
	ingest(t, p, &files.Rec{ID: "r3", Source: "Harbor Times", Title: "Millbrook residents wait as reservoir is drained", Text: reservoirText(3), Published: day0.Add(26 * time.Hour)})
	_, after, _ := feedGUIDs(t, h, "/search.atom?q=reservoir")
	if len(after) == 0 || after[0] != "urn:parallax:article:r3" {
		t.Errorf("feed after the ingest: %v, want the new article first", after)
	}
	_, page := get(t, h, "GET", "/follows")
	if !strings.Contains(page, `<a href="/articles/r3">Millbrook residents wait as reservoir is drained</a> <span class="new-mark">new</span>`) {
		t.Errorf("/follows does not mark the new article:\n%s", page)
	}
	fs, err := st.Follows(ctx)
	if err != nil || len(fs) != 1 || fs[0].New < 1 || fs[0].Delivery.Pending != 1 {
		t.Errorf("follow after the ingest: %+v, %v", fs, err)
	}
}
