package brief

import (
	"math"
	"sort"
	"strings"
	"time"

	"parallax/internal/model"
	"parallax/internal/nlp/sentence"
	"parallax/internal/nlp/token"
)

// sent is one sentence of one article with its TF-IDF vector.
type sent struct {
	art   int // index of the article in corpus.docs
	para  int // paragraph (line) of the article
	pos   int // position among the article's sentences
	text  string
	words int
	vec   []tw // unit length, sorted by term
}

// tw is a term id and its weight.
type tw struct {
	t int32
	w float64
}

// posting is a sentence holding a term with a weight.
type posting struct {
	s int
	w float64
}

// corpus is one story's articles split into sentences.
type corpus struct {
	docs     []*model.Article
	outlet   []string // per article: Source, else the id
	indep    []string // per article: its independent source (a copy counts as its original's)
	sents    []sent
	byArt    [][]int // sentence indices per article
	terms    map[string]int32
	idf      []float64
	post     [][]posting // term id -> sentences
	centroid []float64   // term id -> the sum of the sentences' weights
	acc      []float64   // scratch for similar, all zero between calls
	refs     []time.Time // per article: the date relative dates resolve against (see ref)
	refDone  []bool
	named    map[tlKey]map[int]bool // per date: the sentences naming it (see entries)
	window   window                 // the dates a timeline may keep (see TimelineOptions)
}

// newCorpus splits docs into sentences and weights their terms by TF-IDF,
// with document frequencies over articles.
func newCorpus(docs []*model.Article) *corpus {
	c := &corpus{docs: docs, terms: map[string]int32{}, byArt: make([][]int, len(docs))}
	var raw [][]string
	df := map[int32]int{}
	c.indep = independentSources(docs)
	for a, d := range docs {
		c.outlet = append(c.outlet, outletOf(d))
		seen := map[int32]bool{}
		for i, s := range sentence.Split(d.Text) {
			ts := token.Terms(normalize(s.Text))
			for _, t := range ts {
				id, ok := c.terms[t]
				if !ok {
					id = int32(len(c.terms))
					c.terms[t] = id
				}
				if !seen[id] {
					seen[id] = true
					df[id]++
				}
			}
			c.byArt[a] = append(c.byArt[a], len(c.sents))
			c.sents = append(c.sents, sent{art: a, para: s.Para, pos: i, text: s.Text, words: len(token.Words(s.Text))})
			raw = append(raw, ts)
		}
	}
	n := float64(len(docs))
	c.idf = make([]float64, len(c.terms))
	for id, f := range df {
		c.idf[id] = math.Log((1+n)/(1+float64(f))) + 1
	}
	c.post = make([][]posting, len(c.terms))
	c.centroid = make([]float64, len(c.terms))
	for i, ts := range raw {
		c.sents[i].vec = c.vector(ts)
		for _, x := range c.sents[i].vec {
			c.post[x.t] = append(c.post[x.t], posting{i, x.w})
			c.centroid[x.t] += x.w
		}
	}
	return c
}

// outletOf names the outlet of an article: its Source, else its id.
func outletOf(d *model.Article) string {
	if s := strings.TrimSpace(d.Source); s != "" {
		return s
	}
	return d.ID
}

// outletLabel names an article's outlet for a reader: its source, else
// (an article of unknown outlet, a source of its own) its title, or the
// opening words of its text, never its id.
func outletLabel(d *model.Article) string {
	if s := strings.TrimSpace(d.Source); s != "" {
		return s
	}
	return UnknownOutletLabel(d.Title, d.Text)
}

// labelWords bounds an unknown outlet's label.
const labelWords = 8

// UnknownOutletLabel names an article whose outlet is unknown by its
// title (else the opening words of its text), quoted and shortened to a
// few words, with "outlet unknown": “US Threatens to End Syria Talks…”.
func UnknownOutletLabel(title, text string) string {
	name := strings.TrimSpace(title)
	if name == "" {
		name, _, _ = strings.Cut(strings.TrimSpace(text), "\n")
	}
	w := strings.Fields(name)
	if len(w) == 0 {
		return "untitled article" + unknownOutlet
	}
	name = strings.Join(w[:min(len(w), labelWords)], " ")
	if len(w) > labelWords {
		name += "…"
	}
	return "“" + name + "”" + unknownOutlet
}

// unknownOutlet ends the label of an article whose outlet is unknown.
const unknownOutlet = ", outlet unknown"

// OutletKnown reports whether a brief's source name is an outlet, not the
// label UnknownOutletLabel gives an article of unknown outlet.
func OutletKnown(source string) bool { return !strings.HasSuffix(source, unknownOutlet) }

