// Package webtest holds test support for Parallax's web pages: running a
// headless Chromium against a live server to get the rendered DOM or a
// screenshot.
package webtest

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// Timeout bounds one Chromium run.
const Timeout = 90 * time.Second

// ChromiumPath finds Chromium: $PARALLAX_CHROMIUM, /usr/bin/chromium, or
// chromium, chromium-browser or google-chrome on PATH. It returns "" when
// there is none.
func ChromiumPath() string {
	if p := os.Getenv("PARALLAX_CHROMIUM"); p != "" {
		return p
	}
	if fi, err := os.Stat("/usr/bin/chromium"); err == nil && !fi.IsDir() {
		return "/usr/bin/chromium"
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// requireChromium returns Chromium's path, or skips the test (fails it
// under CI=true, where Chromium must be installed).
func requireChromium(t testing.TB) string {
	t.Helper()
	p := ChromiumPath()
	if p == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("webtest: chromium not found (install it or set PARALLAX_CHROMIUM); required under CI=true")
		}
		t.Skip("webtest: chromium not found; skipping (set PARALLAX_CHROMIUM to run)")
	}
	return p
}

// Chromium loads url in headless Chromium and returns the DOM after the
// page has rendered (--dump-dom).
func Chromium(t testing.TB, url string) string {
	t.Helper()
	return string(run(t, "--dump-dom", url))
}

// Screenshot loads url in headless Chromium at width x height and writes
// a PNG to path.
func Screenshot(t testing.TB, url, path string, width, height int) {
	t.Helper()
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatalf("webtest: %v", err)
	}
	run(t, "--screenshot="+abs, "--window-size="+strconv.Itoa(width)+","+strconv.Itoa(height),
		"--hide-scrollbars", url)
	if fi, err := os.Stat(abs); err != nil || fi.Size() == 0 {
		t.Fatalf("webtest: no screenshot written to %s: %v", abs, err)
	}
}

func run(t testing.TB, args ...string) []byte {
	t.Helper()
	bin := requireChromium(t)
	ctx, cancel := context.WithTimeout(context.Background(), Timeout)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage", "--user-data-dir=" + t.TempDir()}
	cmd := exec.CommandContext(ctx, bin, append(base, args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Run(); err != nil {
		t.Fatalf("webtest: chromium %v: %v\n%s", args, err, tail(stderr.Bytes(), 2000))
	}
	return stdout.Bytes()
}

func tail(b []byte, n int) []byte {
	if len(b) > n {
		return b[len(b)-n:]
	}
	return b
}
