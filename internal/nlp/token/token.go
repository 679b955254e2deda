// Package token splits text into word tokens the way the reference scorer
// does (Python's `\w+`, lower-cased) and derives stemmed, stop-word-free
// terms for TF-IDF.
package token

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a token's byte offsets in the input: s[Start:End].
type Span struct{ Start, End int }

// isWord reports whether r belongs to a `\w` run: a Unicode letter or
// number, or the underscore.
func isWord(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

// Each calls fn with the byte offsets of each maximal run of word
// characters in s, in order: Spans without the slice.
func Each(s string, fn func(start, end int)) { scan(s, fn) }

// Spans returns the maximal runs of word characters in s.
func Spans(s string) []Span {
	var out []Span
	scan(s, func(start, end int) { out = append(out, Span{start, end}) })
	return out
}

// scan calls fn for every word run of s, in order.
func scan(s string, fn func(start, end int)) {
	start := -1
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if isWord(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			fn(start, i)
			start = -1
		}
		i += size
	}
	if start >= 0 {
		fn(start, len(s))
	}
}

// Words returns the word runs of s lower-cased with strings.ToLower.
func Words(s string) []string {
	var out []string
	scan(s, func(start, end int) { out = append(out, lower(s[start:end])) })
	return out
}

// lower is strings.ToLower without an allocation for lower-case ASCII.
func lower(w string) string {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return strings.ToLower(w)
		}
	}
	return w
}
