package web

import (
	"cmp"
	"net/http"
	"net/url"
	"strconv"

	"parallax/internal/brief"
	"parallax/internal/model"
	"parallax/internal/search"
)

// searchView is the data of the search page.
type searchView struct {
	Query   string // as typed
	Error   string // why the query was refused; "" when it was not
	Help    bool   // no query yet: show how to search
	Total   string // "1,234", or "10,000+" when counting stopped there
	Stories string // "1 story", "12 stories"
	Results []searchRow
	Pager   pager
	Atom    string // the feeds of this search
	JSON    string
}

// searchRow is one result as the page shows it.
type searchRow struct {
	Kind, Href, Title, Date, Meta string
	Snippet                       []search.Fragment
	StoryHref, StoryTitle         string
}

// searchPage answers /search?q=&page=.
func (h *handler) searchPage(w http.ResponseWriter, r *http.Request) {
	page, err := pageParam(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	raw, q, err := searchQuery(r)
	v := searchView{Query: raw}
	switch {
	case raw == "":
		v.Help = true
		h.render(w, r, http.StatusOK, "search", "Search", v)
		return
	case err != nil:
		v.Error, v.Help = publicMessage(err), true
		h.render(w, r, http.StatusBadRequest, "search", "Search", v)
		return
	}
	res, err := h.st.Search(r.Context(), q, searchPageSize, (page-1)*searchPageSize)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if v.Pager, err = newSearchPager(raw, page, res.Ranked); err != nil {
		h.fail(w, r, err)
		return
	}
	v.Total, v.Stories = searchTotal(res), totalLabel(res.Stories, "story", "stories")
	if res.Total == 0 {
		v.Total = ""
	}
	feedQ := url.Values{"q": {raw}}.Encode()
	v.Atom, v.JSON = "/search.atom?"+feedQ, "/search.json?"+feedQ
	for _, hit := range res.Hits {
		v.Results = append(v.Results, newSearchRow(hit, q))
	}
	h.render(w, r, http.StatusOK, "search", raw+" · Search", v)
}

// searchTotal writes how many matched: "1,234", "10,000+" when the store
// stopped counting.
func searchTotal(res search.Results) string {
	s := thousands(res.Total)
	if !res.Exact {
		s += "+"
	}
	return s
}

// newSearchPager places a page of results (of the ranked ones: pages end
// there); its links keep the query.
func newSearchPager(raw string, page, total int) (pager, error) {
	p, err := newPager("/search", page, searchPageSize, total)
	if err != nil {
		return p, err
	}
	p.Prev, p.Next = "", ""
	if page > 1 {
		p.Prev = searchHref(raw, page-1)
	}
	if page < p.Pages {
		p.Next = searchHref(raw, page+1)
	}
	return p, nil
}

func newSearchRow(h search.Hit, q search.Query) searchRow {
	row := searchRow{Kind: h.Kind, Href: hitHref(h), Title: h.Title, Snippet: search.Highlight(brief.Detokenize(h.Snippet), q)}
	if h.Kind == search.KindStory {
		row.Title = storyTitle(h.Title)
		s := model.Story{First: h.First, Last: h.Time, Undated: h.Undated, Outlets: h.Outlets, NoOutlet: h.NoOutlet}
		row.Date = storyDates(s)
		row.Meta = count(h.Articles, "article") + " · " + storySources(s)
		return row
	}
	if row.Title == "" {
		row.Title = cmp.Or(brief.LeadTitle(h.Lead), "Untitled article")
	}
	row.Date, row.Meta = formatDate(h.Time), h.Source
	if h.Undated {
		row.Date = "undated"
	}
	if h.Story != "" {
		row.StoryHref, row.StoryTitle = storyHref(h.Story), storyTitle(h.StoryTitle)
	}
	return row
}

// count writes n things: "1 outlet", "3 outlets".
func count(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return strconv.Itoa(n) + " " + thing + "s"
}
