package brief

import (
	"sort"

	"parallax/internal/model"
)

// Consensus selection.
const (
	maxFacts   = 12
	maxClaims  = 8
	factRedund = 0.4 // a fact this similar to a picked one repeats it

	outletBonus = 0.05
)

// maxCandidates bounds the sentences whose support is computed: the most
// salient eligible ones, so that a story of thousands of articles costs
// linear time (each support is one pass over the postings of its terms).
const maxCandidates = 400

// consensus returns the facts reported by two or more outlets and the
// salient claims only one outlet makes, each non-redundant. Facts are
// sentences or clauses of a sentence (see units); claims whole sentences.
func (c *corpus) consensus(sal []float64) ([]model.Fact, []model.Claim) {
	x := c.units()
	var cand []int
	seen := map[string]bool{}
	for u := range x.units {
		if c.unitEligible(x, u) && !seen[x.units[u].text] {
			seen[x.units[u].text] = true
			cand = append(cand, u)
		}
	}
	sort.SliceStable(cand, func(a, b int) bool { return sal[x.units[cand[a]].sent] > sal[x.units[cand[b]].sent] })
	cand = cand[:min(len(cand), maxCandidates)]
	score := map[int]float64{}
	x.told = map[int]map[int]bool{}
	var multi, single []int
	for _, u := range cand {
		x.told[u] = map[int]bool{}
		for _, m := range x.matches(u) {
			x.told[u][m.s] = true
		}
		n := c.outlets(x.support(u))
		score[u] = sal[x.units[u].sent] + outletBonus*float64(n)
		switch {
		case n >= 2:
			multi = append(multi, u)
		case !x.units[u].clause && !bareQuote(x.units[u].text):
			single = append(single, u) // a claim is shown whole, never a fragment, and says who claims it
		}
	}
	by := func(u int) float64 { return score[u] }
	facts := []model.Fact{}
	var used []int
	for _, u := range pick(x, multi, by, len(multi)) {
		if len(facts) == maxFacts {
			break
		}
		r := c.core(x, u)
		if redundantUnit(x, r, used) {
			continue // another candidate's plainest wording was already given
		}
		used = append(used, r)
		facts = append(facts, model.Fact{Text: Detokenize(x.units[r].text), Sources: c.ids(x.support(r))})
	}
	claims := []model.Claim{}
	for _, u := range pick(x, single, by, maxClaims) {
		claims = append(claims, model.Claim{Text: Detokenize(x.units[u].text), Source: c.docs[x.units[u].art].ID})
	}
	return facts, claims
}

// unitEligible reports whether a unit may stand as a fact or claim: of a
// sentence that may stand in a summary, and long enough.
func (c *corpus) unitEligible(x *unitIndex, u int) bool {
	v := x.units[u]
	return c.eligible(v.sent) && v.words >= minWords && len(v.vec) >= 3
}

// redundantUnit reports whether unit u is too similar to one of picked.
func redundantUnit(x *unitIndex, u int, picked []int) bool {
	for _, j := range picked {
		if cos(x.units[u].vec, x.units[j].vec) > maxRedund || overlaps(x.units[u], x.units[j]) {
			return true
		}
	}
	return false
}

// overlaps reports whether two units are one sentence and a clause of it.
func overlaps(a, b unit) bool {
	return a.sent == b.sent && (a.clause != b.clause || a.text == b.text)
}

// pick returns up to n of cand, best score first, skipping any too similar
// to one already picked or telling its fact (see unitIndex.told).
func pick(x *unitIndex, cand []int, score func(int) float64, n int) []int {
	sort.SliceStable(cand, func(a, b int) bool { return score(cand[a]) > score(cand[b]) })
	var out []int
	for _, i := range cand {
		if len(out) == n {
			break
		}
		dup := false
		for _, j := range out {
			if cos(x.units[i].vec, x.units[j].vec) > factRedund || x.units[i].text == x.units[j].text ||
				overlaps(x.units[i], x.units[j]) || x.told[j][i] || x.told[i][j] {
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

// core returns the unit that best states the fact of unit u: of u and its
// closest match in each supporting article, the one most similar to the
// others, so that a sentence adding a claim of its own to a shared fact
// gives way to a plainer one with at least the same support.
func (c *corpus) core(x *unitIndex, u int) int {
	best := map[int]int{} // article -> closest unit
	bestSim := map[int]float64{}
	for _, m := range x.matches(u) {
		a := x.units[m.s].art
		if !c.unitEligible(x, m.s) {
			continue
		}
		if _, ok := best[a]; !ok || m.sim > bestSim[a] {
			best[a], bestSim[a] = m.s, m.sim
		}
	}
	group := []int{u}
	for _, j := range best {
		group = append(group, j)
	}
	sort.Ints(group)
	r := representativeUnit(x, group)
	if c.outlets(x.support(r)) < c.outlets(x.support(u)) {
		return u
	}
	return r
}

// representativeUnit is the unit most similar to the others of a group,
// the first on ties.
func representativeUnit(x *unitIndex, group []int) int {
	best, bestScore := group[0], -1.0
	for _, i := range group {
		s := 0.0
		for _, j := range group {
			if i != j {
				s += cos(x.units[i].vec, x.units[j].vec)
			}
		}
		if s > bestScore {
			best, bestScore = i, s
		}
	}
	return best
}
