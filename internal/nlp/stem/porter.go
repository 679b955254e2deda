// Package stem reduces English words to their stems. Porter reproduces
// NLTK's PorterStemmer (NLTK 3.8, default NLTK_EXTENSIONS mode) exactly, so
// that Parallax's ROUGE scores agree with the reference scorer.
package stem

import (
	"strings"
	"unicode/utf8"
)

// pool holds NLTK's irregular forms, looked up before any rule runs.
var pool = map[string]string{
	"sky": "sky", "skies": "sky",
	"dying": "die", "lying": "lie", "tying": "tie",
	"news":    "news",
	"innings": "inning", "inning": "inning",
	"outings": "outing", "outing": "outing",
	"cannings": "canning", "canning": "canning",
	"howe":    "howe",
	"proceed": "proceed", "exceed": "exceed", "succeed": "succeed",
}

// Porter returns the Porter stem of w, identical to NLTK's
// PorterStemmer().stem(w). Input is lower-cased as NLTK does; pass
// lower-case words for exact agreement on non-ASCII letters.
func Porter(w string) string {
	if s, ok := pool[w]; ok {
		return s
	}
	if isASCII(w) {
		if len(w) <= 2 {
			return lowerASCII(w)
		}
		var buf [48]byte
		b := append(buf[:0], w...)
		for i, c := range b {
			if 'A' <= c && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
		}
		return string(run(b))
	}
	lw := strings.ToLower(w)
	if utf8.RuneCountInString(w) <= 2 {
		return lw
	}
	var buf [48]rune
	r := append(buf[:0], []rune(lw)...)
	return string(run(r))
}

// run applies NLTK's steps in order to a lower-cased word.
func run[T char](w []T) []T {
	w = step1a(w)
	w = step1b(w)
	w = step1c(w)
	w = step2(w)
	w = step3(w)
	w = step4(w)
	w = step5a(w)
	return step5b(w)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}
