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
	"parallax/internal/web"
	"parallax/internal/web/webtest"
)

// TestSourcesChromium drives a real browser against a running server: log
// in, add a feed that fails (a local server answering 500) and see its
// error and the broken count on /feeds, import an OPML file and export it
// back.
func TestSourcesChromium(t *testing.T) {
	feeds := feedServer(t)
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
	base := "http://" + ln.Addr().String()
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
