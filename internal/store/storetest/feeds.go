package storetest

import (
	"context"
	"errors"
	"testing"
	"time"

	"parallax/internal/ingest/poll"
)

// FeedStore is a feed store that can be closed.
type FeedStore interface {
	poll.FeedStore
	Close() error
}

// Feeds is the conformance suite for the feed store that polling uses
// (poll.FeedStore), which every store implementation also provides. open
// must return a new empty store; Feeds closes it.
func Feeds(t *testing.T, open func(t *testing.T) FeedStore) {
	db := open(t)
	defer db.Close()
	ctx := context.Background()
	t0 := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	a := poll.Feed{URL: "https://a.example/rss", Title: "A", Category: "World", Added: t0}
	b := poll.Feed{URL: "https://b.example/atom", Added: t0}
	for _, f := range []poll.Feed{b, a} {
		if err := db.SaveFeed(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	fs, err := db.Feeds(ctx)
	if err != nil || len(fs) != 2 || fs[0].URL != a.URL || fs[0].Title != "A" || fs[0].Category != "World" ||
		!fs[0].Added.Equal(t0) || !fs[0].NextPoll.IsZero() || !fs[0].LastPoll.IsZero() {
		t.Fatalf("Feeds = %+v, %v", fs, err)
	}

	t.Run("StateRoundTrip", func(t *testing.T) {
		a.ETag, a.LastModified, a.Errors, a.LastError = `"x"`, "Sat, 01 Mar 2025 12:00:00 GMT", 2, "HTTP 500"
		a.LastPoll, a.NextPoll, a.Interval = t0.Add(time.Minute), t0.Add(time.Hour), 45*time.Minute
		if err := db.UpdateFeed(ctx, a); err != nil {
			t.Fatal(err)
		}
		fs, _ := db.Feeds(ctx)
		got := fs[0]
		if got.ETag != a.ETag || got.LastModified != a.LastModified || got.Errors != 2 || got.LastError != a.LastError ||
			!got.LastPoll.Equal(a.LastPoll) || !got.NextPoll.Equal(a.NextPoll) || got.Interval != a.Interval {
			t.Errorf("got %+v\nwant %+v", got, a)
		}
	})

	t.Run("Seen", func(t *testing.T) {
		if err := db.MarkSeen(ctx, a.URL, []string{"k1", "k2"}, t0); err != nil {
			t.Fatal(err)
		}
		if err := db.MarkSeen(ctx, a.URL, []string{"k2", "k3"}, t0.Add(48*time.Hour)); err != nil {
			t.Fatal(err)
		}
		seen, err := db.SeenItems(ctx, a.URL, []string{"k1", "k2", "k3", "k4"})
		if err != nil || len(seen) != 3 || seen["k4"] {
			t.Fatalf("SeenItems = %v, %v", seen, err)
		}
		if other, _ := db.SeenItems(ctx, b.URL, []string{"k1"}); len(other) != 0 {
			t.Errorf("keys leaked to another feed: %v", other)
		}
		if err := db.ForgetSeen(ctx, a.URL, t0.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		seen, _ = db.SeenItems(ctx, a.URL, []string{"k1", "k2", "k3"})
		if seen["k1"] || !seen["k2"] || !seen["k3"] {
			t.Errorf("after ForgetSeen: %v (k1 should be gone, k2 refreshed)", seen)
		}
		if err := db.SaveFeed(ctx, a); err != nil {
			t.Fatal(err)
		}
		if seen, _ = db.SeenItems(ctx, a.URL, []string{"k2"}); !seen["k2"] {
			t.Error("SaveFeed dropped seen items")
		}
		if err := db.MarkSeen(ctx, "https://gone.example/", []string{"k"}, t0); err != nil {
			t.Errorf("MarkSeen for an unknown feed: %v", err)
		}
	})

	t.Run("ManyKeys", func(t *testing.T) {
		keys := make([]string, 1000)
		for i := range keys {
			keys[i] = "key-" + time.Duration(i).String()
		}
		if err := db.MarkSeen(ctx, b.URL, keys, t0); err != nil {
			t.Fatal(err)
		}
		seen, err := db.SeenItems(ctx, b.URL, keys)
		if err != nil || len(seen) != len(keys) {
			t.Errorf("%d of %d seen, %v", len(seen), len(keys), err)
		}
	})

	t.Run("Remove", func(t *testing.T) {
		if err := db.RemoveFeed(ctx, a.URL); err != nil {
			t.Fatal(err)
		}
		if err := db.RemoveFeed(ctx, a.URL); !errors.Is(err, poll.ErrNoFeed) {
			t.Errorf("second remove: err = %v", err)
		}
		a.Errors = 7
		if err := db.UpdateFeed(ctx, a); err != nil {
			t.Errorf("UpdateFeed of a removed feed: %v", err)
		}
		if seen, _ := db.SeenItems(ctx, a.URL, []string{"k2"}); len(seen) != 0 {
			t.Error("seen items outlived their feed")
		}
		fs, _ := db.Feeds(ctx)
		if len(fs) != 1 || fs[0].URL != b.URL {
			t.Errorf("Feeds after remove = %+v", fs)
		}
	})
}
