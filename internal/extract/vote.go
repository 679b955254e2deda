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
	return strings.FieldsFunc(strings.ToLower(s), notWordRune)
}

func notWordRune(r rune) bool {
	return !(unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_')
}

// shingles hashes the word 3-grams of ws (the whole run when shorter).
func shingles(ws []string) []uint64 {
	if len(ws) == 0 {
		return nil
	}
	if len(ws) < 3 {
		return []uint64{hashWords(ws, nil)}
	}
	out := make([]uint64, 0, len(ws)-2)
	var buf []byte
	for i := 0; i+3 <= len(ws); i++ {
		out = append(out, hashWords(ws[i:i+3], &buf))
	}
	return out
}

// hashWords hashes the words of ws joined by spaces, building the key in
// *buf when given (reused across calls).
func hashWords(ws []string, buf *[]byte) uint64 {
	var b []byte
	if buf != nil {
		b = (*buf)[:0]
	}
	for i, w := range ws {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, w...)
	}
	if buf != nil {
		*buf = b
	}
	return maphash.Bytes(seed, b)
}

// para is one paragraph of a candidate with its words and 3-grams.
type para struct {
	text  string
	ws    []string
	grams []uint64
}

// voter is one candidate prepared for voting: its paragraphs, and the
// word bag of its whole text; the set of its 3-grams and its joined words
// are built on first use (holds).
type voter struct {
	candidate
	paras  []para
	all    []string // the words of the whole text
	shing  []uint64 // the 3-grams of all
	grams  map[uint64]struct{}
	joined string // " w1 w2 ... " for short-paragraph lookups
	bag    map[string]int
}

// newVoter splits c into paragraphs and words and hashes its 3-grams
// once; a paragraph's 3-grams are a slice of the whole text's.
func newVoter(c candidate) *voter {
	v := &voter{candidate: c}
	type span struct{ from, to int }
	lines := strings.Split(c.text, "\n")
	spans := make([]span, len(lines))
	for i, line := range lines {
		from := len(v.all)
		v.all = append(v.all, words(line)...)
		spans[i] = span{from, len(v.all)}
	}
	v.shing = shingles(v.all)
	v.paras = make([]para, len(lines))
	for i, line := range lines {
		ws := v.all[spans[i].from:spans[i].to:spans[i].to]
		p := para{text: line, ws: ws}
		switch {
		case len(ws) >= 3 && len(v.all) >= 3:
			p.grams = v.shing[spans[i].from : spans[i].to-2 : spans[i].to-2]
		case len(ws) > 0:
			p.grams = shingles(ws)
		}
		v.paras[i] = p
	}
	v.bag = make(map[string]int, len(v.all)/2)
	for _, w := range v.all {
		v.bag[w]++
	}
	return v
}

// empty reports whether the candidate has no text.
func (v *voter) empty() bool { return strings.TrimSpace(v.text) == "" }

// holds reports whether v contains most of a paragraph.
func (v *voter) holds(p para) bool {
	if v.grams == nil {
		v.grams = make(map[uint64]struct{}, len(v.shing))
		for _, g := range v.shing {
			v.grams[g] = struct{}{}
		}
		v.joined = " " + strings.Join(v.all, " ") + " "
	}
	if len(p.ws) < 3 {
		return strings.Contains(v.joined, " "+strings.Join(p.ws, " ")+" ")
	}
	n := 0
	for _, g := range p.grams {
		if _, ok := v.grams[g]; ok {
			n++
		}
	}
	return float64(n) >= voteShare*float64(len(p.grams))
}

// vote merges the voters' texts paragraph by paragraph.
func vote(all []*voter) string {
	var vs []*voter
	for _, v := range all {
		if !v.empty() {
			vs = append(vs, v)
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
	for _, p := range base.paras {
		if len(p.grams) == 0 {
			continue
		}
		if countVotes(vs, p) >= voteKeep {
			out = append(out, p.text)
		}
		for _, g := range p.grams {
			covered[g] = true
		}
	}
	for _, v := range vs {
		if v == base {
			continue
		}
		for _, p := range v.paras {
			if len(p.grams) == 0 || coveredShare(covered, p.grams) >= 0.5 {
				continue
			}
			if countVotes(vs, p) >= voteAdd {
				out = append(out, p.text)
				for _, g := range p.grams {
					covered[g] = true
				}
			}
		}
	}
	return strings.Join(out, "\n")
}

// intersect keeps the paragraphs of base that other holds (most of their
// word 3-grams).
func intersect(base, other *voter) string {
	var out []string
	for _, p := range base.paras {
		if len(p.grams) > 0 && other.holds(p) {
			out = append(out, p.text)
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

func countVotes(vs []*voter, p para) int {
	n := 0
	for _, v := range vs {
		if v.holds(p) {
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
