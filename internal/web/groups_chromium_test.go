package web_test

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parallax/internal/web"
	"parallax/internal/web/webtest"
)

// TestGroupsUploadChromium drives a real browser against a running
// server: log in, import a CSV of outlet labels with the form on
// /blindspots, see the bridge story listed there as a blindspot and its
// page draw the coverage bars.
func TestGroupsUploadChromium(t *testing.T) {
	st := newTestStore(t)
	seed(t, st) // s-bridge: Harbor Times, Valley Post, City Wire
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- web.ServeListener(ctx, st, ln, web.Options{Log: quietLog(), PasswordHash: mustHash(t)})
	}()
	t.Cleanup(func() {
		stop()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	base := "http://" + ln.Addr().String()
	csv := filepath.Join(t.TempDir(), "labels.csv")
	if err := os.WriteFile(csv, []byte("outlet,dimension,value\nHarbor Times,leaning,left\nValley Post,leaning,left\n"+
		"City Wire,leaning,left\nCity Wire,ownership,public\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	b := webtest.Browser(t)
	css := func(sel string) chromedp.CSS { return chromedp.CSS(sel) }
	step := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(b, steps...); err != nil {
			t.Fatalf("chromium: %s: %v", what, err)
		}
	}
	html := func() string {
		t.Helper()
		s, err := chromedp.Run(b, chromedp.OuterHTML(css("main")))
		if err != nil {
			t.Fatalf("chromium: page: %v", err)
		}
		return s
	}
	step("log in",
		chromedp.Navigate(base+"/login?next=/blindspots"),
		chromedp.WaitVisible(css("#password")),
		chromedp.SendKeys(css("#password"), testPassword),
		chromedp.Click(css("form.login button")),
		chromedp.WaitVisible(css("#groups-file")))
	if page := html(); !strings.Contains(page, "No blindspots") {
		t.Fatalf("a blindspot before any labels:\n%s", page)
	}
	step("import the labels",
		chromedp.SetUploadFiles(css("#groups-file"), []string{csv}),
		chromedp.Click(css("form.import-groups button")),
		chromedp.WaitVisible(css(`ol.blindspots a[href="/stories/s-bridge#groups"]`)))
	if page := html(); !strings.Contains(page, "3 of 3 labelled outlets") {
		t.Errorf("/blindspots lacks the side count:\n%s", page)
	}
	step("open the story", chromedp.Navigate(base+"/stories/s-bridge"), chromedp.WaitVisible(css("#groups svg.bar")))
	page := html()
	for _, want := range []string{`aria-label="leaning: left 3 (of 3 outlets)"`,
		`aria-label="ownership: public 1, unlabelled 2 (of 3 outlets)"`, `width="33.33"`, `width="66.67"`} {
		if !strings.Contains(page, want) {
			t.Errorf("story page lacks %s", want)
		}
	}
	width, err := chromedp.Run(b, chromedp.Evaluate[float64](`document.querySelector("#groups svg.bar").getBoundingClientRect().width`))
	if err != nil {
		t.Fatal(err)
	}
	if width < 100 {
		t.Errorf("coverage bar drawn %v px wide; the stylesheet should make it the section's width", width)
	}
}
