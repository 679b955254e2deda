package web

import (
	"fmt"
	"net/http"
	"time"

	"parallax/internal/ingest/poll"
)

// feedsView is the sources page.
type feedsView struct {
	Feeds    []feedRow
	Broken   int
	CSRF     string // "" when not logged in: the forms lead to the login
	Notice   string
	Error    string
	ReadOnly bool // no password set: changes are refused
}

// feedRow is one followed feed on the sources page.
type feedRow struct {
	poll.Feed
	Name               string
	LastPoll, NextPoll string
}

func newFeedRow(f poll.Feed) feedRow {
	name := f.Title
	if name == "" {
		name = f.URL
	}
	return feedRow{Feed: f, Name: name, LastPoll: pollTime(f.LastPoll, "never"), NextPoll: pollTime(f.NextPoll, "now")}
}

func pollTime(t time.Time, zero string) string {
	if t.IsZero() {
		return zero
	}
	return t.UTC().Format("2006-01-02 15:04 UTC")
}

// feedsPage shows the sources page (GET /feeds).
func (h *handler) feedsPage(w http.ResponseWriter, r *http.Request) {
	h.renderFeeds(w, r, http.StatusOK, "", "")
}

// renderFeeds shows the sources page with a notice or an error.
func (h *handler) renderFeeds(w http.ResponseWriter, r *http.Request, status int, notice, errMsg string) {
	feeds, broken, err := h.sources.list(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v := feedsView{Broken: broken, Notice: notice, Error: errMsg, ReadOnly: h.auth.hash == nil}
	if s := sessionOf(r); s != nil {
		v.CSRF = s.CSRF
	}
	for _, f := range feeds {
		v.Feeds = append(v.Feeds, newFeedRow(f))
	}
	w.Header().Set("Cache-Control", "no-store")
	h.render(w, r, status, "feeds", "Sources", v)
}

// feedsDone answers a sources form: the page with what happened, or with
// the client's mistake (400, 404, 409), or an error page.
func (h *handler) feedsDone(w http.ResponseWriter, r *http.Request, notice string, err error) {
	if err == nil {
		h.renderFeeds(w, r, http.StatusOK, notice, "")
		return
	}
	status, msg := statusOf(err)
	if status >= 500 {
		h.fail(w, r, err)
		return
	}
	h.renderFeeds(w, r, status, "", msg)
}

// addFeed follows a feed or site (POST /feeds: url, category).
func (h *handler) addFeed(w http.ResponseWriter, r *http.Request) {
	a, err := h.sources.add(r.Context(), r.PostFormValue("url"), r.PostFormValue("category"))
	notice := ""
	switch {
	case err != nil:
	case a.Feed.LastError != "":
		notice = fmt.Sprintf("Following %s, but it could not be read: %s", a.Feed.URL, a.Feed.LastError)
	case a.Discovered:
		notice = "Following " + a.Feed.URL + ", the feed that page announces."
	default:
		notice = "Following " + a.Feed.URL + "."
	}
	h.feedsDone(w, r, notice, err)
}

// removeFeed stops following a feed (POST /feeds/remove: url).
func (h *handler) removeFeed(w http.ResponseWriter, r *http.Request) {
	u := r.PostFormValue("url")
	h.feedsDone(w, r, "No longer following "+u+".", h.sources.remove(r.Context(), u))
}

// pollFeedNow marks a feed due (POST /feeds/poll: url).
func (h *handler) pollFeedNow(w http.ResponseWriter, r *http.Request) {
	f, err := h.sources.pollNow(r.Context(), r.PostFormValue("url"))
	h.feedsDone(w, r, f.URL+" will be polled now.", err)
}

// setFeedCategory changes a feed's category (POST /feeds/category: url, category).
func (h *handler) setFeedCategory(w http.ResponseWriter, r *http.Request) {
	f, err := h.sources.setCategory(r.Context(), r.PostFormValue("url"), r.PostFormValue("category"))
	h.feedsDone(w, r, "Category of "+f.URL+" saved.", err)
}

// importFeeds follows the feeds of an uploaded OPML file (POST
// /feeds/import, multipart field "opml").
func (h *handler) importFeeds(w http.ResponseWriter, r *http.Request) {
	file, _, err := r.FormFile("opml")
	if err != nil {
		h.feedsDone(w, r, "", badRequest{"choose an OPML file to import"})
		return
	}
	defer file.Close()
	n, err := h.sources.importOPML(r.Context(), file)
	h.feedsDone(w, r, fmt.Sprintf("Imported %d feed(s); %d already followed, %d outline(s) skipped.",
		n.Added, n.Existing, n.Skipped), err)
}

// exportFeeds serves the followed feeds as OPML (GET /feeds.opml).
func (h *handler) exportFeeds(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/x-opml; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="parallax-feeds.opml"`)
	w.Header().Set("Cache-Control", "no-store")
	if err := h.sources.exportOPML(r.Context(), w); err != nil {
		w.Header().Del("Content-Disposition")
		h.fail(w, r, err)
	}
}
