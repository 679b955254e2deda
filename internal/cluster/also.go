package cluster

import "strings"

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
// story. text is the whole article text the passages index.
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
}

// passageVec returns the vectors of the passages of d's text, weighed
// with the language's frequencies without counting in them (the article
// was counted once, as a whole); the title, which names the whole
// roundup, is left out.
func (c *Clusterer) passageVec(d Doc, ps []Passage) *docVec {
	var b strings.Builder
	for _, p := range ps {
		start, end := max(0, min(p.Start, len(d.Text))), max(0, min(p.End, len(d.Text)))
		if start < end {
			b.WriteString(d.Text[start:end])
			b.WriteByte('\n')
		}
	}
	pd := Doc{Text: b.String(), Lang: d.Lang, Published: d.Published}
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
