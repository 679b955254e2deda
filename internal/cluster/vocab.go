package cluster

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"time"
)

// vocab maps terms to ids and keeps online document frequencies.
type vocab struct {
	ids map[string]int32
	df  []int
	n   int
}

func newVocab() *vocab { return &vocab{ids: map[string]int32{}} }

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
}

// vectorize counts the document in the frequencies, then returns its unit
// TF-IDF vectors: (1 + log tf) * idf, idf = log((n+1)/(df+1)) + 1, proper
// nouns times boost.
func (v *vocab) vectorize(t *terms, boost float64) *docVec {
	var fresh []string
	v.n++
	for i := range t.stats {
		if id, ok := v.ids[t.stats[i].key]; ok {
			v.df[id]++
		} else {
			fresh = append(fresh, t.stats[i].key)
		}
	}
	for k := range t.names {
		if id, ok := v.ids[k]; ok {
			v.df[id]++
		} else {
			fresh = append(fresh, k)
		}
	}
	sort.Strings(fresh) // new ids in a fixed order
	for _, k := range fresh {
		v.ids[k] = int32(len(v.df))
		v.df = append(v.df, 1)
	}
	d := &docVec{all: make(vector, 0, len(t.stats))}
	for i := range t.stats {
		st := &t.stats[i]
		id := v.ids[st.key]
		idf := math.Log(float64(v.n+1)/float64(v.df[id]+1)) + 1
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
	for k := range t.names {
		d.names = append(d.names, v.ids[k])
	}
	slices.Sort(d.names)
	for _, x := range []vector{d.all, d.ent, d.lead, d.title} {
		slices.SortFunc(x, func(a, b entry) int { return cmp.Compare(a.t, b.t) })
		x.normalize()
	}
	return d
}

// weigh returns the unit TF-IDF vector of counted terms without counting
// them in the frequencies; terms never seen are left out (no story holds
// them).
func (v *vocab) weigh(t *terms, boost float64) vector {
	out := make(vector, 0, len(t.stats))
	for i := range t.stats {
		st := &t.stats[i]
		id, ok := v.ids[st.key]
		if !ok {
			continue
		}
		idf := math.Log(float64(v.n+1)/float64(v.df[id]+1)) + 1
		w := (1 + math.Log(math.Max(st.all, 1))) * idf
		if st.proper {
			w *= boost
		}
		out = append(out, entry{id, w})
	}
	slices.SortFunc(out, func(a, b entry) int { return cmp.Compare(a.t, b.t) })
	out.normalize()
	return out
}
