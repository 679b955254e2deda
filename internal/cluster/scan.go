package cluster

import (
	"unicode"
	"unicode/utf8"
)

// wordSpan is one word of a text, s[start:end], with its hashWord.
type wordSpan struct {
	start, end int
	h          uint32
}

// asciiWord marks the ASCII bytes that make words (as token.Each has it:
// letters, digits, underscore).
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
	}
	return t
}()

// scanWords appends the words of s from byte at to out, as token.Each
// finds them (runs of letters, numbers and underscores), each hashed as
// it is read, up to max words, and returns where to go on (len(s) at the
// end): a gigantic text is read in bounded pieces.
func scanWords(s string, at int, out []wordSpan, max int) ([]wordSpan, int) {
	i := at
	for i < len(s) && len(out) < max {
		// Skip to a word.
		c := s[i]
		if c < utf8.RuneSelf {
			if !asciiWord[c] {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(s[i:]); !isWordRune(r) {
			i += size
			continue
		}
		start, h := i, uint32(fnvOffset)
		for i < len(s) {
			c := s[i]
			if c < utf8.RuneSelf {
				if !asciiWord[c] {
					break
				}
				h = (h ^ uint32(c)) * fnvPrime
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			if !isWordRune(r) {
				break
			}
			for end := i + size; i < end; i++ {
				h = (h ^ uint32(s[i])) * fnvPrime
			}
		}
		out = append(out, wordSpan{start, i, h | 1})
	}
	return out, i
}

// scanChunk is how many words scanWords is asked for at a time.
const scanChunk = 4096

// isWordRune reports whether non-ASCII rune r makes words.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }
