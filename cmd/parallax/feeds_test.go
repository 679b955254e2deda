package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// newsSite serves an RSS feed of two articles and their pages.
func newsSite(t *testing.T) *httptest.Server {
	t.Helper()
	pages := map[string]string{
		"/news/dam":  "Engineers opened the spillway of the northern dam on Tuesday after a week of heavy rain raised the reservoir to a record level.",
		"/news/rail": "The regional rail line between the two valley towns will close for three weeks in April while the old viaduct is strengthened.",
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed.xml" {
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Wire</title><link>/</link>`)
			for p := range pages {
				fmt.Fprintf(w, `<item><title>Story %s</title><link>%s</link><guid>%s</guid><pubDate>Tue, 04 Mar 2025 09:00:00 GMT</pubDate></item>`, p, p, p)
			}
			fmt.Fprint(w, `</channel></rss>`)
			return
		}
		lead, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html><head><title>Story %s</title></head><body><nav>Home | World | Sport</nav><article><h1>Story %s</h1>`, r.URL.Path, r.URL.Path)
		for i := range 4 {
			fmt.Fprintf(w, "<p>%s Officials said paragraph %d of the report was checked twice by the authorities, who promised further updates later in the week.</p>", lead, i+1)
		}
		fmt.Fprint(w, `</article><footer>Copyright Valley Wire</footer></body></html>`)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestFeedsAndPoll(t *testing.T) {
	srv := newsSite(t)
	db := filepath.Join(t.TempDir(), "p.db")
	feedURL := srv.URL + "/feed.xml"

	if code, _, errOut := runCmd(t, "", "feeds", "--db", db, "add", feedURL); code != 0 {
		t.Fatalf("feeds add: %d %s", code, errOut)
	}
	if code, _, errOut := runCmd(t, "", "feeds", "--db", db, "add", "ftp://x.example/"); code != 2 {
		t.Errorf("feeds add ftp: exit %d %s", code, errOut)
	}
	code, out, errOut := runCmd(t, "", "feeds", "--db", db, "list")
	if code != 0 || !strings.Contains(out, feedURL) || !strings.Contains(out, "never") {
		t.Fatalf("feeds list: %d %q %s", code, out, errOut)
	}

	code, _, errOut = runCmd(t, "", "poll", "--db", db, "--once")
	if code != 0 || !strings.Contains(errOut, "1 failed") {
		t.Errorf("poll without --allow-private should fail the loopback feed: %d %s", code, errOut)
	}
	// The failed feed backs off; a fresh database polls it at once.
	db = filepath.Join(t.TempDir(), "q.db")
	runCmd(t, "", "feeds", "--db", db, "add", "--title", "Valley", "--category", "Local", feedURL)
	code, _, errOut = runCmd(t, "", "poll", "--db", db, "--once", "--allow-private")
	if code != 0 || !strings.Contains(errOut, "2 new item(s)") {
		t.Fatalf("poll: %d %s", code, errOut)
	}
	st, err := openStore(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	stats, err := st.Stats(context.Background())
	st.Close()
	if err != nil || stats.Articles != 2 {
		t.Fatalf("stats after poll: %+v %v (%s)", stats, err, errOut)
	}
	// --once polls every feed, due or not; nothing is new the second time.
	code, _, errOut = runCmd(t, "", "poll", "--db", db, "--once", "--allow-private")
	if code != 0 || !strings.Contains(errOut, "polled 1 feed(s)") || !strings.Contains(errOut, "0 new item(s)") {
		t.Errorf("second poll --once: %d %s", code, errOut)
	}

	code, opml, errOut := runCmd(t, "", "feeds", "--db", db, "export")
	if code != 0 || !strings.Contains(opml, `xmlUrl="`+feedURL+`"`) || !strings.Contains(opml, `text="Local"`) {
		t.Fatalf("export: %d %q %s", code, opml, errOut)
	}
	other := filepath.Join(t.TempDir(), "r.db")
	opmlFile := filepath.Join(t.TempDir(), "subs.opml")
	if err := os.WriteFile(opmlFile, []byte(opml), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runCmd(t, "", "feeds", "--db", other, "import", opmlFile); code != 0 || !strings.Contains(errOut, "imported 1") {
		t.Fatalf("import: %d %s", code, errOut)
	}
	if code, _, errOut := runCmd(t, opml, "feeds", "--db", other, "import", "-"); code != 0 || !strings.Contains(errOut, "1 already followed") {
		t.Fatalf("re-import: %d %s", code, errOut)
	}
	if code, _, errOut := runCmd(t, "", "feeds", "--db", other, "remove", feedURL); code != 0 {
		t.Fatalf("remove: %d %s", code, errOut)
	}
	if code, _, _ := runCmd(t, "", "feeds", "--db", other, "remove", feedURL); code != 1 {
		t.Errorf("removing an unknown feed: exit %d", code)
	}
	if code, _, _ := runCmd(t, "", "feeds", "--db", other, "frobnicate"); code != 2 {
		t.Errorf("unknown action: exit %d", code)
	}
}
