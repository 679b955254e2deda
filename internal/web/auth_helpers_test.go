package web_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"parallax/internal/ingest/fetch"
	"parallax/internal/store"
	"parallax/internal/web"
)

const testPassword = "correct horse battery staple"

// authServer is a running web server with a store, and a browser-like
// client (cookies kept, redirects not followed).
type authServer struct {
	URL    string
	st     store.Store
	client *http.Client
}

// newAuthServer serves a fresh store with opts; a zero opts.PasswordHash
// gets testPassword's hash unless noPassword. Feeds added may be local.
func newAuthServer(t *testing.T, opts web.Options, noPassword bool) *authServer {
	t.Helper()
	st := newTestStore(t)
	if opts.Log == nil {
		opts.Log = quietLog()
	}
	if opts.PasswordHash == nil && !noPassword {
		h, err := web.HashPassword(testPassword)
		if err != nil {
			t.Fatal(err)
		}
		opts.PasswordHash = h
	}
	if opts.Fetch == nil {
		opts.Fetch = fetch.New(fetch.Options{AllowPrivate: true, HostInterval: -1})
	}
	srv := httptest.NewServer(web.New(st, opts))
	t.Cleanup(srv.Close)
	return &authServer{URL: srv.URL, st: st, client: newClient(t)}
}

func newClient(t *testing.T) *http.Client {
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &http.Client{Transport: http.DefaultTransport, Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// do sends one request; header may be nil.
func (s *authServer) do(t *testing.T, method, path, contentType string, body io.Reader, header http.Header) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, s.URL+path, body)
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for k, vs := range header {
		req.Header[k] = vs
	}
	res, err := s.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, string(b)
}

// postForm posts form values.
func (s *authServer) postForm(t *testing.T, path string, v url.Values) (*http.Response, string) {
	t.Helper()
	return s.do(t, http.MethodPost, path, "application/x-www-form-urlencoded", strings.NewReader(v.Encode()), nil)
}

// postJSON posts a JSON body with an optional bearer key.
func (s *authServer) postJSON(t *testing.T, method, path, body, key string) (*http.Response, string) {
	t.Helper()
	h := http.Header{}
	if key != "" {
		h.Set("Authorization", "Bearer "+key)
	}
	return s.do(t, method, path, "application/json", strings.NewReader(body), h)
}

var csrfInput = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// csrfOf returns the first CSRF token of a page.
func csrfOf(t *testing.T, page string) string {
	t.Helper()
	m := csrfInput.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no csrf field in page:\n%.2000s", page)
	}
	return m[1]
}

// login logs in with password and returns the response.
func (s *authServer) login(t *testing.T, password string) *http.Response {
	t.Helper()
	_, page := s.do(t, http.MethodGet, "/login", "", nil, nil)
	res, _ := s.postForm(t, "/login", url.Values{"csrf": {csrfOf(t, page)}, "password": {password}, "next": {"/feeds"}})
	return res
}

// feedCount is the number of followed feeds.
func (s *authServer) feedCount(t *testing.T) int {
	t.Helper()
	res, body := s.do(t, http.MethodGet, "/api/v1/feeds", "", nil, nil)
	var n int
	if _, err := fmt.Sscanf(body[strings.Index(body, `"total":`)+len(`"total":`):], "%d", &n); err != nil || res.StatusCode != 200 {
		t.Fatalf("GET /api/v1/feeds: %d %s", res.StatusCode, body)
	}
	return n
}

// feedServer serves a feed at /feed.xml, a page announcing it at /, and
// 500 at /broken.
func feedServer(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Wire</title><link>/</link>`+
				`<item><title>Dam opened</title><link>/news/dam</link><guid>dam</guid></item></channel></rss>`)
		case "/":
			fmt.Fprint(w, `<!doctype html><html><head><title>Valley</title>`+
				`<link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>news</body></html>`)
		case "/broken":
			http.Error(w, "boom", http.StatusInternalServerError)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

// cookieTime is a fixed time for stored records.
func cookieTime() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }
