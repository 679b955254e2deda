package web

import (
	"html/template"
	"sort"
	"strings"

	"parallax/internal/model"
)

// storyView is everything the story page shows.
type storyView struct {
	Story             *model.Story
	Title             string
	HasBrief          bool
	Summary           []citedText
	Timeline          []timelineRow
	Background        []timelineRow // dated facts from well before the story
	TimelineNote      string        // what could not be dated, for want of publication dates
	Actors            []actorGroup
	Quotes            []quoteRow
	Consensus, Single []citedText
	Outlets           []string // matrix columns
	Matrix            []matrixRow
	Framing           []model.OutletFraming
	Groups            []groupBar // coverage by outlet group: one bar per labelled dimension
	Articles          []articleRow
	// What the page leaves out of its large sections, and where to see all.
	MoreActors, MoreQuotes, MoreArticles more
	// Pictures (svg_*.go): articles over time, the outlets × facts
	// matrix, the timeline; "" when there is nothing to draw.
	Coverage, FactsChart, TimelineChart template.HTML
}

// more tells how many of a section's items the story page shows and
// links to the pages that list them all.
type more struct {
	Shown, Total int
	Noun         string // what the items are, plural
	Href         string // the first "all" page
}

// Partial reports whether the page leaves some items out.
func (m more) Partial() bool { return m.Shown < m.Total }

type citedText struct {
	Text    string
	Sources []sourceRef
}

type timelineRow struct {
	Date    string // as stored: YYYY-MM-DD
	Display string // per precision
	Text    string
	Sources []sourceRef
}

type actorGroup struct {
	Label    string
	Entities []model.Entity
}

type quoteRow struct {
	Speaker, Role, Text string
	Source              sourceRef
}

type matrixRow struct {
	Text   string
	Single bool
	Marks  []bool // one per outlet
	Count  int
}

type articleRow struct {
	Ref       sourceRef
	URL       string // http(s) only, else ""
	Published string
	AlsoBy    []string   // outlets that published near-duplicate copies of it
	CopyOf    *sourceRef // the original, when this article is such a copy
	Roundup   bool       // only passages of it are about this story
}

// newStoryView builds the story page: every section of the brief, with
// only the most salient entities and quotes and the most representative
// articles of a large story (see rank.go); "all" pages list the rest.
func newStoryView(d storyData) storyView {
	s, b, refs := d.story, d.brief, d.refs
	ix := newSourceIndex(s.ID, refs)
	v := storyView{Story: s, Title: displayTitle(d), Groups: groupBars(d.coverage)}
	rows := articleRows(ix, refs)
	for _, i := range pickArticles(refs, b, topArticles) {
		v.Articles = append(v.Articles, rows[i])
	}
	v.MoreArticles = more{len(v.Articles), len(refs), "articles", partHref(s.ID, "articles")}
	v.Coverage = coverageChart(refs)
	if b == nil {
		return v
	}
	v.HasBrief = true
	for _, it := range b.Summary {
		v.Summary = append(v.Summary, citedText{it.Text, ix.refs(it.Sources)})
	}
	for _, it := range b.Timeline {
		v.Timeline = append(v.Timeline, timelineRow{it.Date, formatDay(it.Date, it.Precision), it.Text, ix.refs(it.Sources)})
	}
	for _, it := range b.Background {
		v.Background = append(v.Background, timelineRow{it.Date, formatDay(it.Date, it.Precision), it.Text, ix.refs(it.Sources)})
	}
	v.TimelineNote = unplacedNote(b.Unplaced, len(b.Timeline)+len(b.Background))
	es := window(d.entities(), 0, topEntities)
	v.Actors = groupActors(es)
	v.MoreActors = more{len(es), len(b.Entities), "actors", partHref(s.ID, "entities")}
	qs := window(d.quotes(), 0, topQuotes)
	v.Quotes = quoteRows(ix, qs)
	v.MoreQuotes = more{len(qs), len(b.Quotes), "quotes", partHref(s.ID, "quotes")}
	for _, f := range b.Consensus {
		v.Consensus = append(v.Consensus, citedText{f.Text, ix.refs(f.Sources)})
	}
	for _, c := range b.SingleSource {
		v.Single = append(v.Single, citedText{c.Text, ix.refs([]string{c.Source})})
	}
	v.Outlets, v.Matrix = sourceMatrix(ix, b)
	v.FactsChart = factsChart(v.Outlets, v.Matrix)
	v.TimelineChart = timelineChart(v.Timeline)
	v.Framing = b.Framing
	return v
}

