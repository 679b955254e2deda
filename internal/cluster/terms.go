package cluster

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax/internal/nlp/token"
)

// terms holds the weighted term counts of one document.
type terms struct {
	stats []termStat      // the document's terms in first-seen order
	order []uint64        // scratch: stats positions in term-id order (see vocab.vectors)
	names map[string]bool // two proper nouns in a row ("robert adam"), in the text
	vc    *vocab          // the document's language's vocabulary
	doc   int             // documents counted: tells this document's slots from older ones
	// slotDoc[id] == doc when term id has a slot in this document: slot[id].
	slotDoc []int
	slot    []int32
}

// termStat is one term's counts in a document.
type termStat struct {
	id               int32
	key              string
	all, lead, title float64 // weighted count in all; counts in the lead and the title
	proper           bool    // written as a proper noun at least once (in the text)
}

// word is what one written word counts as in a language: its term (stem
// or number) and the term's id, or nothing (stop word, single
// character); and its slot in the latest document that used it.
type word struct {
	raw, key  string // as written, and the term
	id        int32
	skip, num bool
	doc       int
	slotOfDoc int32
}

// maxWords bounds a language's word cache; it is emptied when it grows past.
const maxWords = 1 << 18

// count sets t to the weighted term counts of a document in vocabulary
// vc: title terms count TitleWeight times, terms among the first
// LeadWords words of the text LeadWeight times; the lead counts title and
// lead terms once. Terms new to vc get ids (with no documents yet).
func (t *terms) count(d Doc, o *Options, vc *vocab) {
	if t.names == nil {
		t.names = map[string]bool{}
	}
	t.vc = vc
	t.stats = t.stats[:0]
	clear(t.names)
	if len(vc.words) > maxWords {
		clear(vc.words)
		vc.front = [frontSize]frontWord{}
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
	f := &t.vc.front[frontSlot(raw)]
	w := f.w
	if f.raw != raw {
		w = t.vc.words[raw]
	}
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
		if !w.skip {
			w.id = t.vc.id(w.key)
		}
		w.raw = strings.Clone(raw)
		t.vc.words[w.raw] = w
	}
	if f.w != w {
		f.raw, f.w = w.raw, w // w.raw: no slot pins an article's text
	}
	if w.skip {
		return w, -1
	}
	if w.doc != t.doc {
		for int(w.id) >= len(t.slotDoc) {
			t.slotDoc = append(t.slotDoc, make([]int, len(t.slotDoc)+1024)...)
			t.slot = append(t.slot, make([]int32, len(t.slot)+1024)...)
		}
		if t.slotDoc[w.id] != t.doc {
			t.slotDoc[w.id], t.slot[w.id] = t.doc, int32(len(t.stats))
			t.stats = append(t.stats, termStat{id: w.id, key: w.key})
		}
		w.doc, w.slotOfDoc = t.doc, t.slot[w.id]
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

// frontSize is the number of slots of a vocabulary's front cache of
// words: the frequent words are found there without the map.
const frontSize = 1 << 12

// frontWord is one slot of the front cache: a written word and what it
// counts as.
type frontWord struct {
	raw string
	w   *word
}

// frontSlot hashes a written word to its slot in the front cache (FNV-1a).
func frontSlot(raw string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(raw); i++ {
		h = (h ^ uint32(raw[i])) * 16777619
	}
	return h & (frontSize - 1)
}
