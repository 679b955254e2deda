package cluster

import (
	"slices"
	"sort"
)

// The review pass fixes splits that no single article bridges: two stories
// opened for one event by articles that each fitted neither well enough
// (different outlets' wording, a follow-up before the first report). Every
// ReviewEvery articles, each story that gained an article since the last
// pass (and is active within ReviewWindow) asks,
// for each of its latest articles, which other story the model would now
// place it in (at probability ReviewProb or more): a story most of them
// would join is merged with it, into the older of the two, as a bridging
// article's merge is (Merges reports it; the older id survives). Stories
// that grew since their first articles arrived can now be recognized.
// After the merges, the pass moves the latest articles of the same
// stories that fit another story far better than their own (move.go).
// Stories are not split: a leave-one-out check flagged as many right
// placements as wrong ones (see doc.go).

// reviewVoters is how many of a story's latest articles vote.
const reviewVoters = 3

// maybeReview runs the review pass when ReviewEvery articles have been
// added since the last one.
func (c *Clusterer) maybeReview() {
	if c.opts.ReviewEvery <= 0 {
		return
	}
	if c.sinceReview++; c.sinceReview < c.opts.ReviewEvery {
		return
	}
	c.sinceReview = 0
	c.reviews++
	c.review()
}

// review merges the recent stories that turned out to be one.
func (c *Clusterer) review() {
	recent := c.touched
	c.touched = c.touched[:0]
	c.voted.reset()
	sort.Slice(recent, func(i, j int) bool { return recent[i].seq < recent[j].seq })
	for _, s := range recent {
		s.reviewed = c.reviews
		s = s.live()
		if s.evicted || s.apart(c.at) > c.opts.ReviewWindow {
			continue
		}
		t := c.belongsTo(s)
		if t == nil || centroidCos(s.all, t.all) < c.opts.ReviewCos || centroidCos(s.ent, t.ent) < c.opts.ReviewEnt {
			continue
		}
		into, from := s, t
		if t.seq < s.seq {
			into, from = t, s
		}
		c.mergeStories(into, from)
	}
	c.moveStrays(recent)
}

// belongsTo returns the other story that most of s's latest articles
// would now join (model probability at least ReviewProb, the likeliest of
// their candidates other than s), or nil.
func (c *Clusterer) belongsTo(s *story) *story {
	votes := map[*story]int{}
	var best *story
	latest := s.recent[max(0, len(s.recent)-reviewVoters):]
	for _, v := range latest {
		cands := c.candidates(s.lang, v.top, v.at)
		cands = slices.DeleteFunc(cands, func(x *story) bool { return x.live() == s })
		cands = cands[:min(len(cands), c.opts.ReviewCandidates)]
		if len(cands) == 0 {
			c.voted.note(v, s, 0)
			continue
		}
		c.rows = c.featureRows(v, cands, c.rows)
		var pick *story
		bestP, top := c.opts.ReviewProb, 0.0
		for i, t := range cands {
			p := c.prob(c.rows[i])
			top = max(top, p)
			if p >= bestP {
				pick, bestP = t.live(), p
			}
		}
		c.voted.note(v, s, top)
		if pick != nil {
			votes[pick]++
			if best == nil || votes[pick] > votes[best] || votes[pick] == votes[best] && pick.seq < best.seq {
				best = pick
			}
		}
	}
	if best == nil || 2*votes[best] <= len(latest) {
		return nil
	}
	return best
}

// votes remembers, for the voters of one review pass, the best
// probability any of their other candidate stories gave them (the
// stories belongsTo scores, as fitsElsewhere scores them), so that the
// move check of the same pass does not score them again. A merge or a
// move changes stories, and forgets them all: what is remembered is what
// scoring again would give, to the last bit.
type votes struct {
	top map[*docVec]vote
}

// vote is a voter's best probability elsewhere, and the story it was
// scored from (left out of its candidates).
type vote struct {
	from *story
	p    float64
}

func (vs *votes) note(v *docVec, from *story, p float64) {
	if vs.top == nil {
		vs.top = map[*docVec]vote{}
	}
	vs.top[v] = vote{from, p}
}

// reset forgets every vote.
func (vs *votes) reset() { clear(vs.top) }

// lookup returns v's best probability elsewhere when scored from story
// from in this pass, since the last change.
func (vs *votes) lookup(v *docVec, from *story) (float64, bool) {
	x, ok := vs.top[v]
	if !ok || x.from != from {
		return 0, false
	}
	return x.p, true
}
