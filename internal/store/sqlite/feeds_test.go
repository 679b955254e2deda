package sqlite

import (
	"testing"

	"parallax/internal/ingest/poll"
	"parallax/internal/store/storetest"
)

func TestFeeds(t *testing.T) {
	storetest.Feeds(t, func(t *testing.T) storetest.FeedStore { return openTest(t) })
}

// The store is the poller's FeedStore (checked here: the store itself
// does not import the poller).
var _ poll.FeedStore = (*DB)(nil)
