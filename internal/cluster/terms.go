package cluster

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax/internal/nlp/token"
)

// terms holds the weighted term counts of one document.
type terms struct {
	all    map[string]float64 // title, lead and body; title and lead weigh more
	lead   map[string]float64 // title and the first LeadWords words only
	title  map[string]float64 // title only
	proper map[string]bool    // written as a proper noun at least once
	names  map[string]bool    // two proper nouns in a row ("robert adam"), in the text
	stems  map[string]string  // cache: word -> stem
}

// count sets t to the weighted term counts of a document: title terms
// count TitleWeight times, terms among the first LeadWords words of the
// text LeadWeight times; the lead counts title and lead terms once.
func (t *terms) count(d Doc, o *Options) {
	if t.all == nil {
		t.all, t.lead, t.proper, t.stems = map[string]float64{}, map[string]float64{}, map[string]bool{}, map[string]string{}
		t.names, t.title = map[string]bool{}, map[string]float64{}
	}
	clear(t.title)
	clear(t.all)
	clear(t.lead)
	clear(t.proper)
	clear(t.names)
	if len(t.stems) > 1<<18 {
		clear(t.stems)
	}
	t.add(d.Title, o.TitleWeight, o.TitleWeight, 1<<30, false)
	for k, n := range t.lead {
		t.title[k] = n
	}
	t.add(d.Text, 1, o.LeadWeight, o.LeadWords, true)
}

// stem returns the cached stem of a lower-case word.
func (t *terms) stem(w string) string {
	if s, ok := t.stems[w]; ok {
		return s
	}
	s := stemWord(w)
	t.stems[w] = s
	return s
}

// add adds the terms of s, each worth w, or leadW for the first leadN
// words, which also count in the lead. With markProper it records proper
// nouns.
func (t *terms) add(s string, w, leadW float64, leadN int, markProper bool) {
	prev, prevEnd := "", -1 // the previous proper noun and where it ended
	for i, sp := range token.Spans(s) {
		raw := s[sp.Start:sp.End]
		low := strings.ToLower(raw)
		if utf8.RuneCountInString(low) < 2 || isStop(low) {
			prev = ""
			continue
		}
		num := isNumber(low)
		k := low
		if !num {
			k = t.stem(low)
		}
		if i < leadN {
			t.all[k] += leadW
			t.lead[k]++
		} else {
			t.all[k] += w
		}
		if markProper && (num || isProper(s, sp.Start, raw)) {
			t.proper[k] = true
			if !num {
				if prev != "" && onlySpace(s[prevEnd:sp.Start]) {
					t.names[prev+" "+k] = true
				}
				prev, prevEnd = k, sp.End
				continue
			}
		}
		prev = ""
	}
}

// onlySpace reports whether s is one or more spaces and nothing else.
func onlySpace(s string) bool {
	return s != "" && strings.Trim(s, " ") == ""
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
