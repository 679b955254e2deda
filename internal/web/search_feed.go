package web

import (
	"encoding/json"
	"encoding/xml"
	"net/http"
	"net/url"
	"time"

	"parallax/internal/search"
)

// feedSize is how many entries a feed of a search holds: the newest.
const feedSize = 50

// feedEpoch stands for an unknown date in a feed, which needs one; a
// fixed value, so that the feed does not change while nothing else does.
var feedEpoch = time.Unix(0, 0).UTC()

// searchFeed reads the query and the newest results of a feed request.
// Entry ids are URNs of the story or article (urn:parallax:story:ID), so
// they stay the same across restarts, hosts and queries.
func (h *handler) searchFeed(r *http.Request) (string, search.Query, search.Results, error) {
	raw, q, err := searchQuery(r)
	if err != nil {
		return raw, q, search.Results{}, err
	}
	q.Order = search.Newest
	res, err := h.st.Search(r.Context(), q, feedSize, 0)
	return raw, q, res, err
}

// baseURL is the scheme and host the request reached, for a feed's
// absolute links.
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

func entryID(hit search.Hit) string { return "urn:parallax:" + hit.Kind + ":" + url.PathEscape(hit.ID) }

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

// searchAtom answers /search.atom?q=: the newest results as Atom.
func (h *handler) searchAtom(w http.ResponseWriter, r *http.Request) {
	raw, q, res, err := h.searchFeed(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	base := baseURL(r)
	f := atomFeed{ID: "urn:parallax:search:" + url.QueryEscape(q.String()), Title: "Parallax: " + raw,
		Updated: feedEpoch.Format(time.RFC3339), Author: atomAuthor{"Parallax"},
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: base + "/search.atom?" + url.Values{"q": {raw}}.Encode()},
			{Rel: "alternate", Type: "text/html", Href: base + searchHref(raw, 1)}}}
	for i, hit := range res.Hits {
		t := feedTime(hit.Time)
		if i == 0 || t.Format(time.RFC3339) > f.Updated {
			f.Updated = t.Format(time.RFC3339)
		}
		e := atomEntry{ID: entryID(hit), Title: feedTitle(hit), Updated: t.Format(time.RFC3339),
			Links: []atomLink{{Rel: "alternate", Type: "text/html", Href: base + hitHref(hit)}}, Summary: hit.Snippet,
			Category: atomCat{hit.Kind}}
		if hit.Kind == search.KindStory && !hit.First.IsZero() {
			e.Published = hit.First.UTC().Format(time.RFC3339)
		}
		f.Entries = append(f.Entries, e)
	}
	out, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	_, _ = w.Write(append([]byte(xml.Header), append(out, '\n')...))
}

// feedTitle is a result's title, or what it is when it has none.
func feedTitle(hit search.Hit) string {
	if hit.Title != "" {
		return hit.Title
	}
	if hit.Kind == search.KindStory {
		return "Untitled story"
	}
	return "Untitled article"
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

// searchJSONFeed answers /search.json?q=: the newest results as JSON Feed.
func (h *handler) searchJSONFeed(w http.ResponseWriter, r *http.Request) {
	raw, _, res, err := h.searchFeed(r)
	if err != nil {
		h.failJSON(w, r, err)
		return
	}
	base := baseURL(r)
	f := jsonFeed{Version: "https://jsonfeed.org/version/1.1", Title: "Parallax: " + raw,
		HomePageURL: base + searchHref(raw, 1), FeedURL: base + "/search.json?" + url.Values{"q": {raw}}.Encode(),
		Items: []jsonFeedItem{}}
	for _, hit := range res.Hits {
		it := jsonFeedItem{ID: entryID(hit), URL: base + hitHref(hit), Title: feedTitle(hit), ContentText: hit.Snippet,
			DateModified: feedTime(hit.Time).Format(time.RFC3339), Tags: []string{hit.Kind}}
		if hit.Kind == search.KindStory && !hit.First.IsZero() {
			it.DatePublished = hit.First.UTC().Format(time.RFC3339)
		} else if hit.Kind == search.KindArticle && !hit.Time.IsZero() {
			it.DatePublished = it.DateModified
		}
		f.Items = append(f.Items, it)
	}
	body, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		h.failJSON(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/feed+json; charset=utf-8")
	_, _ = w.Write(append(body, '\n'))
}
