package brief

import (
	"math"
	"sort"
	"time"

	"parallax/internal/nlp/date"
)

// forwardWeight is what an article naming a date before it comes counts
// for, against 1 for one that reports it on or after the day: a date
// announced in advance (a hearing, a deadline, a vote) is often one of
// the story's events, but a plan is weaker evidence than a report
// (Timeline17 dev, published protocol: date F1 .511 without, .528 with
// 1/3).
const forwardWeight = 1.0 / 3

// echoWeek is the period over which articles naming a date are counted
// together when dates are ranked: a week of the news cycle.
const echoWeek = 7

// topDates returns the n dates (all when n <= 0) of the entries reported
// by the most articles (counting every sentence naming the date, filed
// under it or not; an article published before the date counts
// forwardWeight); dayOnly drops month- and year-precision dates. The
// articles are counted per week of publication (counted from the date),
// each week for the square root of its articles: a date the news keeps
// naming week after week is an event of the story, while one day's burst
// of articles about the same hours (a busy news day saying "Tuesday")
// is one echo, not many (see docs/timeline.md).
func (c *corpus) topDates(es []*tlEntry, n int, dayOnly bool) map[string]bool {
	weeks := map[string]map[int]float64{} // date -> week since the date -> articles
	seen := map[string]map[int]bool{}
	for _, e := range es {
		if dayOnly && e.prec != date.Day || !c.window.holds(e.day) {
			continue
		}
		day, err := time.Parse(time.DateOnly, e.day)
		if err != nil {
			continue
		}
		if weeks[e.day] == nil {
			weeks[e.day], seen[e.day] = map[int]float64{}, map[int]bool{}
		}
		for i := range c.named[tlKey{e.day, e.prec}] {
			a := c.sents[i].art
			if seen[e.day][a] {
				continue
			}
			seen[e.day][a] = true
			weeks[e.day][echoWeekOf(c.docs[a].Published, day)]++
		}
	}
	score := make(map[string]float64, len(weeks))
	days := make([]string, 0, len(weeks))
	for d, ws := range weeks {
		days = append(days, d)
		score[d] = echoScore(ws)
	}
	sort.Slice(days, func(a, b int) bool {
		if score[days[a]] != score[days[b]] {
			return score[days[a]] > score[days[b]]
		}
		return days[a] < days[b]
	})
	if n > 0 && len(days) > n {
		days = days[:n]
	}
	keep := make(map[string]bool, len(days))
	for _, d := range days {
		keep[d] = true
	}
	return keep
}

// echoWeekOf is the week, counted from a date, in which an article
// published at pub names it: 0 for its first seven days, -1 for the
// week before it; an undated article counts in week 0.
func echoWeekOf(pub, day time.Time) int {
	if pub.IsZero() {
		return 0
	}
	p, _ := time.Parse(time.DateOnly, pub.Format(time.DateOnly))
	days := int(math.Round(p.Sub(day).Hours() / 24))
	if days < 0 {
		return -1 - (-days-1)/echoWeek
	}
	return days / echoWeek
}

// echoScore is a date's rank score from its articles per week: the sum
// over weeks of the square root of their articles, a week before the
// date weighing forwardWeight.
func echoScore(weeks map[int]float64) float64 {
	ks := make([]int, 0, len(weeks))
	for k := range weeks {
		ks = append(ks, k)
	}
	sort.Ints(ks) // a fixed order: sums in map order differ in their last bits
	s := 0.0
	for _, k := range ks {
		w := math.Sqrt(weeks[k])
		if k < 0 {
			w *= forwardWeight
		}
		s += w
	}
	return s
}
