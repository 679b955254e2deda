package cluster

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// terms holds the weighted term counts of one document.
type terms struct {
	stats  []termStat // the document's terms in first-seen order
	order  []uint64   // scratch: stats positions in term-id order (see vocab.vectors)
	sorted []uint64   // scratch for radixSort
	// pairs lists two proper nouns in a row ("robert adam"), in the text,
	// as their term ids: first<<32 | second (repeats included).
	pairs []uint64
	vc    *vocab // the document's language's vocabulary
	doc   int32  // documents counted: tells this document's slots from older ones
	// slots[id] is term id's slot in stats when slots[id].doc == doc.
	slots []docSlot
	vcs   []*vocab   // every vocabulary counted in (see count)
	spans []wordSpan // scratch: the words of the text being added
}

// docSlot is a term's slot in the stats of document doc.
type docSlot struct{ doc, slot int32 }

// termStat is one term's counts in a document.
type termStat struct {
	id               int32
	all, lead, title float64 // weighted count in all; counts in the lead and the title
	proper           bool    // written as a proper noun at least once (in the text)
}

// maxWords bounds a language's word cache; it is emptied when it grows past.
const maxWords = 1 << 18

// count sets t to the weighted term counts of a document in vocabulary
// vc: title terms count TitleWeight times, terms among the first
// LeadWords words of the text LeadWeight times; the lead counts title and
// lead terms once. Terms new to vc get ids (with no documents yet).
func (t *terms) count(d Doc, o *Options, vc *vocab) {
	if !slices.Contains(t.vcs, vc) {
		t.vcs = append(t.vcs, vc)
	}
	t.vc = vc
	t.stats = t.stats[:0]
	t.pairs = t.pairs[:0]
	if vc.words.n > maxWords {
		vc.words.reset()
	}
	if t.doc++; t.doc == math.MaxInt32 { // numbers start again
		t.doc = 1
		clear(t.slots)
		for _, v := range t.vcs {
			v.words.resetDocs()
		}
	}
	t.add(d.Title, o.TitleWeight, o.TitleWeight, 1<<30, false)
	for i := range t.stats {
		t.stats[i].title = t.stats[i].lead
	}
	t.add(d.Text, 1, o.LeadWeight, o.LeadWords, true)
}

// lookup returns what a written word (hashed: hashWord) counts as, with its slot in this
// document's stats (-1 when it counts as nothing).
func (t *terms) lookup(raw string, h uint32) (*wordSlot, int32) {
	w, ok := t.vc.words.find(raw, h)
	if !ok {
		low := strings.ToLower(raw)
		var nw wordSlot
		switch {
		case utf8.RuneCountInString(low) < 2 || isStop(low):
			nw.flags = skipWord
		case isNumber(low):
			nw.flags = numWord
			nw.id = t.vc.id(low)
		default:
			nw.id = t.vc.id(stemWord(low))
		}
		w = t.vc.words.insert(w, raw, h, nw)
	}
	if w.flags&skipWord != 0 {
		return w, -1
	}
	if w.doc != t.doc {
		if int(w.id) >= len(t.slots) {
			t.slots = append(t.slots, make([]docSlot, int(w.id)+1-len(t.slots)+1024)...)
		}
		if ds := &t.slots[w.id]; ds.doc != t.doc {
			ds.doc, ds.slot = t.doc, int32(len(t.stats))
			t.stats = append(t.stats, termStat{id: w.id})
		}
		w.doc, w.slotOfDoc = t.doc, t.slots[w.id].slot
	}
	return w, w.slotOfDoc
}

// add adds the terms of s, each worth w, or leadW for the first leadN
// words, which also count in the lead. With markProper it records proper
// nouns.
func (t *terms) add(s string, w, leadW float64, leadN int, markProper bool) {
	prev, prevEnd := int32(-1), -1 // the previous proper noun's term (-1: none) and where it ended
	i := -1
	for at := 0; at < len(s); {
		t.spans, at = scanWords(s, at, t.spans[:0], scanChunk)
		for _, sp := range t.spans {
			i++
			start, end := sp.start, sp.end
			raw := s[start:end]
			wd, slot := t.lookup(raw, sp.h)
			if slot < 0 {
				prev = -1
				continue
			}
			st := &t.stats[slot]
			if i < leadN {
				st.all += leadW
				st.lead++
			} else {
				st.all += w
			}
			num := wd.flags&numWord != 0
			if markProper && (num || isProper(s, start, raw)) {
				st.proper = true
				if !num {
					if prev >= 0 && onlySpace(s[prevEnd:start]) {
						t.pairs = append(t.pairs, uint64(prev)<<32|uint64(wd.id))
					}
					prev, prevEnd = wd.id, end
					if t.vc.keys[wd.id] == "" { // an empty term starts no pair
						prev = -1
					}
					continue
				}
			}
			prev = -1
		}
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
