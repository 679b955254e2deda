package eval

import (
	"sort"
	"time"

	"parallax/internal/model"
	"parallax/internal/nlp/date"
	"parallax/internal/nlp/sentence"
)

// MostMentioned is the baseline timeline summarizer: the dates (to the
// day) that the most sentences mention, relative ones resolved against
// their article's publication date, each with the first perDate
// sentences that mention it (articles in publication order).
func MostMentioned(docs []*model.Article, dates, perDate int) []model.TimelineItem {
	return mostMentioned(docs, dates, perDate, "", "")
}

// MostMentionedTask is MostMentioned for a task of the published
// protocol: only dates within the task's window count.
func MostMentionedTask(t TimelineTask) []model.TimelineItem {
	return mostMentioned(t.Docs, t.Dates, t.PerDate, t.Start.Format(time.DateOnly), t.End.Format(time.DateOnly))
}

// mostMentioned is MostMentioned with dates kept from from to to
// ("YYYY-MM-DD", both included; "" leaves that side open).
func mostMentioned(docs []*model.Article, dates, perDate int, from, to string) []model.TimelineItem {
	ds := append([]*model.Article(nil), docs...)
	sort.SliceStable(ds, func(a, b int) bool { return ds[a].Published.Before(ds[b].Published) })
	count := map[string]int{}
	first := map[string][]model.TimelineItem{}
	for _, d := range ds {
		for _, s := range sentence.Split(d.Text) {
			seen := map[string]bool{}
			for _, m := range date.Find(s.Text, d.Published) {
				day := m.Date.Format(time.DateOnly)
				if m.Precision != date.Day || seen[day] || from != "" && day < from || to != "" && day > to {
					continue
				}
				seen[day] = true
				count[day]++
				if len(first[day]) < perDate {
					first[day] = append(first[day], model.TimelineItem{Date: day, Precision: "day", Text: s.Text, Sources: []string{d.ID}})
				}
			}
		}
	}
	days := make([]string, 0, len(count))
	for d := range count {
		days = append(days, d)
	}
	sort.Slice(days, func(a, b int) bool {
		if count[days[a]] != count[days[b]] {
			return count[days[a]] > count[days[b]]
		}
		return days[a] < days[b]
	})
	days = days[:min(len(days), dates)]
	sort.Strings(days)
	out := []model.TimelineItem{}
	for _, d := range days {
		out = append(out, first[d]...)
	}
	return out
}
