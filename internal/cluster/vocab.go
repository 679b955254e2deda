package cluster

import (
	"math"
	"sort"
)

// vocab maps terms to ids and keeps online document frequencies.
type vocab struct {
	ids map[string]int32
	df  []int
	n   int
}

func newVocab() *vocab { return &vocab{ids: map[string]int32{}} }

// vectorize counts the document in the frequencies, then returns its unit
// TF-IDF vector: (1 + log tf) * idf, idf = log((n+1)/(df+1)) + 1, proper
// nouns times boost.
func (v *vocab) vectorize(counts map[string]float64, proper map[string]bool, boost float64) vector {
	terms := make([]string, 0, len(counts))
	for t := range counts {
		terms = append(terms, t)
	}
	sort.Strings(terms)
	v.n++
	vec := make(vector, 0, len(terms))
	for _, t := range terms {
		id, ok := v.ids[t]
		if !ok {
			id = int32(len(v.df))
			v.ids[t] = id
			v.df = append(v.df, 0)
		}
		v.df[id]++
	}
	for _, t := range terms {
		id := v.ids[t]
		tf := counts[t]
		w := (1 + math.Log(math.Max(tf, 1))) * (math.Log(float64(v.n+1)/float64(v.df[id]+1)) + 1)
		if proper[t] {
			w *= boost
		}
		vec = append(vec, entry{id, w})
	}
	sort.Slice(vec, func(i, j int) bool { return vec[i].t < vec[j].t })
	vec.normalize()
	return vec
}
