package brief

import (
	"sort"
	"time"

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
	// From and To, when set, bound the dates kept (both days included).
	From, To time.Time
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
	c := newCorpus(kept)
	c.window = window{opts.From, opts.To}
	return c.timeline(n, per, opts.DayOnly)
}

// window bounds the dates of a timeline; a zero end leaves that side open.
type window struct{ from, to time.Time }

// holds reports whether a day ("YYYY-MM-DD") lies within the window.
func (w window) holds(day string) bool {
	return (w.from.IsZero() || day >= w.from.Format(time.DateOnly)) &&
		(w.to.IsZero() || day <= w.to.Format(time.DateOnly))
}

// timeline returns the n dates most articles mention (day precision only
// if dayOnly), each with its per best-supported entries, in date order.
func (c *corpus) timeline(n, per int, dayOnly bool) []model.TimelineItem {
	return c.timelineOf(c.entries(), n, per, dayOnly)
}

// backgroundGap is how long before a story's first article a date must
// end to be background rather than an event of the story.
const backgroundGap = 30 * 24 * time.Hour

// DefaultBackground bounds the dates of a brief's background.
const DefaultBackground = 10

// timelines returns the story's own timeline (n dates) and its background
// (nb dates): the entries whose date ends more than backgroundGap before
// the story's first article, kept apart so that history does not stand
// among the story's events.
func (c *corpus) timelines(n, nb, per int) (own, background []model.TimelineItem) {
	start := c.start()
	var mine, old []*tlEntry
	for _, e := range c.entries() {
		if !start.IsZero() && periodEnd(e.day, e.prec).Before(start.Add(-backgroundGap)) {
			old = append(old, e)
		} else {
			mine = append(mine, e)
		}
	}
	return c.timelineOf(mine, n, per, false), c.timelineOf(old, nb, per, false)
}

// start is the publication date of the story's first dated article.
func (c *corpus) start() time.Time {
	var t time.Time
	for _, d := range c.docs {
		if !d.Published.IsZero() && (t.IsZero() || d.Published.Before(t)) {
			t = d.Published
		}
	}
	return t
}

// periodEnd is the last day of the period an entry's date stands for.
func periodEnd(day string, p date.Precision) time.Time {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return time.Time{}
	}
	switch p {
	case date.Week:
		return t.AddDate(0, 0, 6)
	case date.Month:
		return t.AddDate(0, 1, -1)
	case date.Year:
		return t.AddDate(1, 0, -1)
	}
	return t
}

// timelineOf writes the timeline of the given entries.
func (c *corpus) timelineOf(es []*tlEntry, n, per int, dayOnly bool) []model.TimelineItem {
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
	seen := map[string]bool{}
	for _, d := range days {
		group := byDay[d]
		sort.SliceStable(group, func(a, b int) bool { return c.reach(group[a]) > c.reach(group[b]) })
		k := 0
		for _, e := range group {
			if k == per {
				break
			}
			it := c.item(e)
			if seen[it.Text] {
				continue // one sentence, one entry
			}
			seen[it.Text] = true
			out = append(out, it)
			k++
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
