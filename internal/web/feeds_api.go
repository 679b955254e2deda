package web

import (
	"encoding/json"
	"net/http"
	"time"

	"parallax/internal/ingest/poll"
)

// feedJSON is a followed feed in the API.
type feedJSON struct {
	URL       string     `json:"url"`
	Title     string     `json:"title"`
	SiteURL   string     `json:"site_url,omitempty"`
	Category  string     `json:"category"`
	Added     time.Time  `json:"added"`
	LastPoll  *time.Time `json:"last_poll"` // null: never polled
	NextPoll  *time.Time `json:"next_poll"` // null: due now
	Errors    int        `json:"errors"`
	LastError string     `json:"last_error"`
}

func newFeedJSON(f poll.Feed) feedJSON {
	opt := func(t time.Time) *time.Time {
		if t.IsZero() {
			return nil
		}
		t = t.UTC()
		return &t
	}
	return feedJSON{URL: f.URL, Title: f.Title, SiteURL: f.SiteURL, Category: f.Category, Added: f.Added.UTC(),
		LastPoll: opt(f.LastPoll), NextPoll: opt(f.NextPoll), Errors: f.Errors, LastError: f.LastError}
}

// feedRequest is the body of the feed write calls.
type feedRequest struct {
	URL      string `json:"url"`
	Category string `json:"category"`
}

func readFeedRequest(r *http.Request) (feedRequest, error) {
	var req feedRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		return req, badRequest{`the body must be JSON: {"url": "...", "category": "..."}`}
	}
	return req, nil
}

// apiFeeds lists the followed feeds (GET /api/v1/feeds).
func (h *handler) apiFeeds(w http.ResponseWriter, r *http.Request) {
	feeds, broken, err := h.sources.list(r.Context())
	if err != nil {
		h.failJSON(w, r, err)
		return
	}
	out := make([]feedJSON, len(feeds))
	for i, f := range feeds {
		out[i] = newFeedJSON(f)
	}
	h.writeJSON(w, r, http.StatusOK, map[string]any{"feeds": out, "total": len(out), "broken": broken})
}

// apiAddFeed follows a feed or site (POST /api/v1/feeds {"url","category"}):
// 201 with the feed ("last_error" set when it could not be read).
func (h *handler) apiAddFeed(w http.ResponseWriter, r *http.Request) {
	req, err := readFeedRequest(r)
	if err != nil {
		h.failJSON(w, r, err)
		return
	}
	a, err := h.sources.add(r.Context(), req.URL, req.Category)
	if err != nil {
		h.failJSON(w, r, err)
		return
	}
	h.writeJSON(w, r, http.StatusCreated, map[string]any{"feed": newFeedJSON(a.Feed), "discovered": a.Discovered})
}

// apiRemoveFeed stops following a feed (DELETE /api/v1/feeds?url=URL): 204.
func (h *handler) apiRemoveFeed(w http.ResponseWriter, r *http.Request) {
	if err := h.sources.remove(r.Context(), r.URL.Query().Get("url")); err != nil {
		h.failJSON(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// apiPollFeed marks a feed due now (POST /api/v1/feeds/poll {"url"}): 202.
func (h *handler) apiPollFeed(w http.ResponseWriter, r *http.Request) {
	req, err := readFeedRequest(r)
	if err == nil {
		var f poll.Feed
		if f, err = h.sources.pollNow(r.Context(), req.URL); err == nil {
			h.writeJSON(w, r, http.StatusAccepted, map[string]any{"feed": newFeedJSON(f)})
			return
		}
	}
	h.failJSON(w, r, err)
}

// apiFeedCategory sets a feed's category (POST /api/v1/feeds/category
// {"url","category"}).
func (h *handler) apiFeedCategory(w http.ResponseWriter, r *http.Request) {
	req, err := readFeedRequest(r)
	if err == nil {
		var f poll.Feed
		if f, err = h.sources.setCategory(r.Context(), req.URL, req.Category); err == nil {
			h.writeJSON(w, r, http.StatusOK, map[string]any{"feed": newFeedJSON(f)})
			return
		}
	}
	h.failJSON(w, r, err)
}

// apiImportFeeds follows the feeds of the OPML body (POST
// /api/v1/feeds/import): {"added","existing","skipped"}.
func (h *handler) apiImportFeeds(w http.ResponseWriter, r *http.Request) {
	n, err := h.sources.importOPML(r.Context(), r.Body)
	if err != nil {
		h.failJSON(w, r, err)
		return
	}
	h.writeJSON(w, r, http.StatusOK, map[string]int{"added": n.Added, "existing": n.Existing, "skipped": n.Skipped})
}
