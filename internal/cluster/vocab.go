package cluster

import (
	"math"
	"slices"
	"strings"
	"time"
)

// vocab maps terms to ids and keeps online document frequencies; words
// caches what each written word counts as.
type vocab struct {
	ids     map[string]int32
	df      []int
	n       int
	forgets int      // times forget halved the frequencies
	keys    []string // by id
	words   wordTable
	// pairIDs caches the ids of proper-noun pairs ("first second" in ids)
	// by their two terms' ids, so that a document's pairs are found without
	// building their strings: ids never change, so the cache holds.
	pairIDs map[uint64]int32
}

func newVocab() *vocab { return &vocab{ids: map[string]int32{}} }

// dfWindow bounds the document count behind the frequencies: when it is
// reached, every frequency and the count halve, so that idf reflects the
// news of the last few thousand articles rather than all time. A name
// that was rare a year ago and is back is rare again, and the features
// built on idf keep the scale they were trained at however long the
// stream (without it, a replayed stream drifted until it ran into one
// story).
const dfWindow = 8192

// forget halves the document count and every frequency.
func (v *vocab) forget() {
	v.forgets++
	v.n /= 2
	for i := range v.df {
		v.df[i] /= 2
	}
}

// idf is term id's inverse document frequency: log((n+1)/(df+1)) + 1.
func (v *vocab) idf(id int32) float64 { return v.idfOfDF(v.df[id]) }

// idfOfDF is the idf of a term held by df documents.
func (v *vocab) idfOfDF(df int) float64 {
	return math.Log(float64(v.n+1)/float64(df+1)) + 1
}

// maxIDF is the largest idf possible: that of a term no document holds.
func (v *vocab) maxIDF() float64 { return math.Log(float64(v.n+1)) + 1 }

// id returns the id of term k, giving a new term the next id (ids follow
// first sight, so the same stream gives the same ids).
func (v *vocab) id(k string) int32 {
	id, ok := v.ids[k]
	if !ok {
		id = int32(len(v.df))
		v.ids[k] = id
		v.df = append(v.df, 0)
		v.keys = append(v.keys, k)
	}
	return id
}

// docVec is one article as vectors: all its terms, its proper nouns only,
// and its title and lead only. Each is a unit TF-IDF vector.
type docVec struct {
	all, ent, lead vector
	title          vector // title only
	at             time.Time
	lang           string
	days           []int32 // days mentioned in title and lead
	names          []int32 // proper-noun pairs, sorted (ids in the vocab, not in the vectors)
	top            vector  // the heaviest terms of all (Options.IndexTerms), heaviest first
	// Where the article is, for a move (move.go): its id ("" for a
	// roundup's passages placed elsewhere) and its event in its story;
	// fixed once it may not move; checks made by review passes.
	id     string
	event  *event
	fixed  bool
	checks uint8
}

// vectorize counts the document in the frequencies, then returns its unit
// TF-IDF vectors: (1 + log tf) * idf, idf = log((n+1)/(df+1)) + 1, proper
// nouns times boost.
func (v *vocab) vectorize(t *terms, boost float64) *docVec {
	if v.n++; v.n >= dfWindow {
		v.forget()
	}
	for i := range t.stats {
		v.df[t.stats[i].id]++
	}
	return v.vectors(t, boost, true)
}

// vectors returns the unit TF-IDF vectors of counted terms; with count,
// the proper-noun pairs are counted in the frequencies (the terms were
// by vectorize). Without it, terms no article holds are left out (no
// story holds them): a roundup's passage weighed against stories.
func (v *vocab) vectors(t *terms, boost float64, count bool) *docVec {
	d := &docVec{}
	slices.Sort(t.pairs)
	var fresh []newPair // pairs with no id yet
	for _, p := range slices.Compact(t.pairs) {
		id, ok := v.pairID(p)
		if !count {
			if ok && v.df[id] > 0 {
				d.names = append(d.names, id)
			}
			continue
		}
		if !ok {
			fresh = append(fresh, newPair{v.pairKey(p), p})
			continue
		}
		v.df[id]++
		d.names = append(d.names, id)
	}
	// New ids in a fixed order: that of the pairs' strings.
	slices.SortFunc(fresh, func(a, b newPair) int { return strings.Compare(a.key, b.key) })
	for _, np := range fresh {
		id := v.id(np.key)
		v.pairIDs[np.p] = id
		v.df[id]++
		d.names = append(d.names, id)
	}
	slices.Sort(d.names)
	// The terms in id order: every vector comes out sorted.
	order := t.order[:0] // id<<32 | position: sorted by id, then read back
	nEnt, nLead, nTitle := 0, 0, 0
	for i := range t.stats {
		st := &t.stats[i]
		order = append(order, uint64(st.id)<<32|uint64(i))
		if st.proper {
			nEnt++
		}
		if st.lead > 0 {
			nLead++
		}
		if st.title > 0 {
			nTitle++
		}
	}
	order, t.sorted = radixSort(order, t.sorted[:0])
	t.order = order
	d.all = make(vector, 0, len(t.stats))
	d.ent, d.lead, d.title = alloc(nEnt), alloc(nLead), alloc(nTitle)
	for _, o := range order {
		st := &t.stats[uint32(o)]
		id := st.id
		if v.df[id] == 0 {
			continue // only when !count: no article holds it
		}
		idf := v.idf(id)
		w := (1 + math.Log(math.Max(st.all, 1))) * idf
		if st.proper {
			d.ent = append(d.ent, entry{id, w})
			w *= boost
		}
		d.all = append(d.all, entry{id, w})
		if lc := st.lead; lc > 0 {
			lw := (1 + math.Log(math.Max(lc, 1))) * idf
			if st.proper {
				lw *= boost
			}
			d.lead = append(d.lead, entry{id, lw})
		}
		if n := st.title; n > 0 {
			d.title = append(d.title, entry{id, (1 + math.Log(n)) * idf})
		}
	}
	for _, x := range []vector{d.all, d.ent, d.lead, d.title} {
		x.normalize()
	}
	return d
}

// newPair is a proper-noun pair not in the vocabulary yet: its string
// and its terms (see terms.pairs).
type newPair struct {
	key string
	p   uint64
}

// pairKey is the string of pair p: its two terms' keys, space-separated.
func (v *vocab) pairKey(p uint64) string {
	return v.keys[int32(p>>32)] + " " + v.keys[int32(uint32(p))]
}

// pairID returns the id of pair p, if the vocabulary holds its string.
func (v *vocab) pairID(p uint64) (int32, bool) {
	if v.pairIDs == nil {
		v.pairIDs = map[uint64]int32{}
	}
	if id, ok := v.pairIDs[p]; ok {
		return id, true
	}
	id, ok := v.ids[v.pairKey(p)]
	if ok {
		v.pairIDs[p] = id
	}
	return id, ok
}

// alloc returns an empty vector with room for n entries; nil for none.
func alloc(n int) vector {
	if n == 0 {
		return nil
	}
	return make(vector, 0, n)
}
