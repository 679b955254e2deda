package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestPrune(t *testing.T) {
	tests := []struct {
		name, in, want string
		drop           []string
		nav            bool
	}{
		{"StyleAndComment", `<p>a<style>p{color:red}</style><!-- note -->b</p>`, "ab", []string{"color", "note"}, false},
		{"Svg", `<div>x<svg><text>chart label</text></svg>y</div>`, "xy", []string{"chart"}, false},
		{"CodeScript", `<p>q</p><script>var x = 1</script><noscript>enable js</noscript>`, "q", []string{"var x", "enable"}, false},
		{"NavKept", `<nav>menu</nav><p>r</p><footer>foot</footer>`, "menurfoot", nil, false},
		{"NavDropped", `<nav>menu</nav><p>r</p><footer>foot</footer>`, "r", []string{"menu", "foot"}, true},
		{"Hidden", `<p>a</p><div hidden>menu</div><div style="Display: none">popup</div><p style="visibility:hidden">x</p><p>b</p>`, "ab", []string{"menu", "popup"}, false},
		{"AsideWithNav", `<aside>related</aside><p>c</p>`, "c", []string{"related"}, true},
		{"AsideKeptForDates", `<aside>related</aside><p>c</p>`, "relatedc", nil, false},
		{"JSONScriptKept", `<p>z</p><script type="application/ld+json">{"a":1}</script>`, `z{"a":1}`, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			prune(doc, tt.nav)
			var b strings.Builder
			if err := html.Render(&b, doc); err != nil {
				t.Fatal(err)
			}
			for _, d := range tt.drop {
				if strings.Contains(b.String(), d) {
					t.Errorf("%q still in %s", d, b.String())
				}
			}
			if got := strings.ReplaceAll(textContent(doc), " ", ""); got != tt.want {
				t.Errorf("text %q, want %q", got, tt.want)
			}
		})
	}
}
