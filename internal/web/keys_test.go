package web_test

import (
	"strings"
	"testing"

	"parallax/internal/web"
)

func TestKeyboardScript(t *testing.T) {
	h := web.New(newTestStore(t), web.Options{Log: quietLog()})
	res, body := get(t, h, "GET", "/static/keys.js")
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/javascript") {
		t.Fatalf("keys.js: status %d, type %q", res.StatusCode, res.Header.Get("Content-Type"))
	}
	for _, want := range []string{`"[data-nav] > li"`, `case "j"`, `case "k"`, `case "o"`, `case "/"`, `case "?"`} {
		if !strings.Contains(body, want) {
			t.Errorf("keys.js lacks %s", want)
		}
	}
	res, body = get(t, h, "GET", "/")
	if !strings.Contains(body, `<script src="/static/keys.js" defer></script>`) {
		t.Error("pages do not load keys.js")
	}
	csp := res.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "script-src 'self';") || strings.Contains(csp, "unsafe") {
		t.Errorf("CSP = %q: want scripts from this origin only", csp)
	}
}
