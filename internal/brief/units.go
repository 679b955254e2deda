package brief

import (
	"sort"
	"strings"
)

// unit is a sentence or one clause of a sentence with two or more: what
// the source comparison weighs, so that a fact shared by several outlets
// can be told apart from a claim one of them adds in the same sentence.
type unit struct {
	sent   int // index in corpus.sents
	art    int
	text   string // verbatim substring of the sentence
	words  int
	vec    []tw
	full   []tw    // the vector of the whole sentence
	frames []frame // a sentence of several clauses leaves them to its clauses
	clause bool
}

// unitIndex holds the units of a corpus with postings by term and by
// frame class.
type unitIndex struct {
	units   []unit
	post    [][]posting
	byClass map[string][]int
	acc     []float64
	// told holds, for the units weighed as facts, the units of other
	// articles that tell the same fact.
	told map[int]map[int]bool
}

// units splits every sentence into clauses, resolves subject pronouns to
// the previous clause, and indexes the result.
func (c *corpus) units() *unitIndex {
	x := &unitIndex{post: make([][]posting, len(c.terms)), byClass: map[string][]int{}}
	dem := c.demonyms()
	for a := range c.docs {
		var prev map[string]bool
		for _, i := range c.byArt[a] {
			s := c.sents[i]
			cls := clauses(s.text)
			full := c.vector(termsOf(s.text))
			for _, cl := range cls {
				ws := clauseWords(normalize(cl), dem)
				fr := frames(ws, prev)
				prev = contentTerms(ws)
				if len(cls) > 1 {
					x.add(unit{sent: i, art: a, text: cl, words: len(ws), vec: c.vector(termsOf(cl)), full: full, frames: fr, clause: true})
				} else {
					x.add(unit{sent: i, art: a, text: s.text, words: s.words, vec: full, full: full, frames: fr})
				}
			}
			if len(cls) > 1 {
				x.add(unit{sent: i, art: a, text: s.text, words: s.words, vec: full, full: full})
			}
		}
	}
	x.acc = make([]float64, len(x.units))
	return x
}

// add appends a unit to the index.
func (x *unitIndex) add(u unit) {
	id := len(x.units)
	x.units = append(x.units, u)
	for _, t := range u.vec {
		x.post[t.t] = append(x.post[t.t], posting{id, t.w})
	}
	seen := map[string]bool{}
	for _, f := range u.frames {
		if !seen[f.class] {
			seen[f.class] = true
			x.byClass[f.class] = append(x.byClass[f.class], id)
		}
	}
}

// contentTerms returns the set of content terms of words.
func contentTerms(ws []word) map[string]bool {
	out := map[string]bool{}
	for _, w := range ws {
		if w.term != "" {
			out[w.term] = true
		}
	}
	return out
}

// demonyms maps adjectives of place to the place ("syrian" -> "syria",
// "iranian" -> "iran") when both are written capitalised inside some
// sentence of the story.
func (c *corpus) demonyms() map[string]string {
	capital := map[string]bool{}
	for _, s := range c.sents {
		for k, w := range clauseWords(s.text, nil) {
			if k > 0 && w.capital && w.term != "" {
				capital[w.term] = true
			}
		}
	}
	out := map[string]string{}
	for t := range capital {
		for _, suf := range []string{"ian", "n"} {
			if base, ok := strings.CutSuffix(t, suf); ok && len(base) >= 3 && capital[base] {
				out[t] = base
				break
			}
		}
	}
	return out
}

// similar returns the cosine of unit u with every unit sharing a term.
func (x *unitIndex) similar(u int) []match {
	return dotAll(x.units[u].vec, x.post, x.acc)
}

// same reports whether units u and v tell the same fact: similar wording
// (as corpus.same) or one event frame.
func (x *unitIndex) same(u, v int, sim float64) bool {
	if sim >= SupportThreshold && shares(x.units[u].vec, x.units[v].vec) {
		return true
	}
	return x.sameEvent(u, v)
}

// shares reports whether b holds enough of a's terms to report its fact.
func shares(a, b []tw) bool {
	n := common(a, b)
	return n >= min(minShared, len(a)) && float64(n) >= minShare*float64(len(a))
}

// sameEvent reports whether two units share an event frame and the
// sentence of v holds enough of u's terms: a frame alone does not say
// that v's article reports everything u says.
func (x *unitIndex) sameEvent(u, v int) bool {
	if !shares(x.units[u].vec, x.units[v].full) {
		return false
	}
	for _, f := range x.units[u].frames {
		for _, g := range x.units[v].frames {
			if sameEvent(f, g) {
				return true
			}
		}
	}
	return false
}

// matches returns, per other article, the units that tell the fact of u
// with their cosine.
func (x *unitIndex) matches(u int) []match {
	var out []match
	seen := map[int]bool{}
	for _, m := range x.similar(u) {
		if x.units[m.s].art != x.units[u].art && x.same(u, m.s, m.sim) {
			seen[m.s] = true
			out = append(out, m)
		}
	}
	for _, f := range x.units[u].frames {
		for _, v := range x.byClass[f.class] {
			if !seen[v] && x.units[v].art != x.units[u].art && x.sameEvent(u, v) {
				seen[v] = true
				out = append(out, match{v, cos(x.units[u].vec, x.units[v].vec)})
			}
		}
	}
	return out
}

// support returns the articles telling the fact of unit u, its own
// included, sorted.
func (x *unitIndex) support(u int) []int {
	has := map[int]bool{x.units[u].art: true}
	for _, m := range x.matches(u) {
		has[x.units[m.s].art] = true
	}
	out := make([]int, 0, len(has))
	for a := range has {
		out = append(out, a)
	}
	sort.Ints(out)
	return out
}
