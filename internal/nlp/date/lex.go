package date

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxWord is the byte length of the longest word in the tables.
const maxWord = len("throughout")

type kind uint8

const (
	word  kind = iota // letters
	num               // ASCII digits
	punct             // any other single rune
)

// tok is one token of the text; blank says white space precedes it.
type tok struct {
	start, end int
	kind       kind
	blank      bool
	text       string
	lw         string // text lower-cased, for words
}

// lex splits text into letter runs, digit runs and single other runes,
// appended to toks.
func lex(text string, toks []tok) []tok {
	blank := true
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		} else if c := text[i]; 'a' <= c|0x20 && c|0x20 <= 'z' {
			// An ASCII word: letters to the first byte that is not an
			// ASCII letter, then on through any other letters.
			j := i + 1
			for j < len(text) && 'a' <= text[j]|0x20 && text[j]|0x20 <= 'z' {
				j++
			}
			for j < len(text) && text[j] >= utf8.RuneSelf {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsLetter(r2) {
					break
				}
				j += s2
				for j < len(text) && 'a' <= text[j]|0x20 && text[j]|0x20 <= 'z' {
					j++
				}
			}
			toks = append(toks, tok{i, j, word, blank, text[i:j], lower(text[i:j])})
			i, blank = j, false
			continue
		}
		switch {
		case unicode.IsSpace(r):
			blank = true
			i += size
			continue
		case '0' <= r && r <= '9':
			j := i + 1
			for j < len(text) && '0' <= text[j] && text[j] <= '9' {
				j++
			}
			toks = append(toks, tok{i, j, num, blank, text[i:j], ""})
			i = j
		case unicode.IsLetter(r):
			j := i + size
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsLetter(r2) {
					break
				}
				j += s2
			}
			toks = append(toks, tok{i, j, word, blank, text[i:j], lower(text[i:j])})
			i = j
		default:
			toks = append(toks, tok{i, i + size, punct, blank, text[i : i+size], ""})
			i += size
		}
		blank = false
	}
	return toks
}

// lower is strings.ToLower without an allocation for lower-case ASCII;
// words longer than any the tables hold are left as "".
func lower(w string) string {
	if len(w) > maxWord {
		return ""
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return strings.ToLower(w)
		}
	}
	return w
}

// value is the number a num token holds (capped to stay small).
func (t tok) value() int {
	n := 0
	for i := 0; i < len(t.text) && n < 1e6; i++ {
		n = n*10 + int(t.text[i]-'0')
	}
	return n
}

// isCap reports whether a word starts with a capital letter.
func (t tok) isCap() bool {
	r, _ := utf8.DecodeRuneInString(t.text)
	return t.kind == word && unicode.IsUpper(r)
}
