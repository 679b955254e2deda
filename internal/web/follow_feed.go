package web

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"parallax/internal/follow"
	"parallax/internal/search"
	"parallax/internal/store"
)

// feedSuffix splits "ID.atom" or "ID.json" of /stories/{id}.atom.
func feedSuffix(id string) (base, format string, ok bool) {
	for _, f := range []string{"atom", "json"} {
		if b, found := strings.CutSuffix(id, "."+f); found && b != "" {
			return b, f, true
		}
	}
	return "", "", false
}

// storyFeed answers /stories/{id}.atom and .json: an entry per event of
// the story (follow.StoryFeed). It reports false, answering nothing,
// when there is no such story, so that the story page may try the whole
// id.
func (h *handler) storyFeed(w http.ResponseWriter, r *http.Request, id, format string) bool {
	f, err := follow.StoryFeed(r.Context(), h.st, id)
	if errors.Is(err, store.ErrNotFound) {
		return false
	}
	if err != nil {
		h.feedFail(w, r, format, err)
		return true
	}
	h.writeFeed(w, r, f, format)
	return true
}

// entityFeed answers /entities/feed.atom?type=&name= and feed.json: the
// entity's newest stories and articles (follow.EntityFeed). A query
// route, so that it leaves /entities/{id} to the entity pages.
func (h *handler) entityFeed(format string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		typ, name := r.URL.Query().Get("type"), r.URL.Query().Get("name")
		f, err := follow.EntityFeed(r.Context(), h.st, typ, name)
		if err != nil {
			if isQueryError(err) {
				err = badRequest{"give ?type=person|org|place&name=NAME"}
			}
			h.feedFail(w, r, format, err)
			return
		}
		h.writeFeed(w, r, f, format)
	}
}

// isQueryError reports whether err is a search query's fault (the
// reader's), not the server's.
func isQueryError(err error) bool {
	for _, e := range []error{search.ErrEmpty, search.ErrTooLong, search.ErrBadDate, search.ErrTooMany, search.ErrBadRange, search.ErrBadSort} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// storyFeedHref is the address of a story's feed in format.
func storyFeedHref(id, format string) string { return storyHref(id) + "." + format }

// entityFeedHref is the address of an entity's feed in format.
func entityFeedHref(typ, name, format string) string {
	return "/entities/feed." + format + "?" + url.Values{"type": {strings.ToLower(typ)}, "name": {name}}.Encode()
}

// searchFeedHref is the address of a search's feed in format.
func searchFeedHref(q, format string) string {
	return "/search." + format + "?" + url.Values{"q": {q}}.Encode()
}
