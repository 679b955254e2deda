package extract

import (
	"hash/maphash"
	"strings"
	"unicode"
)

// Paragraph voting: each extractor proposes a text; a paragraph is kept
// when at least voteKeep extractors hold most of its word 3-grams. The
// paragraphs come from the base candidate, the one that agrees most with
// the others (medoid by token F1); a paragraph only another extractor
// found is added when all of them hold it.
const (
	voteKeep  = 2   // votes a base paragraph needs
	voteAdd   = 3   // votes a paragraph outside the base needs
	voteShare = 0.5 // share of a paragraph's 3-grams a voter must hold
)

var seed = maphash.MakeSeed()

// words splits s into lower-cased \w+ tokens.
func words(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_')
	})
	for i, w := range f {
		f[i] = strings.ToLower(w)
	}
	return f
}

// shingles hashes the word 3-grams of ws (the whole run when shorter).
func shingles(ws []string) []uint64 {
	if len(ws) == 0 {
		return nil
	}
	if len(ws) < 3 {
		return []uint64{maphash.String(seed, strings.Join(ws, " "))}
	}
	out := make([]uint64, 0, len(ws)-2)
	for i := 0; i+3 <= len(ws); i++ {
		out = append(out, maphash.String(seed, ws[i]+" "+ws[i+1]+" "+ws[i+2]))
	}
	return out
}

// voter is one candidate prepared for voting.
type voter struct {
	candidate
	grams  map[uint64]bool
	joined string // " w1 w2 ... " for short-paragraph lookups
	bag    map[string]int
}

func newVoter(c candidate) *voter {
	ws := words(c.text)
	v := &voter{candidate: c, grams: map[uint64]bool{}, bag: map[string]int{}}
	for _, g := range shingles(ws) {
		v.grams[g] = true
	}
	v.joined = " " + strings.Join(ws, " ") + " "
	for _, w := range ws {
		v.bag[w]++
	}
	return v
}

// holds reports whether v contains most of a paragraph.
func (v *voter) holds(ws []string, grams []uint64) bool {
	if len(ws) < 3 {
		return strings.Contains(v.joined, " "+strings.Join(ws, " ")+" ")
	}
	n := 0
	for _, g := range grams {
		if v.grams[g] {
			n++
		}
	}
	return float64(n) >= voteShare*float64(len(grams))
}

// vote merges the candidates' texts paragraph by paragraph.
func vote(cands []candidate) string {
	var vs []*voter
	for _, c := range cands {
		if strings.TrimSpace(c.text) != "" {
			vs = append(vs, newVoter(c))
		}
	}
	vs = dropOutliers(vs)
	switch len(vs) {
	case 0:
		return ""
	case 1, 2:
		return vs[0].text
	}
	base := medoid(vs)
	var out []string
	covered := map[uint64]bool{}
	for _, p := range strings.Split(base.text, "\n") {
		ws := words(p)
		grams := shingles(ws)
		if len(grams) == 0 {
			continue
		}
		if countVotes(vs, ws, grams) >= voteKeep {
			out = append(out, p)
		}
		for _, g := range grams {
			covered[g] = true
		}
	}
	for _, v := range vs {
		if v == base {
			continue
		}
		for _, p := range strings.Split(v.text, "\n") {
			ws := words(p)
			grams := shingles(ws)
			if len(grams) == 0 || coveredShare(covered, grams) >= 0.5 {
				continue
			}
			if countVotes(vs, ws, grams) >= voteAdd {
				out = append(out, p)
				for _, g := range grams {
					covered[g] = true
				}
			}
		}
	}
	return strings.Join(out, "\n")
}

// outlierF1 is the token-bag F1 below which a reading that agrees this
// little with every other reading is left out of the vote: it has read a
// different block of the page (a caption, a teaser, a sidebar).
const outlierF1 = 0.5

// dropOutliers removes the voters that agree with no other voter, when
// there are three or more.
func dropOutliers(vs []*voter) []*voter {
	if len(vs) < 3 {
		return vs
	}
	var out []*voter
	for _, a := range vs {
		for _, b := range vs {
			if a != b && bagF1(a.bag, b.bag) >= outlierF1 {
				out = append(out, a)
				break
			}
		}
	}
	if len(out) == 0 {
		return vs
	}
	return out
}

func countVotes(vs []*voter, ws []string, grams []uint64) int {
	n := 0
	for _, v := range vs {
		if v.holds(ws, grams) {
			n++
		}
	}
	return n
}

func coveredShare(covered map[uint64]bool, grams []uint64) float64 {
	n := 0
	for _, g := range grams {
		if covered[g] {
			n++
		}
	}
	return float64(n) / float64(len(grams))
}

// medoid returns the voter whose token bag agrees most (summed F1) with
// the others; ties go to the earlier voter.
func medoid(vs []*voter) *voter {
	best, bestScore := vs[0], -1.0
	for _, a := range vs {
		s := 0.0
		for _, b := range vs {
			if a != b {
				s += bagF1(a.bag, b.bag)
			}
		}
		if s > bestScore {
			best, bestScore = a, s
		}
	}
	return best
}

// bagF1 is the token-bag F1 of two texts.
func bagF1(a, b map[string]int) float64 {
	na, nb, inter := 0, 0, 0
	for w, c := range a {
		na += c
		inter += min(c, b[w])
	}
	for _, c := range b {
		nb += c
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return 2 * float64(inter) / float64(na+nb)
}
