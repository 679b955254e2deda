// Package poll follows feeds: for every feed due, it fetches the feed
// (conditionally), finds the items it has not handed on before, fetches
// each article page unless the feed already carries the full text, and
// passes every new article as a files.Item to a callback (the pipeline's
// Add). Per-feed state lives in a FeedStore: validators, the adaptive
// polling interval, and exponential backoff with the last error for
// failing feeds.
package poll

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"parallax/internal/ingest/fetch"
	"parallax/internal/ingest/files"
)

// Handler receives each new article. With Workers > 1 it is called from
// several goroutines at once. An error stops the feed's poll and is
// returned by Once: it means the consumer (the store) is broken.
type Handler func(ctx context.Context, it files.Item) error

// Stats counts what a round did.
type Stats struct {
	Feeds         int // feeds polled
	NotModified   int // of them, unchanged (304)
	Failed        int // of them, failed (fetch or parse); see the feed's LastError
	Items         int // new items handed on
	Seen          int // items skipped because already handed on
	ArticleErrors int // article pages that could not be fetched
}

func (s *Stats) add(o Stats) {
	s.Feeds += o.Feeds
	s.NotModified += o.NotModified
	s.Failed += o.Failed
	s.Items += o.Items
	s.Seen += o.Seen
	s.ArticleErrors += o.ArticleErrors
}

// Poller polls the feeds of a FeedStore.
type Poller struct {
	st     FeedStore
	client *fetch.Client
	handle Handler
	opts   Options
}

// New returns a Poller over st that fetches with client and hands each
// new item to handle.
func New(st FeedStore, client *fetch.Client, handle Handler, opts Options) *Poller {
	return &Poller{st: st, client: client, handle: handle, opts: opts.withDefaults()}
}

// Once polls every feed that is due, and returns when all are done.
func (p *Poller) Once(ctx context.Context) (Stats, error) { return p.once(ctx, false) }

// OnceAll polls every feed once, due or not (those waiting out a backoff
// too), and returns when all are done: `parallax poll --once`.
func (p *Poller) OnceAll(ctx context.Context) (Stats, error) { return p.once(ctx, true) }

func (p *Poller) once(ctx context.Context, all bool) (Stats, error) {
	feeds, err := p.st.Feeds(ctx)
	if err != nil {
		return Stats{}, fmt.Errorf("poll: list feeds: %w", err)
	}
	now := p.opts.Now()
	due := make(chan Feed)
	var (
		mu    sync.Mutex
		total Stats
		errs  []error
		wg    sync.WaitGroup
	)
	for range p.opts.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range due {
				s, err := p.pollFeed(ctx, f)
				mu.Lock()
				total.add(s)
				if err != nil {
					errs = append(errs, err)
				}
				mu.Unlock()
			}
		}()
	}
	for _, f := range interleaveHosts(feeds) {
		if !all && f.NextPoll.After(now) {
			continue
		}
		select {
		case due <- f:
		case <-ctx.Done():
		}
	}
	close(due)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		errs = append(errs, err)
	}
	return total, errors.Join(errs...)
}

// Run polls until ctx ends, sleeping between rounds until the next feed is
// due (at most Options.Idle, so feeds added meanwhile are picked up), or
// until Options.Wake receives. A failing round is logged and the loop goes
// on. It returns nil when ctx ends.
func (p *Poller) Run(ctx context.Context) error {
	log := p.opts.Log
	for {
		s, err := p.Once(ctx)
		if ctx.Err() != nil {
			return nil
		}
		if err != nil {
			log.Error("poll round failed", "err", err)
		}
		if s.Feeds > 0 {
			log.Info("poll round", "feeds", s.Feeds, "not_modified", s.NotModified, "failed", s.Failed,
				"items", s.Items, "seen", s.Seen, "article_errors", s.ArticleErrors)
		}
		if p.opts.OnRound != nil {
			p.opts.OnRound(ctx, s)
		}
		t := time.NewTimer(p.sleep(ctx))
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-t.C:
		case <-p.opts.Wake:
			t.Stop()
		}
	}
}

// sleep is how long Run waits before the next round.
func (p *Poller) sleep(ctx context.Context) time.Duration {
	wait := p.opts.Idle
	feeds, err := p.st.Feeds(ctx)
	if err != nil {
		return wait
	}
	now := p.opts.Now()
	for _, f := range feeds {
		wait = min(wait, f.NextPoll.Sub(now))
	}
	return max(wait, time.Second)
}
