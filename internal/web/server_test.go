package web_test

import (
	"context"
	"errors"
	"html"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"parallax/internal/store"
	"parallax/internal/web"
	"parallax/internal/web/webtest"
)

// startServer serves st on 127.0.0.1:0 until the test ends and returns
// the base URL.
func startServer(t *testing.T, st store.Store) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- web.ServeListener(ctx, st, ln, web.Options{Log: quietLog()}) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve: %v", err)
			}
		case <-time.After(15 * time.Second):
			t.Error("server did not shut down")
		}
	})
	return "http://" + ln.Addr().String()
}

func TestServeAndShutdown(t *testing.T) {
	st := newTestStore(t)
	seed(t, st)
	base := startServer(t, st)
	res, err := http.Get(base + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || strings.TrimSpace(string(body)) != "ok" {
		t.Fatalf("healthz = %d %q", res.StatusCode, body)
	}
}

func TestServeBadAddr(t *testing.T) {
	err := web.Serve(context.Background(), newTestStore(t), "256.0.0.1:bad", quietLog())
	if err == nil {
		t.Fatal("Serve on a bad address succeeded")
	}
}

func TestChromiumRendersStory(t *testing.T) {
	st := newTestStore(t)
	seed(t, st)
	base := startServer(t, st)
	dom := webtest.Chromium(t, base+"/stories/s-bridge")
	for _, want := range []string{
		"Elm Street bridge closed after cracks found",
		"The Elm Street bridge was closed on 3 March after inspectors found cracks.",
		"3 March 2024",
		`href="/static/style.css"`,
	} {
		if !strings.Contains(dom, want) {
			t.Errorf("rendered DOM lacks %q", want)
		}
	}
	// PARALLAX_SCREENSHOT=path.png also saves a screenshot of the page.
	if path := os.Getenv("PARALLAX_SCREENSHOT"); path != "" {
		webtest.Screenshot(t, base+"/stories/s-bridge", path, 1200, 1600)
		t.Logf("screenshot written to %s", path)
	}
}

// TestChromiumRendersStoryParts renders a big story's page and one of its
// "all" pages in headless Chromium.
func TestChromiumRendersStoryParts(t *testing.T) {
	st := newTestStore(t)
	seedBig(t, st)
	base := startServer(t, st)
	tests := []struct {
		name, path string
		wants      []string
	}{
		{"Story", "/stories/" + bigStory, []string{"A very big story", "Showing 20 of 130", "All 130 articles →",
			"All 120 actors →", "All 110 quotes →", "Quote number 006 is a whole sentence."}},
		{"AllQuotes", "/stories/" + bigStory + "/quotes?page=2", []string{"51–100 of 110", "Page 2 of 3",
			"← Previous", "Next →", "← A very big story"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dom := webtest.Chromium(t, base+tc.path)
			for _, want := range tc.wants {
				if !strings.Contains(html.UnescapeString(dom), want) {
					t.Errorf("rendered DOM of %s lacks %q", tc.path, want)
				}
			}
		})
	}
}

// TestHealthzReadiness: /healthz answers 503 with what the process is
// still doing until Ready says it is ready, then "ok"; pages answer all
// along.
func TestHealthzReadiness(t *testing.T) {
	var doing atomic.Value
	doing.Store("loading the clustering state")
	h := web.New(newTestStore(t), web.Options{Ready: func() error {
		if d := doing.Load().(string); d != "" {
			return errors.New(d)
		}
		return nil
	}})
	get := func(path string) (int, string) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		return rec.Code, rec.Body.String()
	}
	if code, body := get("/healthz"); code != http.StatusServiceUnavailable || !strings.Contains(body, "loading the clustering state") {
		t.Errorf("healthz while starting = %d %q", code, body)
	}
	if code, _ := get("/"); code != http.StatusOK {
		t.Errorf("/ while starting = %d, want 200 (pages read the store)", code)
	}
	doing.Store("")
	if code, body := get("/healthz"); code != http.StatusOK || body != "ok\n" {
		t.Errorf("healthz when ready = %d %q", code, body)
	}
}
