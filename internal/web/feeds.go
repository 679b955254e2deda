package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"parallax/internal/ingest/feed"
	"parallax/internal/ingest/fetch"
	"parallax/internal/ingest/poll"
	"parallax/internal/store"
)

// maxCategory bounds a feed's category, in bytes.
const maxCategory = 100

// sources manages the followed feeds for the sources page and its API:
// the same poll.FeedStore, discovery (poll.Resolve) and OPML code as
// `parallax feeds`, so that the poller of `serve` sees every change.
type sources struct {
	fs     poll.FeedStore // nil: the store keeps no feed list
	client *fetch.Client  // fetches what is added; refuses private addresses unless allowed
	now    func() time.Time
	wake   func() // tells the poller (Options.PollNow); never nil
}

// errNoFeedList answers the feed routes of a store without a feed list.
var errNoFeedList = userError{ErrNotFound, "this store keeps no feed list"}

// added is the result of adding a feed.
type added struct {
	Feed       poll.Feed
	Discovered bool // found through the page given
}

// list returns the followed feeds and how many are broken (their last
// poll failed).
func (s *sources) list(ctx context.Context) ([]poll.Feed, int, error) {
	if s.fs == nil {
		return nil, 0, errNoFeedList
	}
	feeds, err := s.fs.Feeds(ctx)
	if err != nil {
		return nil, 0, fmt.Errorf("list feeds: %w", err)
	}
	return feeds, brokenCount(feeds), nil
}

func brokenCount(feeds []poll.Feed) int {
	n := 0
	for _, f := range feeds {
		if f.Errors > 0 {
			n++
		}
	}
	return n
}

// add follows a feed, or the feed a site's page announces. An address the
// fetcher refuses is a bad request; a feed that cannot be read now is
// followed with the failure recorded as its first poll's, to show why.
func (s *sources) add(ctx context.Context, raw, category string) (added, error) {
	if s.fs == nil {
		return added{}, errNoFeedList
	}
	category, err := checkCategory(category)
	if err != nil {
		return added{}, err
	}
	r, err := poll.Resolve(ctx, s.client, raw)
	if err != nil {
		return added{}, badRequest{refusal(err)}
	}
	sub := feed.Subscription{URL: r.URL, Title: r.Title, SiteURL: r.SiteURL, Category: category}
	n, _, err := poll.Follow(ctx, s.fs, []feed.Subscription{sub}, s.now())
	if err != nil {
		return added{}, fmt.Errorf("add feed %s: %w", r.URL, err)
	}
	if n == 0 {
		return added{}, userError{store.ErrExists, r.URL + " is already followed"}
	}
	s.wake()
	f, err := s.find(ctx, r.URL)
	if err != nil || r.Err == nil {
		return added{f, r.Discovered}, err
	}
	f.Errors, f.LastError, f.LastPoll = 1, r.Err.Error(), s.now()
	if err := s.fs.UpdateFeed(ctx, f); err != nil {
		return added{}, fmt.Errorf("add feed %s: record its error: %w", r.URL, err)
	}
	return added{f, r.Discovered}, nil
}

// refusal is the message shown for an address that cannot be followed.
func refusal(err error) string {
	switch {
	case errors.Is(err, fetch.ErrForbidden):
		return "that address is not allowed (loopback, private, link-local or reserved)"
	case errors.Is(err, fetch.ErrScheme):
		return "give an absolute http:// or https:// address"
	}
	return "that address cannot be followed"
}

// remove stops following a feed.
func (s *sources) remove(ctx context.Context, url string) error {
	if s.fs == nil {
		return errNoFeedList
	}
	err := s.fs.RemoveFeed(ctx, strings.TrimSpace(url))
	if errors.Is(err, poll.ErrNoFeed) {
		return userError{ErrNotFound, "no followed feed has that address"}
	}
	return err
}

// pollNow marks a feed due now (backoff too): the poller of `serve` (or
// the next `parallax poll`) fetches it on its next round: at once when
// the poller is woken (Options.PollNow), else within a minute.
func (s *sources) pollNow(ctx context.Context, url string) (poll.Feed, error) {
	f, err := s.update(ctx, url, func(f *poll.Feed) { f.NextPoll = time.Time{} })
	if err == nil {
		s.wake()
	}
	return f, err
}

// setCategory changes a feed's category.
func (s *sources) setCategory(ctx context.Context, url, category string) (poll.Feed, error) {
	category, err := checkCategory(category)
	if err != nil {
		return poll.Feed{}, err
	}
	return s.update(ctx, url, func(f *poll.Feed) { f.Category = category })
}

func (s *sources) update(ctx context.Context, url string, change func(*poll.Feed)) (poll.Feed, error) {
	if s.fs == nil {
		return poll.Feed{}, errNoFeedList
	}
	f, err := s.find(ctx, strings.TrimSpace(url))
	if err != nil {
		return f, err
	}
	change(&f)
	if err := s.fs.UpdateFeed(ctx, f); err != nil {
		return f, fmt.Errorf("update feed %s: %w", f.URL, err)
	}
	return f, nil
}

// find returns the followed feed with that URL.
func (s *sources) find(ctx context.Context, url string) (poll.Feed, error) {
	feeds, _, err := s.list(ctx)
	if err != nil {
		return poll.Feed{}, err
	}
	for _, f := range feeds {
		if f.URL == url {
			return f, nil
		}
	}
	return poll.Feed{}, userError{ErrNotFound, "no followed feed has that address"}
}

func checkCategory(c string) (string, error) {
	c = strings.TrimSpace(c)
	if len(c) > maxCategory || strings.ContainsFunc(c, func(r rune) bool { return r < ' ' }) {
		return "", badRequest{fmt.Sprintf("a category is one line of at most %d bytes", maxCategory)}
	}
	return c, nil
}

// imported counts what an OPML import did.
type imported struct {
	Added, Existing, Skipped int
}

// importOPML follows the feeds of an OPML file (with their categories).
func (s *sources) importOPML(ctx context.Context, r io.Reader) (imported, error) {
	if s.fs == nil {
		return imported{}, errNoFeedList
	}
	subs, skipped, err := feed.ParseOPMLSkipped(r)
	if err != nil {
		return imported{}, badRequest{"not an OPML file that can be read"}
	}
	n, existing, err := poll.Follow(ctx, s.fs, subs, s.now())
	if n > 0 {
		s.wake()
	}
	if err != nil {
		return imported{}, fmt.Errorf("import OPML: %w", err)
	}
	return imported{n, existing, len(skipped)}, nil
}

// exportOPML writes the followed feeds as OPML, grouped by category.
func (s *sources) exportOPML(ctx context.Context, w io.Writer) error {
	feeds, _, err := s.list(ctx)
	if err != nil {
		return err
	}
	subs := make([]feed.Subscription, len(feeds))
	for i, f := range feeds {
		subs[i] = feed.Subscription{URL: f.URL, Title: f.Title, SiteURL: f.SiteURL, Category: f.Category}
	}
	return feed.WriteOPML(w, "Parallax feeds", subs)
}
