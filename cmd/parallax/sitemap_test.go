package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"parallax/internal/store/sqlite"
)

// TestIngestSitemap ingests the pages a loopback news sitemap lists; the
// same command without --allow-private is refused by the SSRF guard.
func TestIngestSitemap(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /sitemap.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<urlset xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>/news/levee</loc><news:news><news:publication_date>2024-05-01</news:publication_date></news:news></url>
<url><loc>/news/council</loc></url></urlset>`)
	})
	mux.HandleFunc("GET /news/{slug}", func(w http.ResponseWriter, r *http.Request) {
		slug := r.PathValue("slug")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<html><head><title>The %s story</title></head><body><article><h1>The %s story</h1><p>%s</p><p>%s</p></article></body></html>",
			slug, slug, strings.Repeat("Officials spoke about the "+slug+" on Tuesday and answered questions from residents. ", 4),
			strings.Repeat("Work on the "+slug+" will continue next week, the city said. ", 3))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	dir := t.TempDir()

	refused := filepath.Join(dir, "refused.db")
	code, _, stderr := runCmd(t, "", "ingest", "--db", refused, srv.URL+"/sitemap.xml")
	if !strings.Contains(stderr, "rejected 1") || !strings.Contains(stderr, "not allowed") {
		t.Errorf("without --allow-private: code %d, %s", code, stderr)
	}

	db := filepath.Join(dir, "p.db")
	code, _, stderr = runCmd(t, "", "ingest", "--db", db, "--allow-private", srv.URL+"/sitemap.xml")
	if code != 0 || !strings.Contains(stderr, "new 2") {
		t.Fatalf("ingest: %d %s", code, stderr)
	}
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	a, err := st.Article(context.Background(), mustID(t, st, 0))
	if err != nil || a.URL != srv.URL+"/news/levee" || a.Published.Format("2006-01-02") != "2024-05-01" || !strings.Contains(a.Text, "levee") {
		t.Errorf("article %+v, %v", a, err)
	}
	if pr, err := st.Provenance(context.Background(), a.ID); err != nil || pr.Origin != a.URL {
		t.Errorf("provenance %+v, %v", pr, err)
	}
}

func mustID(t *testing.T, st *sqlite.DB, i int) string {
	t.Helper()
	ids, err := st.ArticleIDs(context.Background())
	if err != nil || len(ids) <= i {
		t.Fatalf("ids %v, %v", ids, err)
	}
	return ids[i]
}
