package cluster

import (
	"slices"
	"time"
)

// namesFeature is the index of "names" among FeatureNames.
var namesFeature = slices.Index(FeatureNames, "names")

// nodateFeature is the index of "nodate": both mention days, none in common.
var nodateFeature = slices.Index(FeatureNames, "nodate")

// bestStory returns the candidate story the model finds likeliest to hold
// v, if that likelihood reaches JoinProb; else nil.
func (c *Clusterer) bestStory(lang string, v *docVec) *story {
	vc := c.vocab[lang]
	cold := vc.n <= c.opts.WarmUp && vc.forgets == 0 // too few articles to weigh words by
	cands := c.candidates(lang, v.top, v.at)
	c.rows = c.featureRows(v, cands, c.rows)
	c.cands, c.probs = cands, c.probs[:0]
	var best *story
	bestP := 0.0
	for i, s := range cands {
		p := c.prob(c.rows[i])
		if cold && c.rows[i][namesFeature] == 0 {
			p = 0 // a cold join needs a name pair in common
		}
		if c.quiet(s, v, c.rows[i], p) {
			p = 0
		}
		if p >= c.opts.JoinProb && (best == nil || p > bestP) {
			best, bestP = s, p
		}
		c.probs = append(c.probs, p)
	}
	return best
}

// featureRows returns the features of v against each candidate, reusing
// rows' storage.
func (c *Clusterer) featureRows(v *docVec, cands []*story, rows [][]float64) [][]float64 {
	bg := c.background(v.lang, v)
	for len(rows) < len(cands) {
		rows = append(rows, nil)
	}
	rows = rows[:len(cands)]
	vc := c.vocab[v.lang]
	n := len(vc.df)
	all, ent, lead := c.dense.all.load(v.all, n), c.dense.ent.load(v.ent, n), c.dense.lead.load(v.lead, n)
	title := c.dense.title.load(v.title, n)
	c.near = nearestAll(cands, all, ent, title, c.near)
	for i, s := range cands {
		rows[i] = features(v, s, vc, bg, s.shared, c.near[i], all, ent, lead, rows[i])
	}
	margins(rows)
	c.dense.all.unload(v.all)
	c.dense.ent.unload(v.ent)
	c.dense.lead.unload(v.lead)
	c.dense.title.unload(v.title)
	return rows
}

// bgMin is how many articles of a language make a background: before
// that, the cosine to the few seen measures the story itself, not what is
// common to all news.
const bgMin = 200

// bgNeutral is the background similarity assumed before bgMin articles:
// about the mean seen on the development sets.
const bgNeutral = 0.2

// background is the cosine of v to the centroid of its language;
// bgNeutral while the language has under bgMin articles.
func (c *Clusterer) background(lang string, v *docVec) float64 {
	if vc := c.vocab[lang]; vc == nil || vc.n < bgMin {
		return bgNeutral
	}
	if g := c.global[lang]; g != nil {
		return g.cosine(v.all)
	}
	return 0
}

// apartDays is s.apart(at) in days.
func (s *story) apartDays(at time.Time) float64 {
	return float64(s.apart(at)) / float64(24*time.Hour)
}

// bestEvent returns the open event of s closest to v above the event
// threshold, or nil. Events closed for good are dropped from s. d is
// scratch for v's terms spread densely.
func (s *story) bestEvent(v *docVec, o *Options, d *dense) *event {
	n := 0
	if len(v.all) > 0 {
		n = int(v.all[len(v.all)-1].t) + 1 // sorted by term
	}
	all := d.load(v.all, n)
	defer d.unload(v.all)
	var best *event
	bestSim := 0.0
	open := s.events[:0]
	for _, e := range s.events {
		if v.at.Sub(e.last) > o.EventWindow {
			continue
		}
		open = append(open, e)
		if e.last.Sub(v.at) > o.EventWindow {
			continue // long after the article (a backfill): open, not its event
		}
		if x := e.c.cosineDense(v.all, all); x >= o.EventThreshold && (best == nil || x > bestSim) {
			best, bestSim = e, x
		}
	}
	clear(s.events[len(open):])
	s.events = open
	return best
}

// apart is how far at lies outside the span of s (from its first to its
// latest article): after it, as in a live stream, or before it, as an
// archive ingested after newer news is (a backfill); 0 within it.
func (s *story) apart(at time.Time) time.Duration {
	switch {
	case at.After(s.last):
		return at.Sub(s.last)
	case !s.first.IsZero() && at.Before(s.first):
		return s.first.Sub(at)
	}
	return 0
}

// prob is the model's probability for a pair's features, or 0 when the
// guard model gives it less than GuardProb.
func (c *Clusterer) prob(x []float64) float64 {
	if c.guard != nil && c.guard.Prob(x) < c.opts.GuardProb {
		return 0
	}
	return c.model.Prob(x)
}

// quiet reports whether s, quiet for longer than QuietAfter, is refused
// v: v mentions days, none of them s's (a new event), and the model is
// less sure than QuietProb. Probabilities under JoinProb are left as they
// are, for the merge decisions that weigh them.
func (c *Clusterer) quiet(s *story, v *docVec, row []float64, p float64) bool {
	o := &c.opts
	return o.QuietAfter > 0 && p >= o.JoinProb && p < o.QuietProb &&
		row[nodateFeature] == 1 && s.apart(v.at) > o.QuietAfter
}
