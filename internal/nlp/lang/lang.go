// Package lang identifies the language of a text with whatlanggo's
// trigram profiles, answering only when the guess is reliable.
package lang

import (
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
)

const (
	// sampleBytes bounds the text examined: an article's first few
	// paragraphs are enough and keep detection cheap.
	sampleBytes = 1536
	// minLetters is the least number of letters worth a guess.
	minLetters = 12
)

// Detect returns the ISO 639-1 code of text's language ("en", "de", ...)
// or "" when the text is too short or the guess is unreliable.
func Detect(text string) string {
	s := sample(text)
	if countLetters(s) < minLetters {
		return ""
	}
	info := whatlanggo.Detect(s)
	if info.Lang < 0 || !info.IsReliable() {
		return ""
	}
	return info.Lang.Iso6391()
}

// sample returns at most sampleBytes of text, cut at a rune boundary.
func sample(text string) string {
	if len(text) <= sampleBytes {
		return text
	}
	end := sampleBytes
	for end > 0 && !utf8.RuneStart(text[end]) {
		end--
	}
	return text[:end]
}

func countLetters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}
