package web

import (
	"encoding/json"
	"encoding/xml"
	"net/http"
	"time"

	"parallax/internal/follow"
)

// The one writer of Atom and JSON Feed documents: every feed (a search,
// an entity, a story) is a follow.Feed written here.

// feedEpoch stands for an unknown date in a feed, which needs one; a
// fixed value, so that the feed does not change while nothing else does.
var feedEpoch = time.Unix(0, 0).UTC()

// baseURL is the scheme and host the request reached, for a feed's
// absolute links.
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

func feedTime(t time.Time) time.Time {
	if t.IsZero() {
		return feedEpoch
	}
	return t.UTC()
}

// atomFeed is an Atom 1.0 document (RFC 4287).
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Author  atomAuthor  `xml:"author"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomEntry struct {
	ID        string     `xml:"id"`
	Title     string     `xml:"title"`
	Updated   string     `xml:"updated"`
	Published string     `xml:"published,omitempty"`
	Links     []atomLink `xml:"link"`
	Summary   string     `xml:"summary,omitempty"`
	Category  atomCat    `xml:"category"`
}

type atomCat struct {
	Term string `xml:"term,attr"`
}

// writeAtom answers f as Atom; selfPath is the feed's own address.
func (h *handler) writeAtom(w http.ResponseWriter, r *http.Request, f follow.Feed, selfPath string) {
	base := baseURL(r)
	doc := atomFeed{ID: f.ID, Title: f.Title, Updated: feedTime(f.Updated()).Format(time.RFC3339),
		Author: atomAuthor{"Parallax"},
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: base + selfPath},
			{Rel: "alternate", Type: "text/html", Href: base + f.Page}}}
	for _, e := range f.Entries {
		ae := atomEntry{ID: e.ID, Title: e.Title, Updated: feedTime(e.Updated).Format(time.RFC3339),
			Links: []atomLink{{Rel: "alternate", Type: "text/html", Href: base + e.Path}}, Summary: e.Summary,
			Category: atomCat{e.Kind}}
		if !e.Published.IsZero() {
			ae.Published = e.Published.UTC().Format(time.RFC3339)
		}
		doc.Entries = append(doc.Entries, ae)
	}
	out, err := xml.MarshalIndent(doc, "", "  ")
	if err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	_, _ = w.Write(append([]byte(xml.Header), append(out, '\n')...))
}

// jsonFeed is a JSON Feed 1.1 document (jsonfeed.org).
type jsonFeed struct {
	Version     string         `json:"version"`
	Title       string         `json:"title"`
	HomePageURL string         `json:"home_page_url"`
	FeedURL     string         `json:"feed_url"`
	Items       []jsonFeedItem `json:"items"`
}

type jsonFeedItem struct {
	ID            string   `json:"id"`
	URL           string   `json:"url"`
	Title         string   `json:"title"`
	ContentText   string   `json:"content_text"`
	DatePublished string   `json:"date_published,omitempty"`
	DateModified  string   `json:"date_modified"`
	Tags          []string `json:"tags"`
}

// writeJSONFeed answers f as JSON Feed; selfPath is the feed's own address.
func (h *handler) writeJSONFeed(w http.ResponseWriter, r *http.Request, f follow.Feed, selfPath string) {
	base := baseURL(r)
	doc := jsonFeed{Version: "https://jsonfeed.org/version/1.1", Title: f.Title, HomePageURL: base + f.Page,
		FeedURL: base + selfPath, Items: []jsonFeedItem{}}
	for _, e := range f.Entries {
		it := jsonFeedItem{ID: e.ID, URL: base + e.Path, Title: e.Title, ContentText: e.Summary,
			DateModified: feedTime(e.Updated).Format(time.RFC3339), Tags: []string{e.Kind}}
		if !e.Published.IsZero() {
			it.DatePublished = e.Published.UTC().Format(time.RFC3339)
		}
		doc.Items = append(doc.Items, it)
	}
	body, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		h.failJSON(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/feed+json; charset=utf-8")
	_, _ = w.Write(append(body, '\n'))
}

// writeFeed answers f in format ("atom" or "json").
func (h *handler) writeFeed(w http.ResponseWriter, r *http.Request, f follow.Feed, format string) {
	self := r.URL.Path
	if r.URL.RawQuery != "" {
		self += "?" + r.URL.RawQuery
	}
	if format == "json" {
		h.writeJSONFeed(w, r, f, self)
		return
	}
	h.writeAtom(w, r, f, self)
}

// feedFail answers a feed's error in its format.
func (h *handler) feedFail(w http.ResponseWriter, r *http.Request, format string, err error) {
	if format == "json" {
		h.failJSON(w, r, err)
		return
	}
	h.fail(w, r, err)
}
