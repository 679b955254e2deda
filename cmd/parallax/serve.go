package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/netip"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"parallax/internal/follow"
	"parallax/internal/ingest/fetch"
	"parallax/internal/ingest/poll"
	"parallax/internal/web"
)

func init() {
	register(command{Name: "serve", Summary: "serve the web UI and JSON API, following feeds", Run: runServe})
}

// runServe serves the UI and API over the store and, unless --no-poll,
// follows the stored feeds (a default list of public news feeds when none
// is followed yet), sending new articles through the whole pipeline.
func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "serve", "[--db FILE] [--addr 127.0.0.1:8080] [--no-poll] [--allow-private] [--password-file FILE]")
	db := dbFlag(fs)
	defAddr := "127.0.0.1:8080"
	if v := os.Getenv("PARALLAX_ADDR"); v != "" {
		defAddr = v
	}
	addr := fs.String("addr", defAddr, "listen address (env PARALLAX_ADDR)")
	noPoll := fs.Bool("no-poll", os.Getenv("PARALLAX_NO_POLL") != "", "do not follow feeds (env PARALLAX_NO_POLL)")
	allowPrivate := fs.Bool("allow-private", false, "allow feeds, pages and webhooks on loopback/private addresses")
	workers := fs.Int("workers", poll.DefaultOptions().Workers, "feeds polled at once")
	metricsAllow := fs.String("metrics-allow", metricsAllowDefault(),
		"networks /metrics answers, comma-separated CIDRs or addresses (env PARALLAX_METRICS_ALLOW)")
	passwordFile := fs.String("password-file", "", "file whose first line is the operator's password (env PARALLAX_PASSWORD_FILE; else env PARALLAX_PASSWORD)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	pwHash, err := operatorPassword(*passwordFile)
	if err != nil {
		return err
	}
	allow, err := parsePrefixes(*metricsAllow)
	if err != nil {
		return fmt.Errorf("%w: --metrics-allow: %v", errUsage, err)
	}
	// Listen at once: the pages read the store. The pipeline (its saved
	// state, then what an interrupted run left) starts beside it, and
	// /healthz says "ok" once it has.
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	fst, err := feedList(st, *db)
	if err != nil {
		return err
	}
	// The sources page wakes the poller when a feed is added or due now.
	wake := make(chan struct{}, 1)
	pollNow := func() {
		select {
		case wake <- struct{}{}:
		default:
		}
	}
	var ready readiness
	ready.set("loading the clustering state")
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		return web.Run(gctx, st, web.Options{Addr: *addr, Log: e.Log, Ready: ready.err, MetricsAllow: allow,
			PasswordHash: pwHash, Fetch: fetch.New(fetch.Options{AllowPrivate: *allowPrivate}), PollNow: pollNow})
	})
	g.Go(func() error {
		// Webhooks of saved follows: the deliveries an ingest or the
		// poller queued, with their retries (internal/follow).
		return follow.NewDeliverer(st, follow.DeliverOptions{AllowPrivate: *allowPrivate, BaseURL: "http://" + *addr,
			Log: e.Log}).Run(gctx)
	})
	g.Go(func() error {
		start := time.Now()
		p, err := newPipeline(gctx, e, st)
		if err != nil {
			return err
		}
		ready.set("placing unclustered articles and rewriting stale briefs")
		// Finish what an interrupted run left: unclustered articles, stale briefs.
		if err := settle(gctx, e, p, poll.Stats{}); err != nil {
			return err
		}
		ready.set("")
		e.Log.Info("ready", "took", time.Since(start).Round(time.Millisecond))
		if *noPoll {
			return nil
		}
		if added, err := poll.FollowDefaults(gctx, fst, time.Now()); err != nil {
			e.Log.Warn("could not add the default feeds", "err", err)
		} else if added > 0 {
			e.Log.Info("following the default news feeds", "feeds", added)
		}
		poller := newPoller(e, fst, p, *allowPrivate, *workers, wake)
		return poller.Run(gctx)
	})
	return g.Wait()
}

// readiness is what serve is still doing before it is ready ("" once it
// is), for /healthz.
type readiness struct {
	mu    sync.Mutex
	doing string
}

func (r *readiness) set(doing string) {
	r.mu.Lock()
	r.doing = doing
	r.mu.Unlock()
}

// err is nil once ready, else what serve is doing.
func (r *readiness) err() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.doing == "" {
		return nil
	}
	return errors.New(r.doing)
}

// parsePrefixes reads comma-separated networks (CIDRs, or single
// addresses); none at all allows no address.
func parsePrefixes(s string) ([]netip.Prefix, error) {
	out := []netip.Prefix{}
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if p, err := netip.ParsePrefix(f); err == nil {
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(f)
		if err != nil {
			return nil, fmt.Errorf("%q is neither a network nor an address", f)
		}
		out = append(out, netip.PrefixFrom(a, a.BitLen()))
	}
	return out, nil
}

func metricsAllowDefault() string {
	return cmp.Or(os.Getenv("PARALLAX_METRICS_ALLOW"), "127.0.0.0/8,::1/128")
}
