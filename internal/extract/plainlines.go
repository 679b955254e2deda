package extract

import "strings"

// PlainLines returns the non-blank lines of s, trimmed, one per line: the
// text of an article given as text when the line classifier keeps none.
func PlainLines(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
