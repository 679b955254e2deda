package postgres

import (
	"testing"

	"parallax/internal/ingest/poll"
	"parallax/internal/store/postgres/pgtest"
	"parallax/internal/store/storetest"
)

// testFeeds runs the feed store suite on PostgreSQL.
func testFeeds(t *testing.T, srv *pgtest.Server) {
	storetest.Feeds(t, func(t *testing.T) storetest.FeedStore { return openTest(t, srv) })
}

// The store is the poller's FeedStore (checked here: the store itself
// does not import the poller).
var _ poll.FeedStore = (*DB)(nil)
