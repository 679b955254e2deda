package cluster

import "strings"

// wordTable caches what each written word of a language counts as. It is
// an open-addressing hash table (linear probing, at most half full) whose
// slots hold the word itself when it is short, as most are, so that a
// lookup reads one cache line: on long articles the lookups dominate the
// clusterer's time, and a map of pointers to word structs missed the
// cache three or four times per word.
type wordTable struct {
	slots []wordSlot
	long  []string // words longer than inlineLen, by the index in their slot
	n     int
}

// inlineLen is the longest word kept in its slot.
const inlineLen = 14

// wordSlot is one written word: its hash (0 for an empty slot), its term
// id (unless skip), and its slot in the latest document that used it.
type wordSlot struct {
	hash      uint32
	id        int32
	doc       int32 // the document (terms.doc) slotOfDoc is for
	slotOfDoc int32
	n         uint8 // length when inline; long: in wordTable.long, at the index in b
	flags     uint8 // skipWord, numWord
	b         [inlineLen]byte
}

// What a word counts as, in wordSlot.flags: nothing (a stop word, a
// single character), or a number.
const (
	skipWord = 1 << iota
	numWord
)

// long marks a slot whose word is in wordTable.long.
const long = 0xff

// hashWord is FNV-1a over the word's bytes, never 0 (0 marks an empty
// slot). scanWords computes the same hash inline as it reads each word,
// which scans 30% faster than hashing afterwards; FuzzScanWords checks
// that the two agree.
func hashWord(raw string) uint32 {
	h := uint32(fnvOffset)
	for i := 0; i < len(raw); i++ {
		h = (h ^ uint32(raw[i])) * fnvPrime
	}
	return h | 1
}

// The 32-bit FNV-1a parameters.
const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// find returns raw's slot, or the empty slot where it would go and false.
func (wt *wordTable) find(raw string, h uint32) (*wordSlot, bool) {
	if wt.slots == nil {
		wt.slots = make([]wordSlot, 1<<12)
	}
	mask := uint32(len(wt.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &wt.slots[i]
		if s.hash == 0 {
			return s, false
		}
		if s.hash == h && wt.is(s, raw) {
			return s, true
		}
	}
}

// is reports whether slot s holds raw.
func (wt *wordTable) is(s *wordSlot, raw string) bool {
	if s.n == long {
		return wt.long[s.longIndex()] == raw
	}
	return int(s.n) == len(raw) && string(s.inline()) == raw
}

// inline returns the bytes of a word kept in its slot.
func (s *wordSlot) inline() []byte {
	return s.b[:s.n]
}

// longIndex is the index in wordTable.long of a long word.
func (s *wordSlot) longIndex() int {
	return int(s.b[0]) | int(s.b[1])<<8 | int(s.b[2])<<16 | int(s.b[3])<<24
}

// insert fills the empty slot s (from find) with raw and returns the slot
// the word ends up in (the table may have grown). A long word is copied
// (raw may be part of a large text); a short one is kept in its slot.
func (wt *wordTable) insert(s *wordSlot, raw string, h uint32, w wordSlot) *wordSlot {
	w.hash = h
	if len(raw) <= inlineLen {
		w.n = uint8(len(raw))
		copy(w.b[:], raw)
	} else {
		i := len(wt.long)
		wt.long = append(wt.long, strings.Clone(raw))
		w.n = long
		w.b[0], w.b[1], w.b[2], w.b[3] = byte(i), byte(i>>8), byte(i>>16), byte(i>>24)
	}
	*s = w
	if wt.n++; 2*wt.n <= len(wt.slots) {
		return s
	}
	old := wt.slots
	wt.slots = make([]wordSlot, 2*len(old))
	mask := uint32(len(wt.slots) - 1)
	var moved *wordSlot
	for i := range old {
		o := &old[i]
		if o.hash == 0 {
			continue
		}
		j := o.hash & mask
		for wt.slots[j].hash != 0 {
			j = (j + 1) & mask
		}
		wt.slots[j] = *o
		if o == s {
			moved = &wt.slots[j]
		}
	}
	return moved
}

// reset empties the table.
func (wt *wordTable) reset() { *wt = wordTable{} }

// resetDocs forgets every word's slot in a document (before document
// numbers start again).
func (wt *wordTable) resetDocs() {
	for i := range wt.slots {
		wt.slots[i].doc = 0
	}
}
