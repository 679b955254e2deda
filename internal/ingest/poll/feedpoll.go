package poll

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"parallax/internal/ingest/feed"
	"parallax/internal/ingest/fetch"
)

// pollFeed polls one feed and saves its new state. The error is non-nil
// only when the store or the handler failed; a feed's own failure is
// recorded in its state and counted in Stats.Failed.
func (p *Poller) pollFeed(ctx context.Context, f Feed) (Stats, error) {
	s := Stats{Feeds: 1}
	now := p.opts.Now()
	res, err := p.client.Get(ctx, f.URL, fetch.Conditional{ETag: f.ETag, LastModified: f.LastModified})
	if err == nil && res.NotModified {
		s.NotModified++
		p.succeeded(&f, now, false)
		return s, p.save(ctx, f)
	}
	var parsed *feed.Feed
	if err == nil {
		parsed, err = feed.Parse(res.Body, res.URL)
		if errors.Is(err, feed.ErrNotFeed) {
			if links := feed.Discover(res.Body, res.URL); len(links) > 0 {
				err = fmt.Errorf("%w (the page announces %s)", err, strings.Join(links, ", "))
			}
		}
	}
	if err != nil {
		if ctx.Err() != nil {
			return s, nil // shutting down: not the feed's fault
		}
		s.Failed++
		p.failed(&f, now, err)
		p.opts.Log.Warn("feed poll failed", "feed", f.URL, "errors", f.Errors, "next_poll", f.NextPoll, "err", err)
		return s, p.save(ctx, f)
	}
	if f.Title == "" {
		f.Title = parsed.Title
	}
	if f.SiteURL == "" {
		f.SiteURL = parsed.SiteURL
	}
	items, err := p.newItems(ctx, f, parsed, &s)
	if err != nil {
		return s, err
	}
	if ctx.Err() != nil {
		return s, nil // keep the old validators so the next poll sees the rest
	}
	f.ETag, f.LastModified = res.ETag, res.LastModified
	p.succeeded(&f, now, items > 0)
	if err := p.st.ForgetSeen(ctx, f.URL, now.Add(-p.opts.SeenTTL)); err != nil {
		return s, fmt.Errorf("poll %s: forget old items: %w", f.URL, err)
	}
	return s, p.save(ctx, f)
}

// newItems hands on the feed's unseen items (at most MaxItems, newest
// first) and marks them seen, together with the items still in the feed.
// It returns how many items were unseen.
func (p *Poller) newItems(ctx context.Context, f Feed, parsed *feed.Feed, s *Stats) (int, error) {
	keys := make([]string, len(parsed.Items))
	for i, it := range parsed.Items {
		keys[i] = it.Key()
	}
	seen, err := p.st.SeenItems(ctx, f.URL, keys)
	if err != nil {
		return 0, fmt.Errorf("poll %s: seen items: %w", f.URL, err)
	}
	var fresh []feed.Item
	var done []string
	for i, it := range parsed.Items {
		if seen[keys[i]] {
			s.Seen++
			done = append(done, keys[i])
			continue
		}
		fresh = append(fresh, it)
	}
	sortNewestFirst(fresh)
	if len(fresh) > p.opts.MaxItems {
		for _, it := range fresh[p.opts.MaxItems:] { // too old to matter: never fetch them
			done = append(done, it.Key())
		}
		fresh = fresh[:p.opts.MaxItems]
	}
	source := sourceName(f)
	for _, it := range fresh {
		if ctx.Err() != nil {
			break
		}
		fi, ok, fetchErr := p.buildItem(ctx, f.URL, source, it)
		if fetchErr {
			s.ArticleErrors++
		}
		if !ok { // transient failure: try again next poll
			continue
		}
		s.Items++
		if err := p.handle(ctx, fi); err != nil {
			return len(fresh), fmt.Errorf("poll %s: hand on %s: %w", f.URL, fi.Origin, err)
		}
		done = append(done, it.Key())
	}
	if err := p.st.MarkSeen(context.WithoutCancel(ctx), f.URL, done, p.opts.Now()); err != nil {
		return len(fresh), fmt.Errorf("poll %s: mark seen: %w", f.URL, err)
	}
	return len(fresh), nil
}

// save stores f, wrapping a failure.
func (p *Poller) save(ctx context.Context, f Feed) error {
	if err := p.st.UpdateFeed(context.WithoutCancel(ctx), f); err != nil {
		return fmt.Errorf("poll %s: save state: %w", f.URL, err)
	}
	return nil
}

// sourceName names the outlet: the feed's title, else its site's host.
func sourceName(f Feed) string {
	if t := strings.TrimSpace(f.Title); t != "" {
		return t
	}
	for _, raw := range []string{f.SiteURL, f.URL} {
		if u, err := url.Parse(raw); err == nil && u.Hostname() != "" {
			return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
		}
	}
	return ""
}
