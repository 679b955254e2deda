package cluster

import (
	"math"
	"sort"
	"time"
)

func sortStories(s []*story) {
	sort.Slice(s, func(i, j int) bool { return s[i].seq < s[j].seq })
}

// score is how well v fits story s: centroid cosine mixed with the best
// cosine to one of its latest articles.
func (s *story) score(v vector, o *Options) float64 {
	cc := s.c.cosine(v)
	var near float64
	for _, r := range s.recent {
		if x := dot(v, r); x > near {
			near = x
		}
	}
	return (1-o.NearWeight)*cc + o.NearWeight*near
}

// threshold is the score needed to join a story whose latest article is
// gap before the article.
func threshold(gap time.Duration, size int, o *Options) float64 {
	if gap < 0 {
		gap = 0
	}
	base := o.Threshold * math.Pow(float64(max(size, 1)), -o.SizeDiscount)
	return base + o.GapPenalty*float64(gap)/float64(o.Window)
}

// bestStory returns the best-scoring candidate story that clears the
// threshold, or nil.
func (c *Clusterer) bestStory(d Doc, v vector) *story {
	var best *story
	bestMargin := 0.0
	bg := 0.0
	if g := c.global[d.Lang]; g != nil {
		bg = c.opts.Background * g.cosine(v)
	}
	for _, s := range c.candidates(d.Lang, v, d.Published) {
		m := s.score(v, &c.opts) - threshold(d.Published.Sub(s.last), s.size, &c.opts) - bg
		if m >= 0 && (best == nil || m > bestMargin) {
			best, bestMargin = s, m
		}
	}
	return best
}

// bestEvent returns the open event of s closest to v above the event
// threshold, or nil.
func (s *story) bestEvent(v vector, at time.Time, o *Options) *event {
	var best *event
	bestSim := 0.0
	for _, e := range s.events {
		if at.Sub(e.last) > o.EventWindow {
			continue
		}
		if x := e.c.cosine(v); x >= o.EventThreshold && (best == nil || x > bestSim) {
			best, bestSim = e, x
		}
	}
	return best
}
