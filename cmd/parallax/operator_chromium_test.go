package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parallax/internal/clitest"
	"parallax/internal/ingest/feed"
	"parallax/internal/web/webtest"
)

// TestOperatorChromium runs the operator's round in headless Chromium
// against the real `parallax serve` binary, with a password from a file
// and an API key made by `parallax apikey create`: log in, add a feed that
// fails and see its error and the broken count, import an OPML file and
// export the list, then make write calls to the API from the page with and
// without the key.
func TestOperatorChromium(t *testing.T) {
	bin := clitest.Binary(t)
	dir := t.TempDir()
	db, pw := filepath.Join(dir, "p.db"), filepath.Join(dir, "password")
	writeFile(t, pw, "a long operator password\n")
	out, err := exec.Command(bin, "apikey", "--db", db, "create", "script").Output()
	key := strings.TrimSpace(string(out))
	if err != nil || !strings.HasPrefix(key, "px_") {
		t.Fatalf("apikey create: %v %q", err, out)
	}
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/feed.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Wire</title><link>/</link>`+
				`<item><title>Dam opened</title><link>/news/dam</link></item></channel></rss>`)
		default:
			http.Error(w, "down for maintenance", http.StatusInternalServerError)
		}
	}))
	t.Cleanup(site.Close)
	opml := filepath.Join(dir, "mine.opml")
	writeFile(t, opml, `<?xml version="1.0"?><opml version="2.0"><head><title>mine</title></head><body>`+
		`<outline text="Science"><outline text="Lab News" type="rss" xmlUrl="https://lab.example/rss"/></outline></body></opml>`)
	base := startServe(t, bin, db, "--password-file", pw, "--allow-private")

	b := webtest.Browser(t)
	css := func(sel string) chromedp.CSS { return chromedp.CSS(sel) }
	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(b, steps...); err != nil {
			t.Fatalf("chromium: %s: %v", what, err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(b, chromedp.Text(css(sel)))
		if err != nil {
			t.Fatalf("chromium: text of %s: %v", sel, err)
		}
		return s
	}
	do("log in", chromedp.Navigate(base+"/login?next=/feeds"), chromedp.WaitVisible(css("#password")),
		chromedp.SendKeys(css("#password"), "a long operator password"), chromedp.Click(css("form.login button")),
		chromedp.WaitVisible(css("#feed-url")))
	do("add a failing feed", chromedp.SendKeys(css("#feed-url"), site.URL+"/broken"),
		chromedp.Click(css("form.add-feed button")), chromedp.WaitVisible(css("tr.broken .last-error")))
	if e, badge := text("tr.broken .last-error"), text("#nav-sources .badge"); !strings.Contains(e, "500") || strings.TrimSpace(badge) != "1 broken" {
		t.Errorf("after adding the failing feed: last error %q, navigation %q", e, badge)
	}
	do("import OPML", chromedp.SetUploadFiles(css("#opml-file"), []string{opml}),
		chromedp.Click(css("form.import-feeds button")), chromedp.WaitVisible(css(`a[href="https://lab.example/rss"]`)))

	res, err := http.Get(base + "/feeds.opml")
	if err != nil {
		t.Fatal(err)
	}
	subs, err := feed.ParseOPML(res.Body)
	res.Body.Close()
	if err != nil || len(subs) != 2 {
		t.Fatalf("exported OPML: %v, %+v", err, subs)
	}

	post := func(key string) int {
		t.Helper()
		auth := ""
		if key != "" {
			auth = `, "Authorization": "Bearer ` + key + `"`
		}
		js := `fetch("/api/v1/feeds", {method: "POST", credentials: "omit", headers: {"Content-Type": "application/json"` + auth +
			`}, body: JSON.stringify({url: "` + site.URL + `/feed.xml", category: "Wire"})}).then(r => r.status)`
		status, err := chromedp.Run(b, chromedp.Evaluate[int](js, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("chromium: fetch: %v", err)
		}
		return status
	}
	if got := post(""); got != http.StatusUnauthorized {
		t.Errorf("API write without a key (and without the session cookie): %d, want 401", got)
	}
	if got := post(key); got != http.StatusCreated {
		t.Fatalf("API write with the key: %d, want 201", got)
	}
	do("see the keyed feed", chromedp.Navigate(base+"/feeds"), chromedp.WaitVisible(css("table.feeds")))
	if table := text("table.feeds"); !strings.Contains(table, site.URL+"/feed.xml") {
		t.Errorf("sources page after the keyed call:\n%s", table)
	}
	if api := getBody(t, base+"/api/v1/feeds"); !strings.Contains(api, `"category": "Wire"`) && !strings.Contains(api, `"category":"Wire"`) {
		t.Errorf("the keyed feed's category is not in the API: %s", api)
	}
}
