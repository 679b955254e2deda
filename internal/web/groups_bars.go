package web

import (
	"fmt"
	"strconv"
	"strings"

	"parallax/internal/model"
)

// groupBar is one dimension's bar on the story page ("Coverage by
// outlet group"; the chart of coverage over time is svg_coverage.go): the story's
// outlets by value, then the unlabelled, as segments of an inline SVG
// (widths are SVG attributes: the strict CSP forbids style attributes).
type groupBar struct {
	Dimension string
	Outlets   int
	Label     string // the whole bar in words, for screen readers
	Segments  []groupSegment
}

type groupSegment struct {
	Value   string
	Outlets int
	X, W    string // percent of the bar, as SVG attribute values
	Percent int    // rounded, for the legend
	Class   string // seg-0 .. seg-7 by the value's rank, seg-none for the unlabelled
}

// segmentColours is how many value colours style.css defines.
const segmentColours = 8

// groupBars builds the bars of the dimensions a story has outlets in.
func groupBars(cov []model.Coverage) []groupBar {
	var out []groupBar
	for _, c := range cov {
		if c.Outlets <= 0 {
			continue
		}
		b := groupBar{Dimension: c.Dimension, Outlets: c.Outlets}
		x := 0
		add := func(value string, n int, class string) {
			if n <= 0 {
				return
			}
			b.Segments = append(b.Segments, groupSegment{Value: value, Outlets: n, Class: class,
				X: percent(x, c.Outlets), W: percent(n, c.Outlets), Percent: (200*n + c.Outlets) / (2 * c.Outlets)})
			x += n
		}
		for i, v := range c.Values {
			add(v.Value, v.Outlets, "seg-"+strconv.Itoa(i%segmentColours))
		}
		add("unlabelled", c.Unlabelled, "seg-none")
		words := make([]string, len(b.Segments))
		for i, s := range b.Segments {
			words[i] = fmt.Sprintf("%s %d", s.Value, s.Outlets)
		}
		b.Label = fmt.Sprintf("%s: %s (of %d outlets)", c.Dimension, strings.Join(words, ", "), c.Outlets)
		out = append(out, b)
	}
	return out
}

// percent is n of total in percent with two decimals.
func percent(n, total int) string {
	return strconv.FormatFloat(100*float64(n)/float64(total), 'f', 2, 64)
}
