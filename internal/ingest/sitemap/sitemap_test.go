package sitemap

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"testing"
	"time"

	"parallax/internal/ingest/fetch"
	"parallax/internal/ingest/files"
)

func gz(s string) []byte {
	var b bytes.Buffer
	z := gzip.NewWriter(&b)
	z.Write([]byte(s))
	z.Close()
	return b.Bytes()
}

func site(t *testing.T) *httptest.Server {
	mux := http.NewServeMux()
	var srv *httptest.Server
	mux.HandleFunc("GET /robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
	})
	mux.HandleFunc("GET /sitemap_index.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain") // servers lie about types
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>%s/news.xml.gz</loc></sitemap>
  <sitemap><loc>/pages.xml</loc></sitemap>
  <sitemap><loc>/broken.xml</loc></sitemap>
  <sitemap><loc>/pages.xml</loc></sitemap>
</sitemapindex>`, srv.URL)
	})
	mux.HandleFunc("GET /news.xml.gz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/x-gzip")
		w.Write(gz(fmt.Sprintf(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>%[1]s/a/1</loc><news:news><news:publication><news:name>Ex</news:name><news:language>en</news:language></news:publication>
<news:publication_date>2024-05-01T10:30+02:00</news:publication_date><news:title>Levee holds &amp; river falls</news:title></news:news></url>
<url><loc>%[1]s/a/2</loc><lastmod>2024-05-02</lastmod></url>
</urlset>`, srv.URL)))
	})
	mux.HandleFunc("GET /pages.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<urlset><url><loc>/a/2</loc></url><url><loc>/doc.pdf</loc></url><url><loc>/private/x</loc></url><url><loc>javascript:alert(1)</loc></url></urlset>`)
	})
	mux.HandleFunc("GET /broken.xml", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "boom", http.StatusInternalServerError)
	})
	mux.HandleFunc("GET /a/{n}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, "<html><head><title>Article %s</title></head><body><p>Body %s</p></body></html>", r.PathValue("n"), r.PathValue("n"))
	})
	mux.HandleFunc("GET /doc.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.4"))
	})
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func client(allowPrivate bool) *fetch.Client {
	return fetch.New(fetch.Options{AllowPrivate: allowPrivate, HostInterval: -1})
}

func TestItems(t *testing.T) {
	srv := site(t)
	now := time.Date(2024, 5, 3, 0, 0, 0, 0, time.UTC)
	var got []string
	var items []files.Item
	err := Items(context.Background(), client(true), srv.URL+"/sitemap_index.xml", Options{Now: func() time.Time { return now }}, func(it files.Item) error {
		items = append(items, it)
		path := strings.TrimPrefix(it.Origin, srv.URL)
		switch {
		case errors.Is(it.Err, fetch.ErrStatus):
			got = append(got, "status:"+path)
		case errors.Is(it.Err, fetch.ErrRobots):
			got = append(got, "robots:"+path)
		case errors.Is(it.Err, ErrNotHTML):
			got = append(got, "nothtml:"+path)
		case it.Err != nil:
			got = append(got, "error:"+path+":"+it.Err.Error())
		default:
			got = append(got, "page:"+path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(got)
	want := "nothtml:/doc.pdf page:/a/1 page:/a/2 robots:/private/x status:/broken.xml"
	if strings.Join(got, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " "), want)
	}
	for _, it := range items {
		if it.Origin == srv.URL+"/a/1" {
			r := it.Rec
			if r.Title != "Levee holds & river falls" || r.Lang != "en" || !r.Published.Equal(time.Date(2024, 5, 1, 8, 30, 0, 0, time.UTC)) ||
				!strings.Contains(r.HTML, "Body 1") || !r.Fetched.Equal(now) {
				t.Errorf("news entry %+v", r)
			}
		}
	}
}

func TestGuard(t *testing.T) {
	srv := site(t)
	var items []files.Item
	err := Items(context.Background(), client(false), srv.URL+"/sitemap_index.xml", Options{}, func(it files.Item) error {
		items = append(items, it)
		return nil
	})
	if err != nil || len(items) != 1 || !errors.Is(items[0].Err, fetch.ErrForbidden) {
		t.Fatalf("items %+v, %v: want one refusal of the loopback sitemap", items, err)
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		name    string
		data    []byte
		entries int
		kids    int
		err     error
	}{
		{"URLSet", []byte(`<urlset><url><loc>https://x.example/a</loc></url></urlset>`), 1, 0, nil},
		{"Index", []byte(`<sitemapindex><sitemap><loc>https://x.example/s.xml</loc></sitemap></sitemapindex>`), 0, 1, nil},
		{"Gzip", gz(`<urlset><url><loc>https://x.example/a</loc></url><url><loc>b</loc></url></urlset>`), 2, 0, nil},
		{"HTML", []byte(`<html><body>not a sitemap</body></html>`), 0, 0, ErrFormat},
		{"Bomb", gz(`<urlset>` + strings.Repeat(" ", 5000) + `</urlset>`), 0, 0, ErrTooLarge},
		{"Garbage", []byte("\x00\x01"), 0, 0, ErrFormat},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, k, err := Parse(tt.data, "https://x.example/", 1000)
			if !errors.Is(err, tt.err) || len(e) != tt.entries || len(k) != tt.kids {
				t.Errorf("Parse = %d entries, %d children, %v", len(e), len(k), err)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(`<urlset><url><loc>https://x.example/a</loc><lastmod>2024-01-01</lastmod></url></urlset>`))
	f.Add([]byte(`<sitemapindex><sitemap><loc>/s.xml</loc></sitemap></sitemapindex>`))
	f.Add(gz(`<urlset/>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		entries, kids, err := Parse(data, "https://x.example/", 1<<20)
		if err != nil && (entries != nil || kids != nil) {
			t.Fatal("results with an error")
		}
		for _, e := range entries {
			if !strings.HasPrefix(e.URL, "http") {
				t.Fatalf("entry %q is not http(s)", e.URL)
			}
		}
	})
}
