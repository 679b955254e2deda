package postgres

import (
	"testing"

	"parallax/internal/store/postgres/pgtest"
	"parallax/internal/store/storetest"
)

// testFeeds runs the feed store suite on PostgreSQL.
func testFeeds(t *testing.T, srv *pgtest.Server) {
	storetest.Feeds(t, func(t *testing.T) storetest.FeedStore { return openTest(t, srv) })
}
