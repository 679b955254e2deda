package poll

import (
	"context"
	"errors"
	"fmt"
	"html"
	"net/http"
	"sort"
	"strings"

	"parallax/internal/ingest/feed"
	"parallax/internal/ingest/fetch"
	"parallax/internal/ingest/files"
)

// ErrNotHTML means an item's link leads to something other than a web page.
var ErrNotHTML = errors.New("poll: article link is not an HTML page")

// buildItem turns a feed item into a pipeline input. The article page is
// fetched unless the feed's own text is long enough to be the article.
// When the page cannot be fetched the feed's text stands in (with a
// warning); with no feed text, a permanent failure becomes a rejected Item
// and a transient one gives ok=false (try again next poll). fetchErr tells
// whether a page fetch failed.
func (p *Poller) buildItem(ctx context.Context, feedURL, source string, it feed.Item) (fi files.Item, ok, fetchErr bool) {
	rec := &files.Rec{URL: it.URL, Source: source, Title: it.Title, Published: it.Published}
	fi = files.Item{Origin: it.URL, Kind: files.Record, Rec: rec}
	if fi.Origin == "" {
		fi.Origin = feedURL + "#" + it.Key()
	}
	body := it.Content
	if textLen(it.Summary) > textLen(body) {
		body = it.Summary
	}
	if textLen(body) >= p.opts.FullTextChars || it.URL == "" {
		rec.HTML = wrapHTML(it.Title, body)
		return fi, true, false
	}
	page, err := p.articlePage(ctx, it.URL)
	if err == nil {
		rec.HTML = page
		return fi, true, false
	}
	p.opts.Log.Debug("article page not fetched", "url", it.URL, "err", err)
	switch {
	case strings.TrimSpace(body) != "":
		rec.HTML = wrapHTML(it.Title, body)
		fi.Warn = append(fi.Warn, fmt.Sprintf("%s: article page not fetched, feed text used: %v", it.URL, err))
		return fi, true, true
	case fetch.Permanent(err) || errors.Is(err, ErrNotHTML):
		fi.Err = fmt.Errorf("%s: %w", it.URL, err)
		return fi, true, true
	}
	return fi, false, true
}

// articlePage fetches an article page and checks that it is HTML.
func (p *Poller) articlePage(ctx context.Context, u string) (string, error) {
	res, err := p.client.Get(ctx, u, fetch.Conditional{})
	if err != nil {
		return "", err
	}
	ct := strings.ToLower(res.ContentType)
	if ct == "" {
		ct = strings.ToLower(http.DetectContentType(res.Body))
	}
	if !strings.Contains(ct, "html") && !strings.Contains(ct, "xml") && !strings.HasPrefix(ct, "text/plain") {
		return "", fmt.Errorf("%w: %s", ErrNotHTML, res.ContentType)
	}
	return string(res.Body), nil
}

// wrapHTML makes a page of a feed item's own text.
func wrapHTML(title, body string) string {
	var b strings.Builder
	b.WriteString("<!doctype html><html><head><meta charset=\"utf-8\"><title>")
	b.WriteString(html.EscapeString(title))
	b.WriteString("</title></head><body><article><h1>")
	b.WriteString(html.EscapeString(title))
	b.WriteString("</h1>\n")
	b.WriteString(body)
	b.WriteString("\n</article></body></html>")
	return b.String()
}

// textLen counts the characters of s outside HTML tags.
func textLen(s string) int {
	n, inTag := 0, false
	for _, r := range s {
		switch {
		case r == '<':
			inTag = true
		case r == '>':
			inTag = false
		case !inTag:
			n++
		}
	}
	return n
}

// sortNewestFirst orders items by publication time, newest first; undated
// items keep their feed order after the dated ones.
func sortNewestFirst(items []feed.Item) {
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i].Published, items[j].Published
		if a.IsZero() != b.IsZero() {
			return !a.IsZero()
		}
		return a.After(b)
	})
}
