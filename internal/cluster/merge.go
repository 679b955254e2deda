package cluster

import (
	"math"
	"slices"
)

// Merge records that story From was folded into story Into: every article
// of From now belongs to Into. Into is always the older story, so the id a
// reader saw first survives.
type Merge struct {
	From, Into string
}

// Merges returns the merges made since the last call, in the order they
// were made, and forgets them. Callers drain it after each Add and move
// the articles of each From story to its Into story.
func (c *Clusterer) Merges() []Merge {
	m := c.merges
	c.merges = nil
	return m
}

// mergeAround fixes an early split after an article joined s: each other
// candidate story the article also fits (model probability at least
// MergeProb) whose centroids are close to s (all-term cosine at least
// MergeCos, proper-noun cosine at least MergeEnt) is folded into the older
// of the two. It returns the story that holds the article at the end.
func (c *Clusterer) mergeAround(s *story) *story {
	if c.opts.MergeProb <= 0 {
		return s
	}
	for i, t := range c.cands {
		t = t.live()
		if t == s || t.evicted || c.probs[i] < c.opts.MergeProb {
			continue
		}
		if centroidCos(s.all, t.all) < c.opts.MergeCos || centroidCos(s.ent, t.ent) < c.opts.MergeEnt {
			continue
		}
		into, from := s, t
		if t.seq < s.seq {
			into, from = t, s
		}
		c.mergeStories(into, from)
		s = into
	}
	return s
}

// mergeStories folds from into into. from stays behind as a forwarding
// pointer for the index postings that still name it.
func (c *Clusterer) mergeStories(into, from *story) {
	c.voted.reset()
	into.size += from.size
	into.all.addCentroid(from.all)
	into.ent.addCentroid(from.ent)
	into.lead.addCentroid(from.lead)
	for d, n := range from.days {
		into.days[d] += n
	}
	for x, n := range from.names {
		into.names[x] += n
	}
	into.recent = append(into.recent, from.recent...)
	slices.SortStableFunc(into.recent, func(a, b *docVec) int { return a.at.Compare(b.at) })
	if n := len(into.recent); n > c.opts.Recent {
		into.recent = append(into.recent[:0:0], into.recent[n-c.opts.Recent:]...)
	}
	if from.last.After(into.last) {
		into.last = from.last
	}
	if !from.first.IsZero() && (into.first.IsZero() || from.first.Before(into.first)) {
		into.first = from.first
	}
	into.events = append(into.events, from.events...)
	*from = story{id: from.id, seq: from.seq, into: into}
	delete(c.stories, from.id)
	c.sweep.merged = true
	c.merges = append(c.merges, Merge{From: from.id, Into: into.id})
}

// live follows merges to the story that now holds s's articles.
func (s *story) live() *story {
	for s.into != nil {
		s = s.into
	}
	return s
}

// addCentroid adds the running sum of another centroid, term by term in
// the other's first-seen order.
func (c *centroid) addCentroid(o *centroid) {
	c.indexTerms()
	for i, t := range o.ts {
		j, ok := c.pos.find(t)
		if !ok {
			j = int32(len(c.ts))
			c.pos.insert(t, j)
			c.ts = append(c.ts, t)
			c.ws = append(c.ws, 0)
		}
		old := c.ws[j]
		nw := old + o.ws[i]
		c.ws[j] = nw
		c.norm2 += nw*nw - old*old
	}
}

// centroidCos is the cosine between two centroids, summed over the
// smaller one's terms in its first-seen order.
func centroidCos(a, b *centroid) float64 {
	if a.norm2 <= 0 || b.norm2 <= 0 {
		return 0
	}
	if len(a.ts) > len(b.ts) {
		a, b = b, a
	}
	var s float64
	for i, t := range a.ts {
		if j, ok := b.find(t); ok {
			s += a.ws[i] * b.ws[j]
		}
	}
	return s / math.Sqrt(a.norm2*b.norm2)
}

// Lineage maps merged story ids to the stories they were merged into.
type Lineage map[string]string

// Record notes merges drained from Merges.
func (l Lineage) Record(ms []Merge) {
	for _, m := range ms {
		l[m.From] = m.Into
	}
}

// Resolve returns the story that now holds the articles of story id.
func (l Lineage) Resolve(id string) string {
	for {
		next, ok := l[id]
		if !ok {
			return id
		}
		id = next
	}
}
