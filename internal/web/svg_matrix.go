package web

import (
	"cmp"
	"fmt"
	"html/template"
	"slices"
	"strings"

	"parallax/internal/brief"
)

// Bounds of the outlets × facts picture.
const (
	matrixFacts   = 12
	matrixOutlets = 20
)

// factsChart pictures which outlet reports which consensus fact: a row
// per fact (the first matrixFacts), a column per outlet (the
// matrixOutlets reporting most of them), a filled dot where the outlet
// reports the fact. Nil without consensus facts.
func factsChart(outlets []string, rows []matrixRow) template.HTML {
	var facts []matrixRow
	for _, r := range rows {
		if !r.Single && len(facts) < matrixFacts {
			facts = append(facts, r)
		}
	}
	if len(facts) == 0 {
		return ""
	}
	reports := make([]int, len(outlets))
	for _, r := range facts {
		for i, m := range r.Marks {
			if m {
				reports[i]++
			}
		}
	}
	var cols []int
	for i := range outlets {
		if reports[i] > 0 {
			cols = append(cols, i)
		}
	}
	slices.SortStableFunc(cols, func(a, b int) int { return cmp.Or(reports[b]-reports[a], strings.Compare(outlets[a], outlets[b])) })
	shown := cols[:min(len(cols), matrixOutlets)]
	return drawFacts(outlets, facts, shown, len(cols))
}

// drawFacts draws the grid with its labels.
func drawFacts(outlets []string, facts []matrixRow, cols []int, allCols int) template.HTML {
	const labelW, cell, head, top = 330.0, 22.0, 120.0, 8.0
	w := labelW + cell*float64(len(cols)) + 90 // room for the last rotated outlet name
	h := top + head + cell*float64(len(facts)) + 28
	desc := fmt.Sprintf("%s reported by several outlets (rows) against the %s that report most of them (columns)",
		counted(len(facts), "fact", "facts"), counted(len(cols), "outlet", "outlets"))
	if allCols > len(cols) {
		desc += fmt.Sprintf(", of %d", allCols)
	}
	s := newSVG("facts-chart", int(w), int(h), "Which outlet reports which fact", desc+"; a filled dot: the outlet reports the fact.")
	for j, c := range cols {
		x := labelW + cell*float64(j) + cell/2
		s.text(x+4, top+head-6, "start", "tick", clip(outlets[c], 24), -60)
	}
	for i, r := range facts {
		y := top + head + cell*float64(i) + cell/2
		var by []string
		for _, c := range cols {
			if r.Marks[c] {
				by = append(by, outlets[c])
			}
		}
		text := brief.Detokenize(r.Text)
		s.group(fmt.Sprintf("%s — reported by %s", clip(text, 200), strings.Join(by, ", ")))
		if i%2 == 0 {
			s.rect(0, y-cell/2, w, cell, "#f2f4f7")
		}
		s.text(labelW-8, y+4, "end", "fact", clip(text, 52), 0)
		for j, c := range cols {
			x := labelW + cell*float64(j) + cell/2
			if r.Marks[c] {
				s.circle(x, y, 6, "mark")
			} else {
				s.circle(x, y, 2, "nomark")
			}
		}
		s.closeGroup()
	}
	base := top + head + cell*float64(len(facts))
	s.text(labelW-8, base+18, "end", "axis-label", "fact (row) × outlet (column)", 0)
	return s.HTML()
}

// counted is n with the noun that fits it.
func counted(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
