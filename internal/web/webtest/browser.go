package webtest

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"
)

// Browser starts headless Chromium driven over the DevTools protocol
// (chromedp), for tests that interact with pages: fill forms, click,
// upload files, log in. The returned context goes to chromedp.Do and chromedp.Run; the
// browser is closed when the test ends, and each run is bounded by
// Timeout. It skips the test when there is no Chromium (fails under
// CI=true).
func Browser(t testing.TB) context.Context {
	t.Helper()
	bin := requireChromium(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-dev-shm-usage", true), chromedp.Flag("disable-quic", true))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelBrowser := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, Timeout)
	t.Cleanup(func() {
		cancelTimeout()
		cancelBrowser()
		cancelAlloc()
	})
	if err := chromedp.Do(ctx); err != nil { // starts the browser
		t.Fatalf("webtest: start chromium: %v", err)
	}
	return ctx
}
