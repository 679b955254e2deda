package entity

import (
	"hash/maphash"
	"strings"
	"sync"
)

// memoSize bounds each generation of the mention memo: a brief is rebuilt
// from a bounded set of its story's articles each time the story grows,
// and quote finding asks for the same names again, so the texts of the
// stories being written recur within a few thousand calls.
const memoSize = 4096

// memo remembers the mentions of recent texts. It keeps two generations:
// a hit in the older one moves the entry to the newer, and the older is
// dropped when the newer fills, so it holds between memoSize and
// 2×memoSize texts' mentions (never the texts: mention strings are
// cloned, so that a cached entry does not pin an article's text).
type memo struct {
	mu        sync.Mutex
	seed      maphash.Seed
	cur, prev map[memoKey][]Mention
}

// memoKey names a text by its length and a 64-bit hash of it.
type memoKey struct {
	n int
	h uint64
}

var mentions = &memo{seed: maphash.MakeSeed(), cur: map[memoKey][]Mention{}}

func (m *memo) key(text string) memoKey {
	return memoKey{n: len(text), h: maphash.String(m.seed, text)}
}

// get returns a copy of the mentions remembered for k.
func (m *memo) get(k memoKey) ([]Mention, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	ms, ok := m.cur[k]
	if !ok {
		if ms, ok = m.prev[k]; ok {
			m.putLocked(k, ms)
		}
	}
	if !ok {
		return nil, false
	}
	return append([]Mention(nil), ms...), true
}

// put remembers the mentions of the text of key k.
func (m *memo) put(k memoKey, ms []Mention) {
	kept := make([]Mention, len(ms))
	for i, x := range ms {
		x.Text, x.Title = strings.Clone(x.Text), strings.Clone(x.Title)
		kept[i] = x
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.putLocked(k, kept)
}

func (m *memo) putLocked(k memoKey, ms []Mention) {
	if len(m.cur) >= memoSize {
		m.prev, m.cur = m.cur, make(map[memoKey][]Mention, memoSize)
	}
	m.cur[k] = ms
}
