package web

import (
	"net/http"
	"net/url"
)

// partJSON is one page of a story's section, e.g. GET
// /api/v1/stories/{id}/entities?limit=&offset=: the story id, how many
// items the section has, the page's bounds, the address of the next page
// (null on the last) and the items under the section's name.
type partJSON map[string]any

// apiPart lists the items of one section of a story from offset, at most
// limit of them, and counts them all.
type apiPart func(d storyData, offset, limit int) (items any, total int)

var apiParts = map[string]apiPart{
	"articles": func(d storyData, offset, limit int) (any, int) {
		return articleRefsJSON(window(d.refs, offset, limit)), len(d.refs)
	},
	"entities": func(d storyData, offset, limit int) (any, int) {
		es := d.entities()
		return window(es, offset, limit), len(es)
	},
	"quotes": func(d storyData, offset, limit int) (any, int) {
		qs := d.quotes()
		return window(qs, offset, limit), len(qs)
	},
}

// apiStoryPart serves GET /api/v1/stories/{id}/{name}.
func (h *handler) apiStoryPart(name string) http.HandlerFunc {
	part := apiParts[name]
	return func(w http.ResponseWriter, r *http.Request) {
		limit, offset, err := listParams(r)
		if err != nil {
			h.failJSON(w, r, err)
			return
		}
		d, done, err := h.loadStory(w, r, func(id string) string { return apiPartHref(id, name) })
		if done {
			return
		}
		if err != nil {
			h.failJSON(w, r, err)
			return
		}
		items, total := part(d, offset, limit)
		h.writeJSON(w, r, http.StatusOK, partJSON{
			"story": d.story.ID, "total": total, "limit": limit, "offset": offset,
			"next": nextHref(apiPartHref(d.story.ID, name), limit, offset, total), name: items,
		})
	}
}

// apiPartHref is the API address of a section of story id.
func apiPartHref(id, name string) string { return apiStoryHref(id) + "/" + url.PathEscape(name) }
