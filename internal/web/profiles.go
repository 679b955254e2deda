package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"parallax/internal/model"
	"parallax/internal/store"
)

// entityTypeKeys are the URL's names of the briefs' entity types.
var entityTypeKeys = map[string]string{"PERSON": "person", "ORG": "org", "PLACE": "place"}

// entityHref links to an entity's page ("" for an unknown type).
func entityHref(typ, name string) string {
	k, ok := entityTypeKeys[typ]
	if !ok || name == "" {
		return ""
	}
	return "/entities/" + k + "/" + url.PathEscape(name)
}

// outletHref links to an outlet's page ("" for no source).
func outletHref(source string) string {
	if source == "" {
		return ""
	}
	return "/outlets/" + url.PathEscape(source)
}

// entityKey reads {type} and {name} of an entity's address.
func entityKey(r *http.Request) (typ, name string, err error) {
	typ, name = entityTypes[r.PathValue("type")], r.PathValue("name")
	if typ == "" || strings.TrimSpace(name) == "" || len(name) > maxNameLen {
		return "", "", ErrNotFound
	}
	return typ, name, nil
}

// outletKey reads {name} of an outlet's address.
func outletKey(r *http.Request) (string, error) {
	name := r.PathValue("name")
	if strings.TrimSpace(name) == "" || len(name) > maxNameLen {
		return "", ErrNotFound
	}
	return name, nil
}

// maxNameLen bounds an entity's or outlet's name in an address.
const maxNameLen = 512

// ProfileStories is one page of the stories of an entity or outlet page,
// newest publication first, with links to its neighbours.
type ProfileStories struct {
	Stories    []storyRow
	Total      int
	Page       int
	Prev, Next string
}

// loadProfileStories reads page ?page= of the stories matching f, listed
// at path.
func (h *handler) loadProfileStories(r *http.Request, f store.StoryFilter, path string) (ProfileStories, error) {
	page, err := pageParam(r)
	if err != nil {
		return ProfileStories{}, err
	}
	f.Sort = store.SortPublished
	l, err := h.st.ListStories(r.Context(), f, h.pageSize, (page-1)*h.pageSize)
	if err != nil {
		return ProfileStories{}, err
	}
	p := ProfileStories{Stories: storyRows(l.Stories), Total: l.Total, Page: page}
	if page > 1 {
		p.Prev = pageHref(path, page-1)
	}
	if page*h.pageSize < l.Total {
		p.Next = pageHref(path, page+1)
	}
	return p, nil
}

// storyRows shows stories as the lists do.
func storyRows(ss []model.Story) []storyRow {
	out := make([]storyRow, 0, len(ss))
	for _, s := range ss {
		out = append(out, storyRow{
			Href: storyHref(s.ID), Title: storyTitle(s.Title), Articles: s.Articles, Outlets: s.Outlets,
			Sources: storySources(s), Dates: storyDates(s), First: isoDate(s.First), Last: isoDate(s.Last),
		})
	}
	return out
}

// profileStoriesJSON is the stories part of an entity's or outlet's JSON.
type profileStoriesJSON struct {
	Stories []storyRowJSON `json:"stories"`
	Total   int            `json:"total"`
	Next    *string        `json:"next"`
}

// loadProfileStoriesJSON reads ?limit=&offset= of the stories matching
// f, listed at path.
func (h *handler) loadProfileStoriesJSON(r *http.Request, f store.StoryFilter, path string) (profileStoriesJSON, error) {
	limit, offset, err := listParams(r)
	if err != nil {
		return profileStoriesJSON{}, err
	}
	f.Sort = store.SortPublished
	l, err := h.st.ListStories(r.Context(), f, limit, offset)
	if err != nil {
		return profileStoriesJSON{}, err
	}
	return profileStoriesJSON{Stories: storyRowsJSON(l.Stories), Total: l.Total, Next: nextHref(path, limit, offset, l.Total)}, nil
}

// sharePercent writes a fraction as a whole percentage.
func sharePercent(f float64) string { return strconv.Itoa(int(f*100+0.5)) + "%" }
