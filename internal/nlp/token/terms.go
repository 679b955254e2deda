package token

import (
	"unicode"
	"unicode/utf8"

	"parallax/internal/nlp/stem"
)

// Terms returns the features of s for TF-IDF: its Words without stop
// words and without tokens that hold no letter, Porter-stemmed.
func Terms(s string) []string {
	var out []string
	scan(s, func(start, end int) {
		w := lower(s[start:end])
		if IsStop(w) || !hasLetter(w) {
			return
		}
		out = append(out, stem.Porter(w))
	})
	return out
}

func hasLetter(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
				return true
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		if unicode.IsLetter(r) {
			return true
		}
		i += size - 1
	}
	return false
}
