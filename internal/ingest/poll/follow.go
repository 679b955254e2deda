package poll

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"

	"parallax/internal/ingest/feed"
	"parallax/internal/ingest/fetch"
)

// Follow stores the subscriptions that are not followed yet (due for
// polling at once) and reports how many were added and how many were
// already there. URLs must be absolute http(s).
func Follow(ctx context.Context, st FeedStore, subs []feed.Subscription, now time.Time) (added, existing int, err error) {
	feeds, err := st.Feeds(ctx)
	if err != nil {
		return 0, 0, fmt.Errorf("poll: list feeds: %w", err)
	}
	have := map[string]bool{}
	for _, f := range feeds {
		have[f.URL] = true
	}
	for _, s := range subs {
		u, err := CheckFeedURL(s.URL)
		if err != nil {
			return added, existing, err
		}
		if have[u] {
			existing++
			continue
		}
		have[u] = true
		f := Feed{URL: u, Title: s.Title, SiteURL: s.SiteURL, Category: s.Category, Added: now}
		if err := st.SaveFeed(ctx, f); err != nil {
			return added, existing, fmt.Errorf("poll: add feed %s: %w", u, err)
		}
		added++
	}
	return added, existing, nil
}

// FollowDefaults follows feed.DefaultFeeds when st has no feed at all, and
// returns how many it added (0 when the user already has a list).
func FollowDefaults(ctx context.Context, st FeedStore, now time.Time) (int, error) {
	feeds, err := st.Feeds(ctx)
	if err != nil {
		return 0, fmt.Errorf("poll: list feeds: %w", err)
	}
	if len(feeds) > 0 {
		return 0, nil
	}
	var subs []feed.Subscription
	for _, u := range feed.DefaultFeeds() {
		subs = append(subs, feed.Subscription{URL: u})
	}
	added, _, err := Follow(ctx, st, subs, now)
	return added, err
}

// CheckFeedURL trims a feed URL and checks that it is absolute http(s).
func CheckFeedURL(raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("%w: %q", fetch.ErrScheme, raw)
	}
	u.Fragment = ""
	return u.String(), nil
}
