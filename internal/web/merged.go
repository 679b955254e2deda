package web

import (
	"errors"
	"net/http"
	"net/url"

	"parallax/internal/store"
)

// redirectMerged answers a request for a story that is not found but was
// merged into another one with a permanent redirect to its successor (the
// page or API address href gives), so that old links keep working. It
// reports whether it answered.
func (h *handler) redirectMerged(w http.ResponseWriter, r *http.Request, id string, err error, href func(string) string) bool {
	if !errors.Is(err, store.ErrNotFound) {
		return false
	}
	into, aerr := h.st.StoryAlias(r.Context(), id)
	if aerr != nil || into == "" || into == id {
		return false
	}
	to := href(into)
	if r.URL.RawQuery != "" {
		to += "?" + r.URL.RawQuery
	}
	http.Redirect(w, r, to, http.StatusMovedPermanently)
	return true
}

func apiStoryHref(id string) string { return "/api/v1/stories/" + url.PathEscape(id) }
