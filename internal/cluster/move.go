package cluster

import (
	"maps"
	"slices"
	"time"
)

// member is what the clusterer remembers of an article among a story's
// latest ones: its id and its event, so that it can be moved.
type member struct {
	id string
	e  *event
	// fixed: the article stays where it is (moved once already, or a
	// roundup placed in other stories too).
	fixed bool
}

// remember notes who v, among s's latest articles, is.
func (s *story) remember(v *docVec, m member, keep int) {
	if s.members == nil {
		s.members = map[*docVec]member{}
	}
	s.members[v] = m
	if len(s.members) > 2*keep {
		s.forgetOld()
	}
}

// fix marks v, if among s's latest articles, as one that stays.
func (s *story) fix(v *docVec) {
	if m, ok := s.members[v]; ok {
		m.fixed = true
		s.members[v] = m
	}
}

// restored is the latest article Restore replayed, which RestoreAlso's
// placements of the same article mark as fixed.
type restored struct {
	id string
	s  *story
	v  *docVec
}

// forgetOld drops the members no longer among s's latest articles.
func (s *story) forgetOld() {
	for v := range s.members {
		if !slices.Contains(s.recent, v) {
			delete(s.members, v)
		}
	}
}

// carryMembers moves from's members to into, as mergeStories moves its
// latest articles.
func carryMembers(into, from *story) {
	if len(from.members) == 0 {
		return
	}
	if into.members == nil {
		into.members = map[*docVec]member{}
	}
	maps.Copy(into.members, from.members)
	into.forgetOld()
}

// without returns a copy of s as it would be without v: centroids, size,
// days, names and latest articles less v's. The copy is for scoring only.
func (s *story) without(v *docVec) *story {
	w := *s
	w.size--
	w.all, w.ent, w.lead = s.all.minus(v.all), s.ent.minus(v.ent), s.lead.minus(v.lead)
	w.days = countsMinus(s.days, v.days)
	w.names = countsMinus(s.names, v.names)
	w.recent = slices.DeleteFunc(slices.Clone(s.recent), func(x *docVec) bool { return x == v })
	w.last = lastWithout(w.recent, s.last, v.at)
	return &w
}

// lastWithout is a story's latest time once an article published at
// at left it: last, unless that was the article's time; then the latest
// of the articles left among the recent ones.
func lastWithout(recent []*docVec, last, at time.Time) time.Time {
	if at.Before(last) || len(recent) == 0 {
		return last
	}
	var t time.Time
	for _, r := range recent {
		if r.at.After(t) {
			t = r.at
		}
	}
	return t
}

// minus returns a copy of c less v, without the terms only v held
// (their weight back to 0), its squared norm summed afresh.
func (c *centroid) minus(v vector) *centroid {
	o := &centroid{ts: slices.Clone(c.ts), ws: slices.Clone(c.ws)}
	o.sub(v)
	o.compact()
	return o
}

// compact drops the terms whose weight is 0, keeping the others' order.
func (c *centroid) compact() {
	k := 0
	for i, t := range c.ts {
		if c.ws[i] != 0 {
			c.ts[k], c.ws[k] = t, c.ws[i]
			k++
		}
	}
	if k == len(c.ts) {
		return
	}
	c.ts, c.ws, c.pos = c.ts[:k], c.ws[:k], nil
	c.indexTerms()
}

// sub subtracts v from c, in place, and sums the squared norm afresh.
func (c *centroid) sub(v vector) {
	c.indexTerms()
	for _, e := range v {
		if i, ok := c.pos[e.t]; ok {
			c.ws[i] -= e.w
		}
	}
	c.norm2 = 0
	for _, w := range c.ws {
		c.norm2 += w * w
	}
}

// countsMinus returns a copy of counts less one of each of xs.
func countsMinus(counts map[int32]int, xs []int32) map[int32]int {
	out := maps.Clone(counts)
	decrement(out, xs)
	return out
}

// standing is how an article of a story fares against the story without
// it (own) and against its likeliest other candidate (other, at pOther).
type standing struct {
	pOwn, pOther float64
	other        *story
}

// stand scores v, a latest article of s, against s without it and
// against its other candidate stories.
func (c *Clusterer) stand(s *story, v *docVec) standing {
	var st standing
	cands := c.candidates(s.lang, v.top, v.at)
	own := s.without(v)
	i := slices.IndexFunc(cands, func(x *story) bool { return x.live() == s })
	if i < 0 {
		cands = append(cands, own)
		i = len(cands) - 1
	} else {
		cands[i] = own
	}
	own.shared = sharedIndex(v, own)
	c.rows = c.featureRows(v, cands, c.rows)
	for j, t := range cands {
		p := c.prob(c.rows[j])
		if j == i {
			st.pOwn = p
		} else if t = t.live(); t != s && !t.evicted && (st.other == nil || p > st.pOther) {
			st.other, st.pOther = t, p
		}
	}
	return st
}