// vector returns the unit TF-IDF vector of stemmed terms; unknown terms
// are ignored.
func (c *corpus) vector(ts []string) []tw {
	tf := map[int32]float64{}
	for _, t := range ts {
		if id, ok := c.terms[t]; ok {
			tf[id]++
		}
	}
	v := make([]tw, 0, len(tf))
	for id, f := range tf {
		v = append(v, tw{id, (1 + math.Log(f)) * c.idf[id]})
	}
	// Sorted before summing: a sum in map order differs in its last bits
	// from run to run, and ties between sentences would follow it.
	sort.Slice(v, func(i, j int) bool { return v[i].t < v[j].t })
	norm := 0.0
	for _, x := range v {
		norm += x.w * x.w
	}
	norm = math.Sqrt(norm)
	for i := range v {
		v[i].w /= norm
	}
	return v
}

// cos is the cosine of two unit vectors.
func cos(a, b []tw) float64 {
	s := 0.0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].t == b[j].t:
			s += a[i].w * b[j].w
			i++
			j++
		case a[i].t < b[j].t:
			i++
		default:
			j++
		}
	}
	return s
}

// cosDense is the cosine of a unit vector with a dense vector (by term
// id) of the given norm.
func cosDense(a []tw, d []float64, norm float64) float64 {
	if norm == 0 {
		return 0
	}
	s := 0.0
	for _, x := range a {
		s += x.w * d[x.t]
	}
	return s / norm
}

// match is a sentence and its cosine with another.
type match struct {
	s   int
	sim float64
}

// similar returns the cosine of sentence i with every sentence sharing a
// term with it, accumulated in a dense scratch slice (one pass over the
// postings of i's terms).
func (c *corpus) similar(i int) []match {
	if c.acc == nil {
		c.acc = make([]float64, len(c.sents))
	}
	return dotAll(c.sents[i].vec, c.post, c.acc)
}

// dotAll returns the dot product of vec with every item in the postings
// that shares a term with it, accumulated in acc (all zero before and
// after the call).
func dotAll(vec []tw, post [][]posting, acc []float64) []match {
	var touched []int
	for _, x := range vec {
		for _, p := range post[x.t] {
			if acc[p.s] == 0 {
				touched = append(touched, p.s)
			}
			acc[p.s] += x.w * p.w
		}
	}
	out := make([]match, len(touched))
	for k, j := range touched {
		out[k] = match{j, acc[j]}
		acc[j] = 0
	}
	return out
}

// minShared is how many terms two sentences share at least to report the
// same fact (fewer when a sentence has fewer terms).
const minShared = 3

// minShare is the least share of sentence i's terms that j must hold.
const minShare = 0.25

// same reports whether sentences i and j tell the same fact: cosine at
// least tau and enough shared terms.
func (c *corpus) same(i, j int, sim, tau float64) bool {
	if sim < tau {
		return false
	}
	a, b := c.sents[i].vec, c.sents[j].vec
	n := common(a, b)
	return n >= min(minShared, len(a)) && float64(n) >= minShare*float64(len(a))
}

// common counts the terms two vectors have in common.
func common(a, b []tw) int {
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].t == b[j].t:
			n++
			i++
			j++
		case a[i].t < b[j].t:
			i++
		default:
			j++
		}
	}
	return n
}

// support returns, for sentence i, the articles holding a sentence at
// least tau similar to it (its own article always), in input order.
func (c *corpus) support(i int, tau float64) []int {
	has := map[int]bool{c.sents[i].art: true}
	for _, m := range c.similar(i) {
		if c.same(i, m.s, m.sim, tau) {
			has[c.sents[m.s].art] = true
		}
	}
	out := make([]int, 0, len(has))
	for a := range has {
		out = append(out, a)
	}
	sort.Ints(out)
	return out
}

// ids returns the article ids of article indices.
func (c *corpus) ids(arts []int) []string {
	out := make([]string, 0, len(arts))
	for _, a := range arts {
		out = append(out, c.docs[a].ID)
	}
	return out
}

// outlets counts the distinct independent sources of article indices: a
// near-duplicate copy (a wire copy, a syndicated repost) adds nothing to
// its original.
func (c *corpus) outlets(arts []int) int {
	seen := map[string]bool{}
	for _, a := range arts {
		seen[c.indep[a]] = true
	}
	return len(seen)
}

// independentSources names, per article, the source it stands for: its
// outlet, or for a near-duplicate copy the outlet of its original.
func independentSources(docs []*model.Article) []string {
	byID := make(map[string]*model.Article, len(docs))
	for _, d := range docs {
		byID[d.ID] = d
	}
	out := make([]string, len(docs))
	for i, d := range docs {
		switch orig, ok := byID[d.DuplicateOf]; {
		case d.DuplicateOf == "":
			out[i] = outletOf(d)
		case ok:
			out[i] = outletOf(orig)
		default:
			out[i] = "copy of " + d.DuplicateOf
		}
	}
	return out
}
