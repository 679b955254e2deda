package poll

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"parallax/internal/ingest/fetch"
)

// TestResolve: a feed is itself; a page leads to the first feed it
// announces that parses; a failing or feedless address comes back with
// its error; refused addresses are errors.
func TestResolve(t *testing.T) {
	rss := `<?xml version="1.0"?><rss version="2.0"><channel><title>Hill Post</title><link>https://hill.example/</link>` +
		`<item><title>Bridge</title><link>https://hill.example/bridge</link></item></channel></rss>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/rss":
			fmt.Fprint(w, rss)
		case "/site":
			fmt.Fprint(w, `<html><head><link rel="alternate" type="application/atom+xml" href="/gone">`+
				`<link rel="alternate feed" type="application/rss+xml" href="/rss"></head><body></body></html>`)
		case "/plain":
			fmt.Fprint(w, `<html><head><title>No feeds</title></head><body>hello</body></html>`)
		case "/500":
			http.Error(w, "down", http.StatusInternalServerError)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	open := fetch.New(fetch.Options{AllowPrivate: true, HostInterval: -1})
	guarded := fetch.New(fetch.Options{HostInterval: -1})
	tests := []struct {
		name       string
		client     *fetch.Client
		url        string
		wantURL    string
		title      string
		discovered bool
		errHas     string // in Resolved.Err
		refused    bool
	}{
		{name: "Feed", client: open, url: srv.URL + "/rss", wantURL: srv.URL + "/rss", title: "Hill Post"},
		{name: "Page", client: open, url: srv.URL + "/site", wantURL: srv.URL + "/rss", title: "Hill Post", discovered: true},
		{name: "PageWithoutFeeds", client: open, url: srv.URL + "/plain", wantURL: srv.URL + "/plain", errHas: "announces no feed"},
		{name: "ServerError", client: open, url: srv.URL + "/500", wantURL: srv.URL + "/500", errHas: "500"},
		{name: "Loopback", client: guarded, url: srv.URL + "/rss", refused: true},
		{name: "Metadata", client: guarded, url: "http://169.254.169.254/latest/", refused: true},
		{name: "Scheme", client: open, url: "file:///etc/passwd", refused: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Resolve(context.Background(), tt.client, tt.url)
			if tt.refused {
				if !errors.Is(err, ErrRefused) {
					t.Fatalf("Resolve = %+v, %v; want ErrRefused", r, err)
				}
				return
			}
			if err != nil || r.URL != tt.wantURL || r.Title != tt.title || r.Discovered != tt.discovered {
				t.Fatalf("Resolve = %+v, %v", r, err)
			}
			if (tt.errHas == "") != (r.Err == nil) || (r.Err != nil && !strings.Contains(r.Err.Error(), tt.errHas)) {
				t.Fatalf("Resolve error %v; want one with %q", r.Err, tt.errHas)
			}
		})
	}
}
