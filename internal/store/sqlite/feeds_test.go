package sqlite

import (
	"testing"

	"parallax/internal/store/storetest"
)

func TestFeeds(t *testing.T) {
	storetest.Feeds(t, func(t *testing.T) storetest.FeedStore { return openTest(t) })
}
