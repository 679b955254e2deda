package cluster

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax/internal/nlp/token"
)

// termCounts returns the weighted term counts of a document: title terms
// count TitleWeight times, terms among the first LeadWords words of the
// text LeadWeight times. proper holds the terms written as proper nouns
// at least once in the text.
func termCounts(d Doc, o *Options) (counts map[string]float64, proper map[string]bool) {
	counts = map[string]float64{}
	proper = map[string]bool{}
	addText(d.Title, o.TitleWeight, 0, 0, counts, proper, false)
	addText(d.Text, 1, o.LeadWeight, o.LeadWords, counts, proper, true)
	return counts, proper
}

// addText adds the terms of s to counts, each worth w (leadW for the
// first leadN words); with markProper it records proper nouns.
func addText(s string, w, leadW float64, leadN int, counts map[string]float64, proper map[string]bool, markProper bool) {
	for i, sp := range token.Spans(s) {
		raw := s[sp.Start:sp.End]
		low := strings.ToLower(raw)
		if utf8.RuneCountInString(low) < 2 || isStop(low) || isNumber(low) {
			continue
		}
		t := stemWord(low)
		ww := w
		if i < leadN {
			ww *= leadW
		}
		counts[t] += ww
		if markProper && isProper(s, sp.Start, raw) {
			proper[t] = true
		}
	}
}

// isProper reports whether the word starting at s[at:] is capitalized
// where a sentence does not start.
func isProper(s string, at int, raw string) bool {
	r, _ := utf8.DecodeRuneInString(raw)
	if !unicode.IsUpper(r) {
		return false
	}
	for j := at - 1; j >= 0; j-- {
		c := s[j]
		switch c {
		case ' ', '\t', '"', '\'', '(', '`':
			continue
		case '.', '!', '?', '\n', ':':
			return false
		}
		return true
	}
	return false
}

func isNumber(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
