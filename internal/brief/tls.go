package brief

import (
	"sort"

	"parallax/internal/model"
	"parallax/internal/nlp/date"
)

// TimelineOptions tune Timeline. The zero value keeps DefaultDates dates
// with one sentence each.
type TimelineOptions struct {
	// Dates is how many dates to keep; 0 means DefaultDates.
	Dates int
	// PerDate is how many sentences to keep per date; 0 means 1.
	PerDate int
	// DayOnly drops dates the text gives only to the month or year.
	DayOnly bool
}

// Timeline writes a timeline summary of a story's articles: the dates the
// most articles mention, each with the sentences of its best-supported
// entries (those reported by the most articles first), in date order.
func Timeline(docs []*model.Article, opts TimelineOptions) []model.TimelineItem {
	kept := storyDocs(docs)
	if len(kept) == 0 {
		return []model.TimelineItem{}
	}
	n, per := opts.Dates, opts.PerDate
	if n <= 0 {
		n = DefaultDates
	}
	if per <= 0 {
		per = 1
	}
	return newCorpus(kept).timeline(n, per, opts.DayOnly)
}

// timeline returns the n dates most articles mention (day precision only
// if dayOnly), each with its per best-supported entries, in date order.
func (c *corpus) timeline(n, per int, dayOnly bool) []model.TimelineItem {
	es := c.entries()
	keep := c.topDates(es, n, dayOnly)
	byDay := map[string][]*tlEntry{}
	for _, e := range es {
		if keep[e.day] && (!dayOnly || e.prec == date.Day) {
			byDay[e.day] = append(byDay[e.day], e)
		}
	}
	days := make([]string, 0, len(byDay))
	for d := range byDay {
		days = append(days, d)
	}
	sort.Strings(days)
	out := []model.TimelineItem{}
	for _, d := range days {
		group := byDay[d]
		sort.SliceStable(group, func(a, b int) bool { return c.reach(group[a]) > c.reach(group[b]) })
		for _, e := range group[:min(len(group), per)] {
			out = append(out, c.item(e))
		}
	}
	return out
}

// reach counts the articles among an entry's sentences.
func (c *corpus) reach(e *tlEntry) int {
	arts := map[int]bool{}
	for _, i := range e.sents {
		arts[c.sents[i].art] = true
	}
	return len(arts)
}
