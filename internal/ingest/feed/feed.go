// Package feed reads news feeds and subscription lists: RSS 0.9x/1.0/2.0,
// Atom and JSON Feed through github.com/mmcdole/gofeed (format detected from
// the content, never from the Content-Type a server claims), OPML import
// and export, feed discovery in HTML pages, and Parallax's default feeds.
package feed

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

// Sentinel errors.
var (
	ErrNotFeed = errors.New("feed: not an RSS, Atom or JSON feed")
	ErrParse   = errors.New("feed: malformed feed")
)

// Feed is a parsed feed.
type Feed struct {
	Title   string
	SiteURL string // the site's home page, absolute ("" if unknown)
	Items   []Item
}

// Item is one entry of a feed.
type Item struct {
	GUID      string // the feed's own id for the entry ("" if none)
	URL       string // the article's absolute http(s) URL ("" if none)
	Title     string
	Summary   string // description / summary, usually HTML
	Content   string // full content (content:encoded, Atom content), HTML
	Author    string
	Published time.Time // zero when absent or unreadable
	Updated   time.Time
}

// Key identifies the entry within its feed: the GUID, else the URL, else
// the title.
func (it Item) Key() string {
	switch {
	case it.GUID != "":
		return it.GUID
	case it.URL != "":
		return it.URL
	}
	return "title:" + it.Title
}

// Parse reads a feed. feedURL, the address it was fetched from, resolves
// relative links. Items without a URL, title or body are dropped.
func Parse(data []byte, feedURL string) (f *Feed, err error) {
	defer func() { // a parser bug must not take the poller down
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("%w: %v", ErrParse, r)
		}
	}()
	data = bytes.TrimLeft(data, "\ufeff \t\r\n")
	if len(data) == 0 {
		return nil, ErrNotFeed
	}
	gf, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
		return nil, ErrNotFeed
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrParse, err)
	}
	base, _ := url.Parse(feedURL)
	f = &Feed{Title: clean(gf.Title), SiteURL: resolve(base, gf.Link)}
	for _, gi := range gf.Items {
		if gi == nil {
			continue
		}
		if it, ok := convert(gi, base); ok {
			f.Items = append(f.Items, it)
		}
	}
	return f, nil
}

// convert maps a gofeed item; ok is false for an empty one.
func convert(gi *gofeed.Item, base *url.URL) (Item, bool) {
	it := Item{
		GUID:    strings.TrimSpace(gi.GUID),
		Title:   clean(gi.Title),
		Summary: strings.TrimSpace(gi.Description),
		Content: strings.TrimSpace(gi.Content),
	}
	it.URL = resolve(base, gi.Link)
	if it.URL == "" {
		for _, l := range gi.Links {
			if it.URL = resolve(base, l); it.URL != "" {
				break
			}
		}
	}
	if it.URL == "" && looksLikeURL(it.GUID) {
		it.URL = resolve(base, it.GUID)
	}
	if gi.PublishedParsed != nil {
		it.Published = gi.PublishedParsed.UTC()
	}
	if gi.UpdatedParsed != nil {
		it.Updated = gi.UpdatedParsed.UTC()
	}
	if it.Published.IsZero() {
		it.Published = it.Updated
	}
	if len(gi.Authors) > 0 && gi.Authors[0] != nil {
		it.Author = clean(gi.Authors[0].Name)
	} else if gi.Author != nil {
		it.Author = clean(gi.Author.Name)
	}
	return it, it.URL != "" || it.Title != "" || it.Summary != "" || it.Content != ""
}

// resolve makes ref absolute against base and keeps it only if it is
// http(s).
func resolve(base *url.URL, ref string) string {
	ref = strings.TrimSpace(html.UnescapeString(ref))
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	u.Fragment = ""
	return u.String()
}

func looksLikeURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "/")
}

// clean unescapes entities left in a plain-text field (feeds that escape
// twice) and folds white space.
func clean(s string) string {
	s = html.UnescapeString(html.UnescapeString(s))
	return strings.Join(strings.Fields(s), " ")
}
