package web

import (
	"cmp"
	"fmt"
	"html/template"
	"math"
	"slices"
	"time"

	"parallax/internal/brief"
	"parallax/internal/model"
)

// Bounds of the coverage picture, whatever the story's size.
const (
	coverageBars   = 60 // at most; days are grouped into longer bins beyond
	coverageEvents = 6  // events with their own colour; the rest are "other events"
)

// palette colours the largest events; otherColour the rest.
var (
	palette     = []string{"#2f6db5", "#d9822b", "#3a9a5b", "#b8453a", "#7b5bb0", "#8c6d46"}
	otherColour = "#9aa0a6"
)

// coverageChart pictures a story's articles over time: one bar per day
// (or per week, or longer bins when the story spans more than
// coverageBars of them), stacked by event, the largest events in their
// own colour. Nil without dated articles.
func coverageChart(refs []model.ArticleRef) template.HTML {
	var first, last time.Time
	size := map[string]int{}
	for _, r := range refs {
		if r.Published.IsZero() {
			continue
		}
		d := day0(r.Published)
		if first.IsZero() || d.Before(first) {
			first = d
		}
		if d.After(last) {
			last = d
		}
		size[r.EventID]++
	}
	if first.IsZero() {
		return ""
	}
	events := topEvents(size, refs)
	span := int(last.Sub(first).Hours()/24) + 1
	bin := 1
	switch {
	case span <= coverageBars:
	case (span+6)/7 <= coverageBars:
		bin = 7
	default:
		bin = (span + coverageBars - 1) / coverageBars
	}
	bins := (span + bin - 1) / bin
	counts := make([][]int, bins) // per bin, per colour (len(events)+1: other)
	for i := range counts {
		counts[i] = make([]int, len(events)+1)
	}
	for _, r := range refs {
		if r.Published.IsZero() {
			continue
		}
		i := int(day0(r.Published).Sub(first).Hours()/24) / bin
		c, ok := events[r.EventID]
		if !ok {
			c = len(events)
		}
		counts[i][c]++
	}
	return drawCoverage(first, bin, counts, legendOf(events, size, refs))
}

func day0(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// topEvents gives the coverageEvents largest events their colour index.
func topEvents(size map[string]int, refs []model.ArticleRef) map[string]int {
	ids := make([]string, 0, len(size))
	for id := range size {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b string) int { return cmp.Or(size[b]-size[a], cmp.Compare(a, b)) })
	out := map[string]int{}
	for i, id := range ids[:min(len(ids), coverageEvents)] {
		out[id] = i
	}
	return out
}

// legendItem is one colour of a picture and what it stands for.
type legendItem struct {
	Name, Fill string
}

// colour is the fill of colour index c of n events (n: other events).
func colour(c, n int) string {
	if c >= n || c >= len(palette) {
		return otherColour
	}
	return palette[c]
}

// legendOf names each coloured event by its earliest headline, and the
// rest as other events.
func legendOf(events map[string]int, size map[string]int, refs []model.ArticleRef) []legendItem {
	names := make([]string, len(events), len(events)+1)
	firstAt := make([]time.Time, len(events))
	lastAt := make([]time.Time, len(events))
	for _, r := range refs {
		c, ok := events[r.EventID]
		if !ok || r.Published.IsZero() {
			continue
		}
		if firstAt[c].IsZero() || r.Published.Before(firstAt[c]) || r.Published.Equal(firstAt[c]) && names[c] == "" {
			names[c], firstAt[c] = brief.CleanHeadline(r.Title), r.Published
		}
		lastAt[c] = maxTime(lastAt[c], r.Published)
	}
	for id, c := range events {
		when := dateRange(firstAt[c], lastAt[c])
		n := articles(size[id])
		if names[c] == "" {
			names[c] = fmt.Sprintf("Event of %s (%s)", when, n)
		} else {
			names[c] = fmt.Sprintf("%s (%s, %s)", clip(names[c], 60), n, when)
		}
	}
	if len(size) > len(events) {
		rest := 0
		for id, n := range size {
			if _, ok := events[id]; !ok {
				rest += n
			}
		}
		names = append(names, fmt.Sprintf("%d other events (%s)", len(size)-len(events), articles(rest)))
	}
	out := make([]legendItem, len(names))
	for i, n := range names {
		out[i] = legendItem{n, colour(i, len(events))}
	}
	return out
}

// drawCoverage draws the stacked bars, their axes and the legend.
func drawCoverage(first time.Time, bin int, counts [][]int, legend []legendItem) template.HTML {
	const (
		w, left, right, top, plotH = 720.0, 44.0, 12.0, 12.0, 150.0
		legendRow                  = 16.0
	)
	maxN, total := 1, 0
	for _, c := range counts {
		n := 0
		for _, x := range c {
			n += x
		}
		maxN, total = max(maxN, n), total+n
	}
	unit := map[int]string{1: "day", 7: "week"}[bin]
	if unit == "" {
		unit = fmt.Sprintf("%d days", bin)
	}
	lastDay := first.AddDate(0, 0, len(counts)*bin-1)
	h := top + plotH + 40 + legendRow*float64(len(legend))
	s := newSVG("coverage-chart", int(w), int(math.Ceil(h)), "Coverage over time",
		fmt.Sprintf("%d dated articles from %s to %s, per %s, coloured by event; the busiest %s had %d.",
			total, first.Format("2 Jan 2006"), lastDay.Format("2 Jan 2006"), unit, unit, maxN))
	plotW := w - left - right
	barW := plotW / float64(len(counts))
	base := top + plotH
	s.line(left, base, w-right, base, "axis")
	s.line(left, top, left, base, "axis")
	for _, v := range slices.Compact([]int{0, maxN / 2, maxN}) {
		y := base - plotH*float64(v)/float64(maxN)
		s.text(left-4, y+4, "end", "tick", fmt.Sprint(v), 0)
	}
	s.text(12, top+plotH/2, "middle", "axis-label", "articles per "+unit, -90)
	for i, c := range counts {
		from := first.AddDate(0, 0, i*bin)
		n := 0
		for _, x := range c {
			n += x
		}
		if n == 0 {
			continue
		}
		tip := from.Format("2 Jan 2006")
		if bin > 1 {
			tip += " – " + from.AddDate(0, 0, bin-1).Format("2 Jan 2006")
		}
		s.group(tip + ": " + articles(n))
		y := base
		for ci, x := range c {
			if x == 0 {
				continue
			}
			bh := plotH * float64(x) / float64(maxN)
			y -= bh
			s.rect(left+float64(i)*barW+barW*0.1, y, max(barW*0.8, 1), bh, colour(ci, len(c)-1))
		}
		s.closeGroup()
	}
	s.text(left, base+16, "start", "tick", first.Format("2 Jan 2006"), 0)
	if len(counts) > 1 {
		s.text(w-right, base+16, "end", "tick", lastDay.Format("2 Jan 2006"), 0)
	}
	s.text(left+plotW/2, base+30, "middle", "axis-label", "date", 0)
	for i, it := range legend {
		y := base + 40 + legendRow*float64(i)
		s.rect(left, y+2, 10, 10, it.Fill)
		s.text(left+16, y+11, "start", "legend", it.Name, 0)
	}
	return s.HTML()
}

// articles counts articles in words.
func articles(n int) string {
	if n == 1 {
		return "1 article"
	}
	return fmt.Sprintf("%d articles", n)
}
