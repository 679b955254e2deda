package brief

import (
	"sort"

	"parallax/internal/model"
)

// Consensus selection.
const (
	maxFacts   = 10
	maxClaims  = 8
	factRedund = 0.4 // a fact this similar to a picked one repeats it

	outletBonus = 0.05
)

// maxCandidates bounds the sentences whose support is computed: the most
// salient eligible ones, so that a story of thousands of articles costs
// linear time (each support is one pass over the postings of its terms).
const maxCandidates = 400

// consensus returns the facts reported by two or more outlets and the
// salient claims only one outlet makes, each non-redundant.
func (c *corpus) consensus(sal []float64) ([]model.Fact, []model.Claim) {
	var cand []int
	seen := map[string]bool{}
	for i := range c.sents {
		if c.eligible(i) && !seen[c.sents[i].text] {
			seen[c.sents[i].text] = true
			cand = append(cand, i)
		}
	}
	sort.SliceStable(cand, func(a, b int) bool { return sal[cand[a]] > sal[cand[b]] })
	cand = cand[:min(len(cand), maxCandidates)]
	score := map[int]float64{}
	var multi, single []int
	for _, i := range cand {
		n := c.outlets(c.support(i, SupportThreshold))
		score[i] = sal[i] + outletBonus*float64(n)
		if n >= 2 {
			multi = append(multi, i)
		} else {
			single = append(single, i)
		}
	}
	by := func(i int) float64 { return score[i] }
	facts := []model.Fact{}
	var used []int
	for _, i := range c.pick(multi, by, maxFacts) {
		r := c.core(i)
		if c.redundant(r, used) {
			continue // another candidate's plainest wording was already given
		}
		used = append(used, r)
		facts = append(facts, model.Fact{Text: c.sents[r].text, Sources: c.ids(c.support(r, SupportThreshold))})
	}
	claims := []model.Claim{}
	for _, i := range c.pick(single, by, maxClaims) {
		claims = append(claims, model.Claim{Text: c.sents[i].text, Source: c.docs[c.sents[i].art].ID})
	}
	return facts, claims
}

// pick returns up to n of cand, best score first, skipping any too similar
// to one already picked.
func (c *corpus) pick(cand []int, score func(int) float64, n int) []int {
	sort.SliceStable(cand, func(a, b int) bool { return score(cand[a]) > score(cand[b]) })
	var out []int
	for _, i := range cand {
		if len(out) == n {
			break
		}
		dup := false
		for _, j := range out {
			if cos(c.sents[i].vec, c.sents[j].vec) > factRedund || c.sents[i].text == c.sents[j].text {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, i)
		}
	}
	return out
}

// core returns the sentence that best states the fact of sentence i: of i
// and its closest match in each supporting article, the one most similar
// to the others, so that a sentence adding a claim of its own to a shared
// fact gives way to a plainer one with at least the same support.
func (c *corpus) core(i int) int {
	best := map[int]int{} // article -> closest sentence
	bestSim := map[int]float64{}
	for _, m := range c.similar(i) {
		j, s := m.s, m.sim
		a := c.sents[j].art
		if a == c.sents[i].art || !c.same(i, j, s, SupportThreshold) || !c.eligible(j) {
			continue
		}
		if s > bestSim[a] {
			best[a], bestSim[a] = j, s
		}
	}
	group := []int{i}
	for _, j := range best {
		group = append(group, j)
	}
	sort.Ints(group)
	r := c.representative(group)
	if c.outlets(c.support(r, SupportThreshold)) < c.outlets(c.support(i, SupportThreshold)) {
		return i
	}
	return r
}
