package brief

import (
	"math"

	"parallax/internal/nlp/stem"
	"parallax/internal/nlp/token"
)

// Concept-coverage selection (Gillick & Favre 2009, greedy): a summary
// should cover the word bigrams that many articles share. A concept is a
// bigram of stemmed words, not both stop words; its weight is the number
// of articles holding it, raised for bigrams holding a query term.
const (
	minConceptDF = 3   // concepts fewer articles share are ignored
	queryBoost   = 3.0 // extra weight of a concept holding a query term
	lengthPower  = 1.0 // gain is divided by words^lengthPower
)

// concepts returns the bigram concepts of a text.
func concepts(text string) []string {
	ws := token.Words(text)
	st := make([]string, len(ws))
	stop := make([]bool, len(ws))
	for i, w := range ws {
		st[i], stop[i] = stem.Porter(w), token.IsStop(w)
	}
	var out []string
	for i := 0; i+1 < len(ws); i++ {
		if !stop[i] || !stop[i+1] {
			out = append(out, st[i]+" "+st[i+1])
		}
	}
	return out
}

// conceptWeights returns, per candidate sentence, its concepts and their
// weights: article frequency, boosted when a word is a query term.
func (c *corpus) conceptWeights(cand []int, query string) (map[int][]string, map[string]float64) {
	q := map[string]bool{}
	for _, t := range termsOf(query) {
		q[t] = true
	}
	df := map[string]int{}
	for a := range c.docs {
		seen := map[string]bool{}
		for _, i := range c.byArt[a] {
			for _, k := range concepts(c.sents[i].text) {
				if !seen[k] {
					seen[k] = true
					df[k]++
				}
			}
		}
	}
	per := map[int][]string{}
	w := map[string]float64{}
	for _, i := range cand {
		per[i] = concepts(c.sents[i].text)
		for _, k := range per[i] {
			if df[k] < minConceptDF {
				continue
			}
			x := float64(df[k])
			if len(q) > 0 && hasQueryTerm(k, q) {
				x *= 1 + queryBoost
			}
			w[k] = x
		}
	}
	return per, w
}

// hasQueryTerm reports whether a concept holds a query term.
func hasQueryTerm(k string, q map[string]bool) bool {
	for i := 0; i < len(k); i++ {
		if k[i] == ' ' {
			return q[k[:i]] || q[k[i+1:]]
		}
	}
	return q[k]
}

// cover picks up to n sentences of cand greedily by the weight of the
// concepts they add per word^lengthPower, skipping sentences too similar
// to one picked.
func (c *corpus) cover(cand []int, query string, n int) []int {
	per, w := c.conceptWeights(cand, query)
	covered := map[string]bool{}
	used := map[string]bool{}
	var picked []int
	for len(picked) < n {
		best, bestGain := -1, 0.0
		for _, i := range cand {
			if used[c.sents[i].text] || c.redundant(i, picked) {
				continue
			}
			g, seen := 0.0, map[string]bool{}
			for _, k := range per[i] {
				if !covered[k] && !seen[k] {
					seen[k] = true
					g += w[k]
				}
			}
			g /= math.Pow(float64(c.sents[i].words), lengthPower)
			if g > bestGain {
				best, bestGain = i, g
			}
		}
		if best < 0 {
			break
		}
		picked = append(picked, best)
		used[c.sents[best].text] = true
		for _, k := range per[best] {
			covered[k] = true
		}
	}
	return picked
}

// redundant reports whether sentence i is too similar to one of picked.
func (c *corpus) redundant(i int, picked []int) bool {
	for _, j := range picked {
		if cos(c.sents[i].vec, c.sents[j].vec) > maxRedund {
			return true
		}
	}
	return false
}
