package web

import (
	"encoding/xml"
	"fmt"
	"html/template"
	"io"
	"strings"
	"testing"
	"time"

	"parallax/internal/model"
)

// wellFormed parses an SVG as XML and returns its elements' names, counted.
func wellFormed(t *testing.T, svg template.HTML) map[string]int {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(string(svg)))
	dec.Entity = xml.HTMLEntity
	n := map[string]int{}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return n
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\n%.500s", err, svg)
		}
		if se, ok := tok.(xml.StartElement); ok {
			n[se.Name.Local]++
		}
	}
}

// TestChartsBounded: on a story far larger than the BP oil spill (3,000
// articles over 400 days in 250 events, 100 dated facts, 30 facts over
// 60 outlets) each picture stays small: bars, rows, columns and marks
// capped, a few tens of kilobytes.
func TestChartsBounded(t *testing.T) {
	start := time.Date(2010, 4, 20, 0, 0, 0, 0, time.UTC)
	var refs []model.ArticleRef
	for i := range 3000 {
		refs = append(refs, model.ArticleRef{ID: fmt.Sprint("a", i), Source: fmt.Sprint("outlet", i%60),
			Title: fmt.Sprintf("Headline %d <b>&", i), Published: start.AddDate(0, 0, (i*7)%400), EventID: fmt.Sprint("e", i%250)})
	}
	cov := coverageChart(refs)
	n := wellFormed(t, cov)
	if n["g"] > coverageBars || n["rect"] > coverageBars*(coverageEvents+1)+coverageEvents+1 || len(cov) > 60<<10 {
		t.Errorf("coverage: %d bars, %d rects, %d bytes", n["g"], n["rect"], len(cov))
	}
	for _, want := range []string{"articles per week", "3000 dated articles from 20 Apr 2010", "244 other events", "&lt;b&gt;&amp;"} {
		if !strings.Contains(string(cov), want) {
			t.Errorf("coverage lacks %q", want)
		}
	}
	var rows []timelineRow
	for i := range 100 {
		d := start.AddDate(0, 0, i/3)
		rows = append(rows, timelineRow{Date: d.Format(time.DateOnly), Display: d.Format("2 January 2006"), Text: fmt.Sprint("Fact ", i)})
	}
	tl := timelineChart(rows)
	if n := wellFormed(t, tl); n["circle"] != timelineMarks || len(tl) > 30<<10 {
		t.Errorf("timeline: %d marks, %d bytes", n["circle"], len(tl))
	}
	var outlets []string
	for i := range 60 {
		outlets = append(outlets, fmt.Sprint("outlet", i))
	}
	var matrix []matrixRow
	for i := range 30 {
		m := matrixRow{Text: fmt.Sprint("Fact number ", i), Marks: make([]bool, 60)}
		for j := range 60 {
			m.Marks[j] = (i+j)%3 != 0
		}
		matrix = append(matrix, m)
	}
	fc := factsChart(outlets, matrix)
	if n := wellFormed(t, fc); n["g"] != matrixFacts || n["circle"] != matrixFacts*matrixOutlets || len(fc) > 40<<10 {
		t.Errorf("facts: %d rows, %d cells, %d bytes", n["g"], n["circle"], len(fc))
	}
}

// TestChartsEmpty: nothing to draw, no picture.
func TestChartsEmpty(t *testing.T) {
	if coverageChart([]model.ArticleRef{{ID: "x"}}) != "" || timelineChart([]timelineRow{{Date: "2024-01-01"}}) != "" ||
		factsChart([]string{"a"}, []matrixRow{{Text: "only one", Single: true, Marks: []bool{true}}}) != "" {
		t.Error("a picture of nothing")
	}
}

// TestCoverageBins: a short story has a bar per day, each event its colour.
func TestCoverageBins(t *testing.T) {
	d := time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
	refs := []model.ArticleRef{{ID: "1", Published: d, EventID: "a", Title: "First"}, {ID: "2", Published: d.AddDate(0, 0, 2), EventID: "b", Title: "Second"},
		{ID: "3", Published: d.AddDate(0, 0, 2), EventID: "a"}}
	cov := string(coverageChart(refs))
	for _, want := range []string{"articles per day", "<title>1 Mar 2024: 1 article</title>", "<title>3 Mar 2024: 2 articles</title>",
		`fill="` + palette[0] + `"`, `fill="` + palette[1] + `"`, "First (2 articles, 1 Mar 2024 – 3 Mar 2024)", "Second (1 article, 3 Mar 2024)"} {
		if !strings.Contains(cov, want) {
			t.Errorf("coverage lacks %q:\n%s", want, cov)
		}
	}
}

// TestCoverageLegendCleansHeadlines: an event is named by its first
// headline as a story title is, without the wire's notes to editors.
func TestCoverageLegendCleansHeadlines(t *testing.T) {
	d := time.Date(1996, 1, 13, 9, 0, 0, 0, time.UTC)
	refs := []model.ArticleRef{{ID: "1", Published: d, EventID: "a", Title: "EDS-more details added Premier Li Peng Holds Talks with Mongolian PM (2)"}}
	cov := string(coverageChart(refs))
	if !strings.Contains(cov, "Premier Li Peng Holds Talks with Mongolian PM (1 article") || strings.Contains(cov, "EDS") {
		t.Errorf("coverage legend keeps the wire's marks:\n%s", cov)
	}
}