// sharedIndex is the summed weight of v's index terms that the other
// latest articles of w also have among theirs: the index feature of v
// against w, had v never indexed it.
func sharedIndex(v *docVec, w *story) float64 {
	var sum float64
	for _, e := range v.top {
		for _, r := range w.recent {
			if slices.ContainsFunc(r.top, func(x entry) bool { return x.t == e.t }) {
				sum += e.w
				break
			}
		}
	}
	return sum
}

// Move records that an article left story From for story To, event Event
// there (see Options.MoveProb). From keeps its id and its other articles.
type Move struct {
	Article, From, To, Event string
}

// Moves returns the moves made since the last call, in the order they
// were made, and forgets them. Callers drain it after each Add, after
// Merges, and place each Article in its To story: story ids are current
// at return.
func (c *Clusterer) Moves() []Move {
	m := c.moves
	c.moves = nil
	return m
}

// moveStrays moves, in each reviewed story, the latest articles that the
// story without them would not take at MoveOwnProb and that another
// story would, at MoveProb: each to that story.
func (c *Clusterer) moveStrays(reviewed []*story) {
	if c.opts.MoveProb <= 0 {
		return
	}
	done := map[*story]bool{}
	for _, s := range reviewed {
		if s = s.live(); done[s] || s.evicted || c.now.Sub(s.last) > c.opts.ReviewWindow {
			continue
		}
		done[s] = true
		for _, v := range slices.Clone(s.recent) {
			m, ok := s.members[v]
			if !ok || m.fixed || s.size < 2 {
				continue
			}
			if !c.fitsElsewhere(s, v) {
				continue
			}
			st := c.stand(s, v)
			if st.other == nil || st.pOther < c.opts.MoveProb || st.pOwn >= c.opts.MoveOwnProb {
				continue
			}
			c.move(s, v, m, st.other)
		}
	}
}

// fitsElsewhere tells whether a candidate story other than s takes v at
// MoveProb when scored against the other candidates alone, as belongsTo
// scores them: a cheap first look (no copy of s's centroids) that skips
// nearly every article. Without s among them, the others' margins are at
// least as large as in stand, where s less v competes, so a story stand
// would move v to passes here too unless the model's response to the
// margins turns (on both development files the moves are the same).
func (c *Clusterer) fitsElsewhere(s *story, v *docVec) bool {
	cands := c.candidates(s.lang, v.top, v.at)
	cands = slices.DeleteFunc(cands, func(x *story) bool { return x.live() == s })
	if len(cands) == 0 {
		return false
	}
	c.rows = c.featureRows(v, cands, c.rows)
	for i := range cands {
		if c.prob(c.rows[i]) >= c.opts.MoveProb {
			return true
		}
	}
	return false
}

// move takes article v out of story s (and its event there) and joins it
// to story t.
func (c *Clusterer) move(s *story, v *docVec, m member, t *story) {
	s.size--
	for _, x := range []struct {
		c *centroid
		v vector
	}{{s.all, v.all}, {s.ent, v.ent}, {s.lead, v.lead}} {
		x.c.sub(x.v)
		x.c.compact()
	}
	decrement(s.days, v.days)
	decrement(s.names, v.names)
	s.recent = slices.DeleteFunc(s.recent, func(x *docVec) bool { return x == v })
	s.last = lastWithout(s.recent, s.last, v.at)
	delete(s.members, v)
	eventID := "e-" + m.id
	if m.e != nil {
		m.e.c.sub(v.all)
		m.e.c.compact()
		if len(m.e.c.ts) == 0 {
			s.events = slices.DeleteFunc(s.events, func(x *event) bool { return x == m.e })
		} else if m.e.id == eventID {
			eventID += ".m" // the event the article opened stays in s
		}
	}
	e := t.bestEvent(v, &c.opts)
	if e == nil {
		e = t.newEvent(eventID)
	}
	c.join(t, e, v)
	slices.SortStableFunc(t.recent, func(a, b *docVec) int { return a.at.Compare(b.at) })
	t.remember(v, member{id: m.id, e: e, fixed: true}, c.opts.Recent)
	c.moves = append(c.moves, Move{Article: m.id, From: s.id, To: t.id, Event: e.id})
}

// decrement takes one of each of xs off counts, in place.
func decrement(counts map[int32]int, xs []int32) {
	for _, x := range xs {
		if counts[x] <= 1 {
			delete(counts, x)
		} else {
			counts[x]--
		}
	}
}
