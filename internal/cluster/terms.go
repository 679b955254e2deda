package cluster

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax/internal/nlp/token"
)

// terms holds the weighted term counts of one document.
type terms struct {
	stats []termStat       // the document's terms in first-seen order
	slot  map[string]int32 // term -> index in stats, for this document
	names map[string]bool  // two proper nouns in a row ("robert adam"), in the text
	words map[string]*word // cache over documents: word as written -> what it counts as
	doc   int              // documents counted: tells a word's slot of this document from an older one
}

// termStat is one term's counts in a document.
type termStat struct {
	key              string
	all, lead, title float64 // weighted count in all; counts in the lead and the title
	proper           bool    // written as a proper noun at least once (in the text)
}

// word is what one written word counts as: its term (stem or number), or
// nothing (stop word, single character), and its slot in the latest
// document that used it.
type word struct {
	key       string
	skip      bool
	num       bool
	doc       int
	slotOfDoc int32
}

// maxWords bounds the word cache; it is emptied when it grows past.
const maxWords = 1 << 18

// count sets t to the weighted term counts of a document: title terms
// count TitleWeight times, terms among the first LeadWords words of the
// text LeadWeight times; the lead counts title and lead terms once.
func (t *terms) count(d Doc, o *Options) {
	if t.slot == nil {
		t.slot, t.names, t.words = map[string]int32{}, map[string]bool{}, map[string]*word{}
	}
	t.stats = t.stats[:0]
	clear(t.slot)
	clear(t.names)
	if len(t.words) > maxWords {
		clear(t.words)
	}
	t.doc++
	t.add(d.Title, o.TitleWeight, o.TitleWeight, 1<<30, false)
	for i := range t.stats {
		t.stats[i].title = t.stats[i].lead
	}
	t.add(d.Text, 1, o.LeadWeight, o.LeadWords, true)
}

// lookup returns what a written word counts as, with its slot in this
// document's stats (-1 when it counts as nothing).
func (t *terms) lookup(raw string) (*word, int32) {
	w := t.words[raw]
	if w == nil {
		low := strings.ToLower(raw)
		w = &word{key: low, doc: -1}
		switch {
		case utf8.RuneCountInString(low) < 2 || isStop(low):
			w.skip = true
		case isNumber(low):
			w.num = true
		default:
			w.key = stemWord(low)
		}
		t.words[strings.Clone(raw)] = w
	}
	if w.skip {
		return w, -1
	}
	if w.doc != t.doc {
		i, ok := t.slot[w.key]
		if !ok {
			i = int32(len(t.stats))
			t.stats = append(t.stats, termStat{key: w.key})
			t.slot[w.key] = i
		}
		w.doc, w.slotOfDoc = t.doc, i
	}
	return w, w.slotOfDoc
}

// add adds the terms of s, each worth w, or leadW for the first leadN
// words, which also count in the lead. With markProper it records proper
// nouns.
func (t *terms) add(s string, w, leadW float64, leadN int, markProper bool) {
	prev, prevEnd := "", -1 // the previous proper noun and where it ended
	i := -1
	token.Each(s, func(start, end int) {
		i++
		raw := s[start:end]
		wd, slot := t.lookup(raw)
		if slot < 0 {
			prev = ""
			return
		}
		st := &t.stats[slot]
		if i < leadN {
			st.all += leadW
			st.lead++
		} else {
			st.all += w
		}
		if markProper && (wd.num || isProper(s, start, raw)) {
			st.proper = true
			if !wd.num {
				if prev != "" && onlySpace(s[prevEnd:start]) {
					t.names[prev+" "+wd.key] = true
				}
				prev, prevEnd = wd.key, end
				return
			}
		}
		prev = ""
	})
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