// displayTitle is the story's title: the brief's, else the stored one,
// else (until the brief names the story) its first article's.
func displayTitle(d storyData) string {
	if d.brief != nil && strings.TrimSpace(d.brief.Title) != "" {
		return d.brief.Title
	}
	t := d.story.Title
	if t == "" && len(d.refs) > 0 {
		t = d.refs[0].Title
	}
	return storyTitle(t)
}

// articleRows lists a story's articles with their citation numbers,
// linking near-duplicate copies and their originals both ways.
func articleRows(ix *sourceIndex, refs []model.ArticleRef) []articleRow {
	rows := make([]articleRow, len(refs))
	byID := make(map[string]int, len(refs))
	for i, a := range refs {
		byID[a.ID] = i
		rows[i] = articleRow{Ref: ix.list[i], URL: safeURL(a.URL), Published: formatDate(a.Published),
			Roundup: len(a.Passages) > 0}
	}
	for i, a := range refs {
		if j, ok := byID[a.DuplicateOf]; ok && j != i {
			orig := ix.list[j]
			rows[i].CopyOf = &orig
			rows[j].AlsoBy = append(rows[j].AlsoBy, ix.list[i].Outlet)
		}
	}
	return rows
}

func quoteRows(ix *sourceIndex, qs []model.Quote) []quoteRow {
	out := make([]quoteRow, 0, len(qs))
	for _, q := range qs {
		out = append(out, quoteRow{q.Speaker, q.Role, q.Text, ix.ref(q.Source)})
	}
	return out
}

// sourceMatrix builds the source-by-fact matrix: one row per consensus
// fact and single-source claim, one column per outlet cited by any row.
func sourceMatrix(ix *sourceIndex, b *model.Brief) ([]string, []matrixRow) {
	type row struct {
		text    string
		single  bool
		outlets map[string]bool
	}
	var rows []row
	for _, f := range b.Consensus {
		rows = append(rows, row{f.Text, false, ix.outlets(f.Sources...)})
	}
	for _, c := range b.SingleSource {
		rows = append(rows, row{c.Text, true, ix.outlets(c.Source)})
	}
	seen := map[string]bool{}
	for _, rw := range rows {
		for o := range rw.outlets {
			seen[o] = true
		}
	}
	cols := make([]string, 0, len(seen))
	for o := range seen {
		cols = append(cols, o)
	}
	sort.Strings(cols)
	out := make([]matrixRow, 0, len(rows))
	for _, rw := range rows {
		m := matrixRow{Text: rw.text, Single: rw.single, Marks: make([]bool, len(cols))}
		for i, o := range cols {
			m.Marks[i] = rw.outlets[o]
			if m.Marks[i] {
				m.Count++
			}
		}
		out = append(out, m)
	}
	return cols, out
}

// actorOrder and actorLabels name the entity groups, in display order.
var (
	actorOrder  = []string{"PERSON", "ORG", "PLACE"}
	actorLabels = map[string]string{"PERSON": "People", "ORG": "Organisations", "PLACE": "Places"}
)

// groupActors groups entities by type: people, organisations, places,
// then any other type by name; within a group, in the order given.
func groupActors(es []model.Entity) []actorGroup {
	byType := map[string][]model.Entity{}
	var others []string
	for _, e := range es {
		if _, known := actorLabels[e.Type]; !known && byType[e.Type] == nil {
			others = append(others, e.Type)
		}
		e.Aliases = otherNames(e.Name, e.Aliases)
		byType[e.Type] = append(byType[e.Type], e)
	}
	sort.Strings(others)
	var out []actorGroup
	for _, t := range append(append([]string{}, actorOrder...), others...) {
		if len(byType[t]) == 0 {
			continue
		}
		out = append(out, actorGroup{typeLabel(t), byType[t]})
	}
	return out
}

// typeLabel names the group of entities of type t.
func typeLabel(t string) string {
	switch {
	case actorLabels[t] != "":
		return actorLabels[t]
	case t != "":
		return t
	}
	return "Other"
}

// otherNames returns aliases other than name, once each (ignoring case).
func otherNames(name string, aliases []string) []string {
	seen := map[string]bool{strings.ToLower(name): true}
	var out []string
	for _, a := range aliases {
		if k := strings.ToLower(strings.TrimSpace(a)); k != "" && !seen[k] {
			seen[k] = true
			out = append(out, a)
		}
	}
	return out
}
