package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"parallax/internal/store"
)

// listQuery is the story list's filters and sort as the URL carries them
// (the form on / and the parameters of /api/v1/stories):
//
//	sort=activity|outlets|articles|published
//	after=YYYY-MM-DD   published on or after that day
//	before=YYYY-MM-DD  published before that day
//	outlet=NAME        with an article from that source
//	entity=NAME        whose brief names it (type=person|org|place narrows)
//	min=N              at least N articles; min_outlets=N at least N outlets
type listQuery struct {
	Sort, After, Before, Outlet, Entity, Type string
	Min, MinOutlets                           int
}

// maxListSize bounds min= and min_outlets=.
const maxListSize = 1 << 20

// entityTypes maps the URL's entity types to the briefs'.
var entityTypes = map[string]string{"person": "PERSON", "org": "ORG", "place": "PLACE"}

// parseListQuery reads the story list's parameters and the filter they
// ask for; a malformed one is a bad request.
func parseListQuery(r *http.Request) (listQuery, store.StoryFilter, error) {
	v := r.URL.Query()
	q := listQuery{Sort: v.Get("sort"), After: v.Get("after"), Before: v.Get("before"),
		Outlet: strings.TrimSpace(v.Get("outlet")), Entity: strings.TrimSpace(v.Get("entity")), Type: v.Get("type")}
	f := store.StoryFilter{Sort: store.StorySort(q.Sort), Outlet: q.Outlet, Entity: q.Entity, EntityType: entityTypes[q.Type]}
	if q.Sort != "" && !slices.Contains(store.StorySorts, f.Sort) {
		return q, f, badRequest{"sort must be one of activity, outlets, articles, published"}
	}
	if q.Type != "" && f.EntityType == "" {
		return q, f, badRequest{"type must be person, org or place"}
	}
	if q.Entity == "" {
		q.Type, f.EntityType = "", "" // a kind of name without a name filters nothing
	}
	var err error
	if f.After, err = dateParam("after", q.After); err != nil {
		return q, f, err
	}
	if f.Before, err = dateParam("before", q.Before); err != nil {
		return q, f, err
	}
	if q.Min, err = intParam(r, "min", 0, 0, maxListSize); err != nil {
		return q, f, err
	}
	if q.MinOutlets, err = intParam(r, "min_outlets", 0, 0, maxListSize); err != nil {
		return q, f, err
	}
	f.MinArticles, f.MinOutlets = q.Min, q.MinOutlets
	return q, f, nil
}

// dateParam parses an optional YYYY-MM-DD day (UTC midnight).
func dateParam(name, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return t, badRequest{name + " must be a date, YYYY-MM-DD"}
	}
	return t, nil
}

// values are the parameters that differ from the defaults.
func (q listQuery) values() url.Values {
	v := url.Values{}
	set := func(k, s string) {
		if s != "" {
			v.Set(k, s)
		}
	}
	if q.Sort != string(store.SortActivity) {
		set("sort", q.Sort)
	}
	set("after", q.After)
	set("before", q.Before)
	set("outlet", q.Outlet)
	set("entity", q.Entity)
	set("type", q.Type)
	if q.Min > 0 {
		v.Set("min", strconv.Itoa(q.Min))
	}
	if q.MinOutlets > 0 {
		v.Set("min_outlets", strconv.Itoa(q.MinOutlets))
	}
	return v
}

// Filtered reports whether any filter is set (the sort is not one).
func (q listQuery) Filtered() bool {
	v := q.values()
	v.Del("sort")
	return len(v) > 0
}

// href is page n of the list at path with these parameters.
func (q listQuery) href(path string, page int) string {
	v := q.values()
	if page > 1 {
		v.Set("page", strconv.Itoa(page))
	}
	if len(v) == 0 {
		return path
	}
	return path + "?" + v.Encode()
}

// totalLabel writes a count with thousands separated: "1 story",
// "1,234 stories".
func totalLabel(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return thousands(n) + " " + many
}

// thousands writes n with thousands separated: "1,234".
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
