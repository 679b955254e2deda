package cluster

import (
	"slices"
	"time"
)

// withhold takes v out of s in place, for scoring s as it would be
// without v (centroids, size, days, names, latest articles), and returns
// what puts it back exactly as it was. In place, because a copy of a
// large story's centroids cost more than scoring it.
func (s *story) withhold(v *docVec) (putBack func()) {
	saved := *s
	undo := [3]func(){s.all.withhold(v.all), s.ent.withhold(v.ent), s.lead.withhold(v.lead)}
	decrement(s.days, v.days)
	decrement(s.names, v.names)
	s.size--
	s.recent = slices.DeleteFunc(slices.Clone(s.recent), func(x *docVec) bool { return x == v })
	s.last = lastWithout(s.recent, s.last, v.at)
	return func() {
		for _, u := range undo {
			u()
		}
		increment(s.days, v.days)
		increment(s.names, v.names)
		s.size, s.recent, s.last, s.shared = saved.size, saved.recent, saved.last, saved.shared
	}
}

// withhold subtracts v from c in place (a term only v held is left at
// weight 0, which centroid readers take as absent) and returns what
// restores c's weights and norm bit for bit.
func (c *centroid) withhold(v vector) (undo func()) {
	type was struct {
		i int32
		w float64
	}
	var old []was
	norm2 := c.norm2
	for _, e := range v {
		if i, ok := c.find(e.t); ok {
			old = append(old, was{i, c.ws[i]})
			w := c.ws[i] - e.w
			c.norm2 += w*w - c.ws[i]*c.ws[i]
			c.ws[i] = w
		}
	}
	return func() {
		for _, o := range old {
			c.ws[o.i] = o.w
		}
		c.norm2 = norm2
	}
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
		if i, ok := c.pos.find(e.t); ok {
			c.ws[i] -= e.w
		}
	}
	c.norm2 = 0
	for _, w := range c.ws {
		c.norm2 += w * w
	}
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
	i := slices.IndexFunc(cands, func(x *story) bool { return x.live() == s })
	if i < 0 {
		cands = append(cands, s)
		i = len(cands) - 1
	} else {
		cands[i] = s
	}
	putBack := s.withhold(v)
	s.shared = sharedIndex(v, s)
	c.rows = c.featureRows(v, cands, c.rows)
	putBack()
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

// moveChecks is how many review passes look at an article for a move:
// enough for its right story to have grown meanwhile, and a bound on the
// pass's cost (a story's latest articles are otherwise looked at again
// at every pass that finds it touched).
const moveChecks = 2

// moveStrays moves, in each reviewed story, the latest articles that the
// story without them would not take at MoveOwnProb and that another
// story would, at MoveProb: each to that story.
func (c *Clusterer) moveStrays(reviewed []*story) {
	if c.opts.MoveProb <= 0 {
		return
	}
	done := map[*story]bool{}
	for _, s := range reviewed {
		if s = s.live(); done[s] || s.evicted || s.apart(c.at) > c.opts.ReviewWindow {
			continue
		}
		done[s] = true
		for _, v := range slices.Clone(s.recent) {
			if v.id == "" || v.fixed || v.checks >= moveChecks || s.size < 2 {
				continue
			}
			v.checks++
			if !c.fitsElsewhere(s, v) {
				continue
			}
			st := c.stand(s, v)
			if st.other == nil || st.pOther < c.opts.MoveProb || st.pOwn >= c.opts.MoveOwnProb {
				continue
			}
			c.move(s, v, st.other)
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
	if p, ok := c.voted.lookup(v, s); ok {
		return p >= c.opts.MoveProb
	}
	cands := c.candidates(s.lang, v.top, v.at)
	cands = slices.DeleteFunc(cands, func(x *story) bool { return x.live() == s })
	cands = cands[:min(len(cands), c.opts.ReviewCandidates)]
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
func (c *Clusterer) move(s *story, v *docVec, t *story) {
	c.voted.reset()
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
	eventID := "e-" + v.id
	if old := v.event; old != nil {
		old.c.sub(v.all)
		old.c.compact()
		if len(old.c.ts) == 0 {
			s.events = slices.DeleteFunc(s.events, func(x *event) bool { return x == old })
		} else if old.id == eventID {
			eventID += ".m" // the event the article opened stays in s
		}
	}
	e := t.bestEvent(v, &c.opts, &c.dense.all)
	if e == nil {
		e = t.newEvent(eventID)
	}
	c.join(t, e, v)
	slices.SortStableFunc(t.recent, func(a, b *docVec) int { return a.at.Compare(b.at) })
	v.event, v.fixed = e, true
	c.moves = append(c.moves, Move{Article: v.id, From: s.id, To: t.id, Event: e.id})
}

// increment adds one of each of xs to counts, in place.
func increment(counts map[int32]int, xs []int32) {
	for _, x := range xs {
		counts[x]++
	}
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
