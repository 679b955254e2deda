package cluster

import (
	"strings"
	"testing"
)

// TestBoilerCleanLines checks that clean drops exactly the lines seen in
// boilerMin earlier texts (boilerLong for long lines) and joins the rest
// as before: blank lines, a dropped first or last line, a text that loses
// every line, trailing newlines.
func TestBoilerCleanLines(t *testing.T) {
	long := strings.Repeat("wire copy ", 12) // a long line
	texts := []string{
		"Subscribe now\nfirst story\n\nSubscribe now",
		"Subscribe now\nsecond story\n",
		"third story\nSubscribe now",
		"\nSubscribe now\n\nfourth story\nSubscribe now\n",
		"Subscribe now",
		"",
		"\n\n",
		long + "\nfifth story",
		long + "\n" + long,
	}
	// want is the cleaned text under the rule, from a count kept here.
	seen := map[string]int{}
	want := func(text string) string {
		var kept []string
		for _, l := range strings.Split(text, "\n") {
			need := boilerMin
			if len(l) >= boilerLongAt {
				need = boilerLong
			}
			k := strings.ToLower(strings.TrimSpace(l))
			if k == "" {
				kept = append(kept, l)
				continue
			}
			if seen[k] < need {
				kept = append(kept, l)
			}
			seen[k]++
		}
		return strings.Join(kept, "\n")
	}
	var b boiler
	for round := range 4 {
		for _, text := range texts {
			w := want(text)
			if got := b.clean(Doc{Text: text}).Text; got != w {
				t.Errorf("round %d: clean(%q) = %q, want %q", round, text, got, w)
			}
		}
	}
}
