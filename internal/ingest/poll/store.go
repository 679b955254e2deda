package poll

import (
	"context"
	"time"

	"parallax/internal/model"
)

// ErrNoFeed is returned by RemoveFeed for a URL that is not followed.
var ErrNoFeed = model.ErrNoFeed

// Feed is a followed feed and its polling state (model.Feed: the stores
// keep feeds without importing the poller).
type Feed = model.Feed

// FeedStore keeps the feed list, each feed's polling state and the keys of
// the items already handed on. Implementations are safe for concurrent use.
type FeedStore interface {
	// Feeds returns every followed feed, ordered by URL.
	Feeds(ctx context.Context) ([]Feed, error)
	// SaveFeed inserts a feed or replaces the stored one with the same URL
	// (its seen items are kept).
	SaveFeed(ctx context.Context, f Feed) error
	// UpdateFeed replaces a stored feed's fields; a feed that is not stored
	// (removed while it was being polled) stays absent, without error.
	UpdateFeed(ctx context.Context, f Feed) error
	// RemoveFeed forgets a feed and its seen items; ErrNoFeed if absent.
	RemoveFeed(ctx context.Context, url string) error
	// SeenItems reports which of keys were marked seen for the feed.
	SeenItems(ctx context.Context, feedURL string, keys []string) (map[string]bool, error)
	// MarkSeen records keys as seen at time at (refreshing known ones).
	MarkSeen(ctx context.Context, feedURL string, keys []string, at time.Time) error
	// ForgetSeen drops the feed's keys last seen before the given time.
	ForgetSeen(ctx context.Context, feedURL string, before time.Time) error
}
