package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"parallax/internal/search"
)

// searchPageSize is how many results one /search page shows.
const searchPageSize = 20

// searchQuery reads ?q= and parses it; a query that does not parse is a
// bad request whose message says why.
func searchQuery(r *http.Request) (string, search.Query, error) {
	raw := strings.TrimSpace(r.URL.Query().Get("q"))
	q, err := search.Parse(raw)
	if err != nil {
		msg := err.Error()
		if errors.Is(err, search.ErrEmpty) && raw == "" {
			msg = "give a query: ?q=words"
		}
		return raw, q, badRequest{strings.TrimPrefix(msg, "search: ")}
	}
	return raw, q, nil
}

// searchHref links to page n of the results of q (page 1: no page=).
func searchHref(q string, n int) string {
	v := url.Values{"q": {q}}
	if n > 1 {
		v.Set("page", strconv.Itoa(n))
	}
	return "/search?" + v.Encode()
}

// apiSearchNext is the API address of the page after [offset,
// offset+limit) of total results, or nil when that page is the last.
func apiSearchNext(q string, limit, offset, ranked int) *string {
	if offset+limit >= ranked {
		return nil
	}
	v := url.Values{"q": {q}, "limit": {strconv.Itoa(limit)}, "offset": {strconv.Itoa(offset + limit)}}
	s := "/api/v1/search?" + v.Encode()
	return &s
}

// hitHref is the page of a result.
func hitHref(h search.Hit) string {
	if h.Kind == search.KindStory {
		return storyHref(h.ID)
	}
	return articleHref(h.ID)
}
