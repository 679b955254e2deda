package web_test

import (
	"compress/gzip"
	"io"
	"net/http/httptest"
	"strings"
	"testing"

	"parallax/internal/web"
)

func TestGzip(t *testing.T) {
	st := newTestStore(t)
	seedBig(t, st)
	h := web.NewHandler(st, quietLog())
	story := "/stories/" + bigStory
	tests := []struct {
		name, method, target, accept string
		gzipped                      bool
	}{
		{"HTMLGzip", "GET", story, "gzip", true},
		{"HTMLBrowser", "GET", story, "gzip, deflate, br, zstd", true},
		{"HTMLNoHeader", "GET", story, "", false},
		{"HTMLOtherCoding", "GET", story, "br", false},
		{"HTMLRefused", "GET", story, "gzip;q=0, identity", false},
		{"HTMLRefusedSpaced", "GET", story, "br, GZIP ; q=0.0", false},
		{"HTMLWeighted", "GET", story, "deflate, gzip;q=0.5", true},
		{"HTMLStar", "GET", story, "*", true},
		{"JSONGzip", "GET", "/api/v1/stories/" + bigStory, "gzip", true},
		{"JSONPlain", "GET", "/api/v1/stories/" + bigStory, "", false},
		{"PartGzip", "GET", story + "/quotes", "gzip", true},
		{"CSSGzip", "GET", "/static/style.css", "gzip", true},
		{"TinyBody", "GET", "/healthz", "gzip", false},
		{"ErrorJSON", "GET", "/api/v1/stories/nope", "gzip", false},
		{"Head", "HEAD", story, "gzip", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest(tc.method, tc.target, nil)
			if tc.accept != "" {
				req.Header.Set("Accept-Encoding", tc.accept)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			res := rec.Result()
			if enc := res.Header.Get("Content-Encoding"); (enc == "gzip") != tc.gzipped {
				t.Fatalf("Content-Encoding = %q, want gzip: %v", enc, tc.gzipped)
			}
			if !strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
				t.Errorf("Vary = %q", res.Header.Get("Vary"))
			}
			checkSecurityHeaders(t, res.Header)
			body := rec.Body.String()
			if tc.gzipped {
				if res.Header.Get("Content-Length") != "" {
					t.Errorf("gzipped response keeps Content-Length %s", res.Header.Get("Content-Length"))
				}
				body = gunzip(t, rec.Body)
			}
			if tc.method == "GET" {
				_, plain := get(t, h, "GET", tc.target)
				if body != plain {
					t.Errorf("body differs from the plain response (%d vs %d bytes)", len(body), len(plain))
				}
			}
		})
	}
}

func gunzip(t *testing.T, r io.Reader) string {
	t.Helper()
	zr, err := gzip.NewReader(r)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
