package poll

import (
	"context"
	"errors"
	"fmt"

	"parallax/internal/ingest/feed"
	"parallax/internal/ingest/fetch"
)

// ErrRefused wraps the fetch errors that make an address unfollowable:
// a refused scheme or address (loopback, private, metadata, ...).
var ErrRefused = errors.New("poll: address refused")

// Resolved is what Resolve found at an address.
type Resolved struct {
	URL        string // the feed to follow
	Title      string // the feed's own title ("" when it could not be read)
	SiteURL    string
	Discovered bool  // URL was announced by the page at the address given
	Err        error // why the feed cannot be read now (it may be followed anyway)
}

// Resolve finds the feed to follow at raw, a feed or a site's page: it
// fetches raw with c (whose guard refuses hostile and private addresses)
// and, when it is an HTML page, follows the first feed the page announces
// (<link rel="alternate">) that parses. A refused address is an error
// wrapping ErrRefused; any other failure (a 500, garbage, a page without
// feeds) comes back in Resolved.Err with URL = raw, so that the caller can
// follow it and show why it fails.
func Resolve(ctx context.Context, c *fetch.Client, raw string) (Resolved, error) {
	u, err := CheckFeedURL(raw)
	if err != nil {
		return Resolved{}, fmt.Errorf("%w: %w", ErrRefused, err)
	}
	res, err := c.Get(ctx, u, fetch.Conditional{})
	if err != nil {
		if errors.Is(err, fetch.ErrScheme) || errors.Is(err, fetch.ErrForbidden) {
			return Resolved{}, fmt.Errorf("%w: %w", ErrRefused, err)
		}
		return Resolved{URL: u, Err: err}, nil
	}
	parsed, err := feed.Parse(res.Body, res.URL)
	if err == nil {
		return Resolved{URL: u, Title: parsed.Title, SiteURL: parsed.SiteURL}, nil
	}
	if !errors.Is(err, feed.ErrNotFeed) {
		return Resolved{URL: u, Err: err}, nil
	}
	for _, link := range feed.Discover(res.Body, res.URL) {
		if r, ok := resolveLink(ctx, c, link); ok {
			return r, nil
		}
	}
	return Resolved{URL: u, Err: fmt.Errorf("%w, and the page announces no feed that could be read", err)}, nil
}

// resolveLink checks one announced feed.
func resolveLink(ctx context.Context, c *fetch.Client, link string) (Resolved, bool) {
	u, err := CheckFeedURL(link)
	if err != nil {
		return Resolved{}, false
	}
	res, err := c.Get(ctx, u, fetch.Conditional{})
	if err != nil {
		return Resolved{}, false
	}
	parsed, err := feed.Parse(res.Body, res.URL)
	if err != nil {
		return Resolved{}, false
	}
	return Resolved{URL: u, Title: parsed.Title, SiteURL: parsed.SiteURL, Discovered: true}, true
}
