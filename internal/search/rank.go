package search

import (
	"cmp"
	"math"
	"slices"
	"time"
)

// Candidate is a match found by an index, before ranking: Rel is the
// index's own relevance (higher is better; SQLite's bm25 and PostgreSQL's
// ts_rank are on different scales, which Rank evens out).
type Candidate struct {
	Kind string
	ID   string
	Rel  float64
	Time time.Time
}

// Recency weighs relevance: a match as new as the newest keeps its
// relevance, one HalfLife older keeps (Floor+1)/2 of it, a very old one
// (or one without a date) Floor.
const (
	HalfLife = 30 * 24 * time.Hour
	Floor    = 0.6
)

// Rank orders candidates best first, in place, and returns them with
// their final scores. Relevance is divided by the best of the same kind
// (so stories and articles interleave on one scale), then weighed by
// recency relative to the newest candidate. Ties go to the newer, then
// stories before articles, then ids. With Newest, the newer goes first
// and the score breaks ties.
func Rank(cs []Candidate, o Order) []float64 {
	best := map[string]float64{}
	var newest time.Time
	for _, c := range cs {
		best[c.Kind] = max(best[c.Kind], c.Rel)
		if c.Time.After(newest) {
			newest = c.Time
		}
	}
	score := func(c Candidate) float64 {
		rel := 1.0
		if b := best[c.Kind]; b > 0 {
			rel = max(c.Rel, 0) / b
		}
		return math.Round(rel*recency(newest, c.Time)*1e4) / 1e4
	}
	type scored struct {
		Candidate
		score float64
	}
	ss := make([]scored, len(cs))
	for i, c := range cs {
		ss[i] = scored{c, score(c)}
	}
	slices.SortFunc(ss, func(a, b scored) int {
		if o == Newest {
			if d := b.Time.Compare(a.Time); d != 0 {
				return d
			}
		}
		if d := cmp.Compare(b.score, a.score); d != 0 {
			return d
		}
		if d := b.Time.Compare(a.Time); d != 0 {
			return d
		}
		if a.Kind != b.Kind {
			return cmp.Compare(b.Kind, a.Kind) // "story" > "article"
		}
		return cmp.Compare(a.ID, b.ID)
	})
	out := make([]float64, len(cs))
	for i, s := range ss {
		cs[i], out[i] = s.Candidate, s.score
	}
	return out
}

// recency is the weight of a match at t when the newest is newest.
func recency(newest, t time.Time) float64 {
	if t.IsZero() || newest.IsZero() {
		return Floor
	}
	age := newest.Sub(t).Hours() / HalfLife.Hours()
	return Floor + (1-Floor)*math.Exp2(-age)
}

// Page returns the part of ranked candidates from offset, at most limit.
func Page[T any](xs []T, limit, offset int) []T {
	if offset >= len(xs) || offset < 0 {
		return nil
	}
	xs = xs[offset:]
	if limit > 0 && limit < len(xs) {
		xs = xs[:limit]
	}
	return xs
}
