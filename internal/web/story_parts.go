package web

import (
	"net/http"
	"net/url"

	"parallax/internal/model"
)

// partView is an "all" page: one page of one section of a story.
type partView struct {
	Title     string // the story's
	StoryHref string
	Part      string // "articles", "entities" or "quotes"
	Heading   string
	Pager     pager
	Articles  []articleRow
	Entities  []entityRow
	Quotes    []quoteRow
}

// entityRow is one entity on the "all entities" page.
type entityRow struct {
	Rank     int
	Name     string
	Href     string // its entity page
	Type     string // its group's label
	Aliases  []string
	Articles int
	Mentions int
}

// partHeadings name the sections that have "all" pages.
var partHeadings = map[string]string{"articles": "Articles", "entities": "Actors", "quotes": "Quotes"}

// storyPart serves /stories/{id}/{name}?page=N.
func (h *handler) storyPart(name string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		page, err := pageParam(r)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		d, done, err := h.loadStory(w, r, func(id string) string { return partHref(id, name) })
		if done {
			return
		}
		if err != nil {
			h.fail(w, r, err)
			return
		}
		v, err := newPartView(d, name, page)
		if err == nil {
			err = h.withLeads(r.Context(), v.Articles)
		}
		if err != nil {
			h.fail(w, r, err)
			return
		}
		h.render(w, r, http.StatusOK, "story_part", v.Heading+" · "+v.Title, v)
	}
}

// newPartView builds page (1-based) of section name of a story, in the
// order of its API endpoint: articles as listed, entities and quotes
// most salient first.
func newPartView(d storyData, name string, page int) (partView, error) {
	v := partView{Title: displayTitle(d), StoryHref: storyHref(d.story.ID), Part: name, Heading: partHeadings[name]}
	ix := newSourceIndex(d.story.ID, d.refs)
	var total int
	var fill func(offset, n int)
	switch name {
	case "articles":
		total = len(d.refs)
		fill = func(o, n int) { v.Articles = window(articleRows(ix, d.refs), o, n) }
	case "entities":
		es := d.entities()
		total = len(es)
		fill = func(o, n int) { v.Entities = entityRows(window(es, o, n), o) }
	case "quotes":
		qs := d.quotes()
		total = len(qs)
		fill = func(o, n int) { v.Quotes = quoteRows(ix, window(qs, o, n)) }
	}
	p, err := newPager(partHref(d.story.ID, name), page, sectionPageSize, total)
	if err != nil {
		return v, err
	}
	v.Pager = p
	fill(p.offset, p.size)
	return v, nil
}

// entityRows lists entities numbered from offset+1.
func entityRows(es []model.Entity, offset int) []entityRow {
	out := make([]entityRow, 0, len(es))
	for i, e := range es {
		out = append(out, entityRow{Rank: offset + i + 1, Name: e.Name, Href: entityHref(e.Type, e.Name), Type: typeLabel(e.Type),
			Aliases: otherNames(e.Name, e.Aliases), Articles: len(e.Sources), Mentions: mentions(e)})
	}
	return out
}

// partHref is the first "all" page of a section of story id.
func partHref(id, name string) string { return storyHref(id) + "/" + url.PathEscape(name) }
