package web

import (
	"fmt"
	"html/template"
	"slices"
	"time"

	"parallax/internal/brief"
)

// timelineMarks bounds the timeline picture: its first dated facts.
const timelineMarks = 40

// timelineChart pictures the timeline: a numbered dot per dated fact
// (the number of its entry in the list below) over its date, the dates
// in order and evenly spaced (a story's background can reach years back,
// which a true scale would crush into one corner), facts of one day
// stacked. Nil with fewer than two dated facts.
func timelineChart(rows []timelineRow) template.HTML {
	type mark struct {
		n int
		r timelineRow
	}
	var days []string // distinct dates, in order
	byDay := map[string][]mark{}
	count := 0
	for i, r := range rows {
		if _, err := time.Parse(time.DateOnly, r.Date); err != nil || count == timelineMarks {
			continue
		}
		if byDay[r.Date] == nil {
			days = append(days, r.Date)
		}
		byDay[r.Date] = append(byDay[r.Date], mark{i + 1, r})
		count++
	}
	if count < 2 {
		return ""
	}
	slices.Sort(days)
	high := 0
	for _, ms := range byDay {
		high = max(high, len(ms))
	}
	const w, left, right, step, labels = 720.0, 24.0, 24.0, 16.0, 96.0
	top := 12 + step*float64(high)
	h := top + labels + 20
	first, _ := time.Parse(time.DateOnly, days[0])
	last, _ := time.Parse(time.DateOnly, days[len(days)-1])
	s := newSVG("timeline-chart", int(w), int(h), "Timeline",
		fmt.Sprintf("%d dated facts on %d dates from %s to %s, the dates in order and evenly spaced; each dot is numbered as its entry in the timeline list.",
			count, len(days), first.Format("2 Jan 2006"), last.Format("2 Jan 2006")))
	slot := (w - left - right) / float64(len(days))
	s.line(left, top, w-right, top, "axis")
	for i, d := range days {
		x := left + slot*(float64(i)+0.5)
		for j, m := range byDay[d] {
			y := top - step*float64(j) - 8
			s.group(fmt.Sprintf("%d. %s: %s", m.n, m.r.Display, clip(brief.Detokenize(m.r.Text), 200)))
			s.circle(x, y, 7, "mark")
			s.text(x, y+3, "middle", "mark-no", fmt.Sprint(m.n), 0)
			s.closeGroup()
		}
		s.text(x+3, top+8, "end", "tick", clip(byDay[d][0].r.Display, 18), -60)
	}
	s.text(w/2, h-6, "middle", "axis-label", "date (in order, evenly spaced)", 0)
	return s.HTML()
}
