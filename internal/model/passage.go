package model

import (
	"strings"
	"unicode/utf8"
)

// Passage is a byte range [Start, End) of an article's Text. A roundup
// that covers several stories belongs to its story only through the
// passages about it.
type Passage struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// ValidPassages reports whether ps are in text order, non-empty, do not
// overlap and start at or after 0 (a nil or empty list is valid: all of
// the text belongs).
func ValidPassages(ps []Passage) bool {
	at := 0
	for _, p := range ps {
		if p.Start < at || p.End <= p.Start {
			return false
		}
		at = p.End
	}
	return true
}

// PassageTexts returns the parts of text that ps cover, each trimmed of
// surrounding blank lines, in order; ranges past the end of text are cut
// to it, and a range that does not fall on UTF-8 boundaries is widened
// to them. Without passages it returns the whole text.
func PassageTexts(text string, ps []Passage) []string {
	if len(ps) == 0 {
		return []string{text}
	}
	var out []string
	for _, p := range ps {
		start, end := max(0, min(p.Start, len(text))), max(0, min(p.End, len(text)))
		for start > 0 && !utf8.RuneStart(text[start]) {
			start--
		}
		for end < len(text) && !utf8.RuneStart(text[end]) {
			end++
		}
		if s := strings.Trim(text[start:end], "\n\r"); strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

// StoryText is the part of the article's text about its story: the text
// of its passages, one paragraph a line, or all of Text when it has none.
func (a *Article) StoryText() string {
	if len(a.Passages) == 0 {
		return a.Text
	}
	return strings.Join(PassageTexts(a.Text, a.Passages), "\n")
}
