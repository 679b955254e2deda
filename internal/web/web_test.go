package web_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"parallax/internal/store"
	"parallax/internal/store/sqlite"
	"parallax/internal/web"
)

// newTestStore returns an empty SQLite store for one test.
func newTestStore(t testing.TB) store.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "parallax.db"))
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { _ = st.Close() })
	return st
}

// get runs one request against h and returns the response and its body.
func get(t testing.TB, h http.Handler, method, target string) (*http.Response, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, target, nil))
	res := rec.Result()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, string(body)
}

func quietLog() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func TestRoutes(t *testing.T) {
	st := newTestStore(t)
	seed(t, st)
	h := web.NewHandler(st, quietLog())
	tests := []struct {
		name, method, target string
		status               int
		ctype                string
		contains             string
	}{
		{"Index", "GET", "/", 200, "text/html", "Elm Street bridge closed after cracks found"},
		{"IndexHead", "HEAD", "/", 200, "text/html", ""},
		{"IndexPage1", "GET", "/?page=1", 200, "text/html", "/stories/s-pending"},
		{"IndexBadPage", "GET", "/?page=zero", 400, "text/html", "page must be an integer"},
		{"IndexPageZero", "GET", "/?page=0", 400, "text/html", "page must be"},
		{"Story", "GET", "/stories/s-bridge", 200, "text/html", "Repairs could take months, engineers said."},
		{"StoryPending", "GET", "/stories/s-pending", 200, "text/html", "being written"},
		{"StoryMissing", "GET", "/stories/nope", 404, "text/html", "not found"},
		{"StoryBadID", "GET", "/stories/a%00b", 400, "text/html", "invalid id"},
		{"StoryLongID", "GET", "/stories/" + strings.Repeat("x", 300), 400, "text/html", "invalid id"},
		{"StoryPost", "POST", "/stories/s-bridge", 405, "text/html", "method not allowed"},
		{"Article", "GET", "/articles/a1", 200, "text/html", "Inspectors found cracks in two piers."},
		{"ArticleMissing", "GET", "/articles/nope", 404, "text/html", "not found"},
		{"ArticleBadID", "GET", "/articles/a%20b", 400, "text/html", "invalid id"},
		{"Unknown", "GET", "/nowhere", 404, "text/html", "not found"},
		{"CSS", "GET", "/static/style.css", 200, "text/css", "font"},
		{"CSSMissing", "GET", "/static/nope.js", 404, "text/plain", ""},
		{"Healthz", "GET", "/healthz", 200, "text/plain", "ok"},
		{"APIStories", "GET", "/api/v1/stories", 200, "application/json", `"stories"`},
		{"APIStoriesLimit", "GET", "/api/v1/stories?limit=1&offset=1", 200, "application/json", `"s-bridge"`},
		{"APIStoriesBadLimit", "GET", "/api/v1/stories?limit=x", 400, "application/json", `"error": "limit must be`},
		{"APIStoriesHugeLimit", "GET", "/api/v1/stories?limit=100000", 400, "application/json", `"error"`},
		{"APIStoriesBadOffset", "GET", "/api/v1/stories?offset=-1", 400, "application/json", `"error"`},
		{"APIStory", "GET", "/api/v1/stories/s-bridge", 200, "application/json", `"single_source"`},
		{"APIStoryMissing", "GET", "/api/v1/stories/nope", 404, "application/json", `"error": "not found"`},
		{"APIStoryBadID", "GET", "/api/v1/stories/%0a", 400, "application/json", `"error": "invalid id"`},
		{"APIArticle", "GET", "/api/v1/articles/a2", 200, "application/json", `Repairs could take months."`},
		{"APIArticleMissing", "GET", "/api/v1/articles/nope", 404, "application/json", `"error"`},
		{"APIUnknown", "GET", "/api/v1/nowhere", 404, "application/json", `"error": "not found"`},
		{"APIPost", "POST", "/api/v1/stories", 405, "application/json", `"error": "method not allowed"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, body := get(t, h, tc.method, tc.target)
			if res.StatusCode != tc.status {
				t.Fatalf("status = %d, want %d; body:\n%s", res.StatusCode, tc.status, body)
			}
			if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, tc.ctype) {
				t.Errorf("Content-Type = %q, want %s", ct, tc.ctype)
			}
			if !strings.Contains(body, tc.contains) {
				t.Errorf("body lacks %q:\n%s", tc.contains, body)
			}
			checkSecurityHeaders(t, res.Header)
		})
	}
}

func checkSecurityHeaders(t *testing.T, h http.Header) {
	t.Helper()
	csp := h.Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'self'", "script-src 'self';"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %q", csp, want)
		}
	}
	if strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP allows inline code: %q", csp)
	}
	if got := h.Get("X-Content-Type-Options"); got != "nosniff" {
		t.Errorf("X-Content-Type-Options = %q", got)
	}
	if h.Get("Referrer-Policy") == "" {
		t.Error("no Referrer-Policy")
	}
}

func TestInternalErrorIsLoggedNotShown(t *testing.T) {
	st := failStore{newTestStore(t), io.ErrUnexpectedEOF}
	var logs bytes.Buffer
	h := web.NewHandler(st, slog.New(slog.NewTextHandler(&logs, nil)))
	for _, target := range []string{"/", "/stories/s-bridge", "/articles/a1", "/api/v1/stories", "/api/v1/stories/s-bridge", "/api/v1/articles/a1",
		"/stories/s-bridge/articles", "/stories/s-bridge/quotes", "/api/v1/stories/s-bridge/entities"} {
		t.Run(strings.ReplaceAll(target, "/", "_"), func(t *testing.T) {
			logs.Reset()
			res, body := get(t, h, "GET", target)
			if res.StatusCode != http.StatusInternalServerError {
				t.Fatalf("status = %d, want 500", res.StatusCode)
			}
			if strings.Contains(body, io.ErrUnexpectedEOF.Error()) {
				t.Errorf("internal error shown to the client:\n%s", body)
			}
			if !strings.Contains(logs.String(), io.ErrUnexpectedEOF.Error()) {
				t.Errorf("internal error not logged; logs:\n%s", logs.String())
			}
		})
	}
}

func TestNotFoundIsNotLogged(t *testing.T) {
	var logs bytes.Buffer
	h := web.NewHandler(newTestStore(t), slog.New(slog.NewTextHandler(&logs, nil)))
	if res, _ := get(t, h, "GET", "/stories/nope"); res.StatusCode != 404 {
		t.Fatalf("status = %d", res.StatusCode)
	}
	if logs.Len() != 0 {
		t.Errorf("a 404 was logged:\n%s", logs.String())
	}
}
