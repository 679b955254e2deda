package pipeline

import (
	"context"
	"errors"
	"fmt"
	"time"

	"parallax/internal/queue"
	"parallax/internal/store"
)

// RoleClusterer is the role, elected through the store, of the one
// process that places articles in stories (and links near-duplicates).
const RoleClusterer = "clusterer"

// DefaultRetry is how often a process asks for a role another holds, and
// how often a holder looks for new work: after the holder dies, another
// takes over within about this long.
const DefaultRetry = time.Second

// Lead runs f holding role, elected through the store, and returns
// ran=false without running it if another live process holds the role.
// Without an elector (store/sqlite, one machine) f just runs. f's context
// ends if the lease is lost. Each new lease restarts the clusterer from the
// state saved in the store, so that it continues exactly from the decisions
// the previous holder stored.
func (p *Pipeline) Lead(ctx context.Context, role string, f func(ctx context.Context) error) (ran bool, err error) {
	el, ok := p.st.(store.Elector)
	if !ok {
		return true, f(ctx)
	}
	l, ok, err := el.TryLead(ctx, role)
	if err != nil || !ok {
		return false, err
	}
	defer l.Release()
	lctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		select {
		case <-l.Lost():
			p.log.Warn("lost the lease of a role", "role", role)
			cancel()
		case <-lctx.Done():
		}
	}()
	p.mu.Lock()
	p.broken = true // another process may have placed articles since: start from the store
	p.mu.Unlock()
	return true, f(lctx)
}

// clusterElected places the pending articles as the elected clusterer or,
// while another process holds that role, waits until it placed them.
// Articles queued after an input not yet stored wait for another pass.
func (p *Pipeline) clusterElected(ctx context.Context) (int, error) {
	placed := 0
	for {
		ran, err := p.Lead(ctx, RoleClusterer, func(ctx context.Context) error {
			n, err := p.ClusterPending(ctx)
			placed += n
			return err
		})
		if err != nil || ran && p.Waiting() == 0 {
			return placed, err
		}
		if !ran {
			if n, err := p.pendingCount(ctx); err != nil || n == 0 {
				return placed, err
			}
		}
		if err := sleep(ctx, DefaultRetry); err != nil {
			return 0, err
		}
	}
}

// pendingCount is how many stored articles wait for a story.
func (p *Pipeline) pendingCount(ctx context.Context) (int, error) {
	pending, err := p.st.PendingArticles(ctx)
	if err != nil {
		return 0, fmt.Errorf("pipeline: pending articles: %w", err)
	}
	return len(pending), nil
}

// DefaultMaxWait is how long the clusterer waits for the work queue to
// drain before it places what is stored anyway.
const DefaultMaxWait = time.Minute

// ClustererOptions configure RunClusterer.
type ClustererOptions struct {
	// Backlog, when set, is the shared work queue: articles are placed
	// only while it is drained, so that a batch is placed as a whole, in
	// publication order, as one process places it.
	Backlog queue.Backlog
	// Retry: see DefaultRetry.
	Retry time.Duration
	// MaxWait bounds how long pending articles wait for the queue to
	// drain under a steady flow of work (default DefaultMaxWait).
	MaxWait time.Duration
	// Once returns after the first pass that found the queue drained and
	// placed what was pending (and left nothing waiting for inputs queued
	// before it) (or after finding that another process
	// holds the role and nothing is pending).
	Once bool
	// OnPass is told what each pass placed.
	OnPass func(placed int)
}

// RunClusterer is the clusterer role: it campaigns for the role and, while
// it holds it, places the pending articles whenever the work queue is
// drained (or, under a flow that never lets it drain, every MaxWait); when it loses the role (or another holds it) it campaigns
// again. It returns when ctx ends (nil), with Once after one pass, or on
// a store error.
func (p *Pipeline) RunClusterer(ctx context.Context, o ClustererOptions) error {
	if o.Retry <= 0 {
		o.Retry = DefaultRetry
	}
	if o.MaxWait <= 0 {
		o.MaxWait = DefaultMaxWait
	}
	if o.Backlog != nil {
		p.watchQueue(o.Backlog)
	}
	for {
		done := false
		ran, err := p.Lead(ctx, RoleClusterer, func(ctx context.Context) error {
			p.log.Info("clusterer: holding the role")
			var err error
			done, err = p.clusterWhileLeading(ctx, o)
			return err
		})
		switch {
		case ctx.Err() != nil:
			return nil
		case err != nil && !errors.Is(err, context.Canceled):
			return err
		case done:
			return nil
		case !ran && o.Once:
			if n, err := p.pendingCount(ctx); err != nil || n == 0 {
				return err
			}
		}
		if err := sleep(ctx, o.Retry); err != nil {
			return nil
		}
	}
}

// clusterWhileLeading places pending articles whenever the queue is
// drained, until ctx ends (the lease lost) or, with Once, after one pass.
func (p *Pipeline) clusterWhileLeading(ctx context.Context, o ClustererOptions) (done bool, err error) {
	last := time.Now()
	for {
		drained := true
		if o.Backlog != nil {
			n, err := o.Backlog.Pending(ctx, SubjectInput)
			if err != nil {
				return false, fmt.Errorf("pipeline: queue backlog: %w", err)
			}
			drained = n == 0
		}
		if drained || time.Since(last) >= o.MaxWait && !o.Once {
			last = time.Now()
			placed, err := p.ClusterPending(ctx)
			if err != nil {
				return false, err
			}
			if o.OnPass != nil {
				o.OnPass(placed)
			}
			if o.Once && p.Waiting() == 0 {
				return true, nil
			}
		}
		if err := sleep(ctx, o.Retry); err != nil {
			return false, err
		}
	}
}

// sleep pauses for d, or until ctx ends (its error).
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
