package web

import (
	"net/http"

	"parallax/internal/follow"
)

// searchFeed answers /search.atom?q= and /search.json?q=: the newest
// results of the search (follow.SearchFeed). Entry ids are URNs of the
// story or article (urn:parallax:story:ID), so they stay the same across
// restarts, hosts and queries.
func (h *handler) searchFeed(format string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		raw, _, err := searchQuery(r)
		if err != nil {
			h.feedFail(w, r, format, err)
			return
		}
		f, err := follow.SearchFeed(r.Context(), h.st, raw)
		if err != nil {
			h.feedFail(w, r, format, err)
			return
		}
		h.writeFeed(w, r, f, format)
	}
}
