package webtest

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Browser starts headless Chromium driven over the DevTools protocol
// (chromedp), for tests that interact with pages: fill forms, click,
// press keys, upload files, log in. It returns the context of its one
// tab; run actions with chromedp.Do or chromedp.Run. The browser is
// closed when the test ends; every action must finish within Timeout of
// the start. It skips the test when there is no Chromium (fails under
// CI=true).
func Browser(t testing.TB) context.Context {
	t.Helper()
	bin := requireChromium(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-dev-shm-usage", true), chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true), chromedp.WindowSize(1200, 900))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	tab, cancelTab := chromedp.NewContext(alloc)
	t.Cleanup(func() {
		cancelTab()
		cancelAlloc()
	})
	// The first run starts the browser, for as long as tab lives: it
	// must not carry the timeout (see chromedp.Run).
	if err := chromedp.Do(tab); err != nil {
		t.Fatalf("webtest: start chromium: %v", err)
	}
	ctx, cancel := context.WithTimeout(tab, Timeout)
	t.Cleanup(cancel)
	return ctx
}

// Do runs actions in the browser, failing the test on an error.
func Do(t testing.TB, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("webtest: %s: %v", what, err)
	}
}

// WaitLocation waits until the tab's address has want's path and every
// parameter of want's query with its value (others may be there too:
// a form sends its empty fields), after a click or key that navigates;
// then until the new page has its footer (the end of layout.html).
func WaitLocation(t testing.TB, ctx context.Context, want string) {
	t.Helper()
	w, err := url.Parse(want)
	if err != nil {
		t.Fatal(err)
	}
	var last string
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		loc, err := chromedp.Run(ctx, chromedp.Location())
		if err != nil {
			continue // the page is being replaced
		}
		u, err := url.Parse(loc)
		if err != nil {
			continue
		}
		last = u.RequestURI()
		if sameLocation(u, w) {
			Do(t, ctx, "wait for "+want, chromedp.WaitReady(chromedp.CSS("footer.site")))
			return
		}
	}
	t.Fatalf("webtest: location = %q, want %q", last, want)
}

// sameLocation reports whether u has w's path and w's parameters.
func sameLocation(u, w *url.URL) bool {
	if u.EscapedPath() != w.EscapedPath() {
		return false
	}
	got := u.Query()
	for k, vs := range w.Query() {
		if got.Get(k) != vs[0] {
			return false
		}
	}
	return true
}

// Texts returns the trimmed text of every element matching a CSS
// selector, in document order.
func Texts(t testing.TB, ctx context.Context, css string) []string {
	t.Helper()
	sel, err := json.Marshal(css)
	if err != nil {
		t.Fatal(err)
	}
	texts, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
		`Array.from(document.querySelectorAll(`+string(sel)+`), e => e.textContent.trim())`))
	if err != nil {
		t.Fatalf("webtest: texts of %s: %v", css, err)
	}
	for i, s := range texts {
		texts[i] = strings.Join(strings.Fields(s), " ")
	}
	return texts
}

// Eval evaluates a JavaScript expression in the page and returns its
// value as T.
func Eval[T any](t testing.TB, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("webtest: evaluate %s: %v", expr, err)
	}
	return v
}
