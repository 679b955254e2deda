package web_test

import (
	"context"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parallax/internal/ingest/feed"
	"parallax/internal/ingest/fetch"
	"parallax/internal/store"
	"parallax/internal/web"
	"parallax/internal/web/webtest"
)

// TestSourcesChromium drives a real browser against a running server: log
// in, add a feed that fails (a local server answering 500) and see its
// error and the broken count on /feeds, import an OPML file and export it
// back.
func TestSourcesChromium(t *testing.T) {
	feeds := feedServer(t)
	base, _ := serveWithPassword(t)
	opml := filepath.Join(t.TempDir(), "mine.opml")
	if err := os.WriteFile(opml, []byte(`<?xml version="1.0"?><opml version="2.0"><head><title>mine</title></head><body>`+
		`<outline text="Science"><outline text="Lab News" type="rss" xmlUrl="https://lab.example/rss"/></outline>`+
		`<outline text="Town Crier" type="rss" xmlUrl="https://town.example/feed"/></body></opml>`), 0o644); err != nil {
		t.Fatal(err)
	}

	b := webtest.Browser(t)
	css := func(sel string) chromedp.CSS { return chromedp.CSS(sel) }
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(b, chromedp.Text(css(sel)))
		if err != nil {
			t.Fatalf("chromium: text of %s: %v", sel, err)
		}
		return s
	}
	step := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(b, steps...); err != nil {
			t.Fatalf("chromium: %s: %v", what, err)
		}
	}
	step("log in",
		chromedp.Navigate(base+"/login?next=/feeds"),
		chromedp.WaitVisible(css("#password")),
		chromedp.SendKeys(css("#password"), testPassword),
		chromedp.Click(css("form.login button")),
		chromedp.WaitVisible(css("#feed-url"))) // the sources page, logged in
	step("add a failing feed",
		chromedp.SendKeys(css("#feed-url"), feeds.URL+"/broken"),
		chromedp.SendKeys(css("#feed-category"), "Local"),
		chromedp.Click(css("form.add-feed button")),
		chromedp.WaitVisible(css("tr.broken .last-error")))
	lastError, badge := text("tr.broken .last-error"), text("#nav-sources .badge")
	step("import OPML",
		chromedp.SetUploadFiles(css("#opml-file"), []string{opml}),
		chromedp.Click(css("form.import-feeds button")),
		chromedp.WaitVisible(css(`a[href="https://lab.example/rss"]`))) // the new page (the old one has a notice too)
	notice, table := text("p.notice[role=status]"), text("table.feeds")
	if !strings.Contains(lastError, "500") {
		t.Errorf("last error shown %q; want the 500", lastError)
	}
	if strings.TrimSpace(badge) != "1 broken" {
		t.Errorf("navigation badge %q; want 1 broken", badge)
	}
	if !strings.Contains(notice, "Imported 2 feed(s)") || !strings.Contains(table, "https://lab.example/rss") || !strings.Contains(table, "https://town.example/feed") {
		t.Errorf("after import: notice %q, table:\n%s", notice, table)
	}

	res, err := http.Get(base + "/feeds.opml")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	subs, err := feed.ParseOPML(res.Body)
	if err != nil || len(subs) != 3 {
		t.Fatalf("export: %v, %+v", err, subs)
	}
	got := map[string]string{}
	for _, s := range subs {
		got[s.URL] = s.Category + "|" + s.Title
	}
	// An untitled feed is exported named by its URL.
	if got["https://lab.example/rss"] != "Science|Lab News" || got["https://town.example/feed"] != "|Town Crier" ||
		got[feeds.URL+"/broken"] != "Local|"+feeds.URL+"/broken" {
		t.Errorf("exported %v", got)
	}
}

// serveWithPassword runs a server with the test password on a loopback
// port, fetching feeds from private addresses too, and returns its base
// URL and store.
func serveWithPassword(t *testing.T) (string, store.Store) {
	t.Helper()
	st := newTestStore(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- web.ServeListener(ctx, st, ln, web.Options{Log: quietLog(), PasswordHash: mustHash(t),
			Fetch: fetch.New(fetch.Options{AllowPrivate: true, HostInterval: -1})})
	}()
	t.Cleanup(func() {
		stop()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	return "http://" + ln.Addr().String(), st
}

// TestAPIKeyChromium makes write calls from a page in a real browser, as
// a script or an extension of the operator's would: without a key the
// API refuses (401), with the key it adds the feed, which the sources
// page then lists; once the key is revoked it refuses again.
func TestAPIKeyChromium(t *testing.T) {
	feeds := feedServer(t)
	base, st := serveWithPassword(t)
	key, hash := web.NewAPIKey()
	if err := st.CreateAPIKey(context.Background(), store.APIKey{Name: "script", Hash: hash, Created: cookieTime()}); err != nil {
		t.Fatal(err)
	}
	b := webtest.Browser(t)
	post := func(key string) int {
		t.Helper()
		js := `fetch("/api/v1/feeds", {method: "POST", headers: {"Content-Type": "application/json"` +
			map[bool]string{true: `, "Authorization": "Bearer ` + key + `"`, false: ""}[key != ""] +
			`}, body: JSON.stringify({url: "` + feeds.URL + `/feed.xml", category: "Wire"})}).then(r => r.status)`
		status, err := chromedp.Run(b, chromedp.Evaluate[int](js, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("chromium: fetch: %v", err)
		}
		return status
	}
	if err := chromedp.Do(b, chromedp.Navigate(base+"/feeds"), chromedp.WaitVisible(chromedp.CSS("main"))); err != nil {
		t.Fatalf("chromium: open /feeds: %v", err)
	}
	if got := post(""); got != http.StatusUnauthorized {
		t.Errorf("POST /api/v1/feeds without a key: %d, want 401", got)
	}
	if got := post(key); got != http.StatusCreated {
		t.Fatalf("POST /api/v1/feeds with the key: %d, want 201", got)
	}
	if err := chromedp.Do(b, chromedp.Navigate(base+"/feeds"), chromedp.WaitVisible(chromedp.CSS("table.feeds"))); err != nil {
		t.Fatalf("chromium: reload /feeds: %v", err)
	}
	table, err := chromedp.Run(b, chromedp.Text(chromedp.CSS("table.feeds")))
	if err != nil || !strings.Contains(table, feeds.URL+"/feed.xml") || !strings.Contains(table, "Wire") {
		t.Fatalf("sources page after the keyed call (%v):\n%s", err, table)
	}
	if err := st.RevokeAPIKey(context.Background(), "script"); err != nil {
		t.Fatal(err)
	}
	if got := post(key); got != http.StatusUnauthorized {
		t.Errorf("POST with the revoked key: %d, want 401", got)
	}
}
