package cluster

import (
	"slices"
	"strconv"
	"strings"
)

// Placement is one more story an article covers besides the one Add
// returned: a roundup's sections about another story.
type Placement struct {
	Story, Event string
	Passages     []Passage
}

// Also returns the other stories the latest added article was placed in,
// with the passages about each, in the order of the passages; nil for
// the usual, single-story article. Story ids are current at return (a
// later merge moves them like any article: see Merges).
func (c *Clusterer) Also() []Placement { return c.also }

// RestoreAlso replays a stored extra placement of an article (see Also):
// the passages' text joins the named story and event (created if unknown)
// without any decision being made, as Restore does for the article's own
// story. d.Text is the whole article text the passages index.
func (c *Clusterer) RestoreAlso(d Doc, p Placement) {
	if d.Lang == "" {
		d.Lang = detectLang(d.Title + "\n" + d.Text)
	}
	if d.Published.IsZero() {
		d.Published = c.now
	}
	v := c.passageVec(d, p.Passages)
	s := c.stories[p.Story]
	if s == nil {
		s = c.newStory(p.Story, d.Lang)
	}
	c.place(s, s.eventByID(p.Event), v)
	if r := c.restored; r != nil && r.id == d.ID {
		r.fixed = true // a roundup in several stories stays where it is
	}
}

// passageVec returns the vectors of the title and the passages of d's
// text, weighed with the language's frequencies without counting in them
// (the article was counted once, as a whole). The title stays: the model
// was trained on titled articles, and a title-less text is out of its
// range (it took a long article's parts for other stories' with .99).
func (c *Clusterer) passageVec(d Doc, ps []Passage) *docVec {
	var b strings.Builder
	for _, p := range ps {
		start, end := max(0, min(p.Start, len(d.Text))), max(0, min(p.End, len(d.Text)))
		if start < end {
			b.WriteString(d.Text[start:end])
			b.WriteByte('\n')
		}
	}
	pd := Doc{Title: d.Title, Text: b.String(), Lang: d.Lang, Published: d.Published}
	vc := c.vocab[d.Lang]
	if vc == nil {
		vc = newVocab()
		c.vocab[d.Lang] = vc
	}
	c.terms.count(pd, &c.opts, vc)
	v := vc.vectors(&c.terms, c.opts.ProperBoost, false)
	v.at, v.lang = pd.Published, pd.Lang
	v.days = mentionedDays(pd)
	v.top = v.all.top(c.opts.IndexTerms)
	return v
}

// elsewhere picks, for the pieces of a roundup's text that are not about
// its own story, the stories they are about: each piece of
// sectionMinWords words or more goes to the candidate story the model
// finds likeliest to hold it, at AlsoProb or more, unless that is own (as it stood before the article): the piece
// is then just another part of own's story. A piece no story fits is
// left out (a roundup's passing item opens no story of its own). The
// pieces one story gets are grouped, in text order; the groups come in
// the order of their first piece.
func (c *Clusterer) elsewhere(d Doc, own *story, off []Passage) []pick {
	var picks []pick
	for _, p := range off {
		if countWordsUpTo(d.Text[p.Start:p.End], sectionMinWords) < sectionMinWords {
			continue
		}
		t := c.fittest(c.passageVec(d, []Passage{p}))
		if t == nil || t == own {
			continue
		}
		i := slices.IndexFunc(picks, func(k pick) bool { return k.s == t })
		if i < 0 {
			picks = append(picks, pick{s: t})
			i = len(picks) - 1
		}
		k := &picks[i]
		if n := len(k.ps); n > 0 && k.ps[n-1].End == p.Start {
			k.ps[n-1].End = p.End
		} else {
			k.ps = append(k.ps, p)
		}
	}
	return picks
}

// pick is a story some pieces of a roundup are about.
type pick struct {
	s  *story
	ps []Passage
}

// placeElsewhere places the roundup's picked pieces in their stories, as
// one more article of each, once the article has joined own (which may
// have merged with one of them since: that pick is dropped).
func (c *Clusterer) placeElsewhere(d Doc, own *story, picks []pick) []Placement {
	var out []Placement
	for i, k := range picks {
		t := k.s.live()
		if t == own.live() || t.evicted {
			continue
		}
		v := c.passageVec(d, k.ps)
		e := t.bestEvent(v, &c.opts, &c.dense.all)
		if e == nil {
			e = t.newEvent("e-" + d.ID + "." + strconv.Itoa(i+1))
		}
		c.place(t, e, v)
		out = append(out, Placement{Story: t.id, Event: e.id, Passages: k.ps})
	}
	return out
}

// fittest returns the candidate story the model finds likeliest to hold
// v if that reaches AlsoProb; else nil.
func (c *Clusterer) fittest(v *docVec) *story {
	cands := c.candidates(v.lang, v.top, v.at)
	c.rows = c.featureRows(v, cands, c.rows)
	var best *story
	bestP := 0.0
	for i, t := range cands {
		if p := c.prob(c.rows[i]); p >= c.opts.AlsoProb && (best == nil || p > bestP) {
			best, bestP = t, p
		}
	}
	return best
}
