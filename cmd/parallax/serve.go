package main

import (
	"context"
	"os"
	"time"

	"golang.org/x/sync/errgroup"

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
	fs := newFlagSet(e, "serve", "[--db FILE] [--addr 127.0.0.1:8080] [--no-poll] [--allow-private]")
	db := dbFlag(fs)
	defAddr := "127.0.0.1:8080"
	if v := os.Getenv("PARALLAX_ADDR"); v != "" {
		defAddr = v
	}
	addr := fs.String("addr", defAddr, "listen address (env PARALLAX_ADDR)")
	noPoll := fs.Bool("no-poll", os.Getenv("PARALLAX_NO_POLL") != "", "do not follow feeds (env PARALLAX_NO_POLL)")
	allowPrivate := fs.Bool("allow-private", false, "allow feeds and pages on loopback/private addresses")
	workers := fs.Int("workers", poll.DefaultOptions().Workers, "feeds polled at once")
	if err := fs.Parse(args); err != nil {
		return err
	}
	st, p, err := openPipeline(ctx, e, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	fst, err := feedList(st, *db)
	if err != nil {
		return err
	}
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { return web.Serve(gctx, st, *addr, e.Log) })
	g.Go(func() error {
		// Finish what an interrupted run left: unclustered articles, stale briefs.
		if err := settle(gctx, e, p, poll.Stats{}); err != nil {
			return err
		}
		if *noPoll {
			return nil
		}
		if added, err := poll.FollowDefaults(gctx, fst, time.Now()); err != nil {
			e.Log.Warn("could not add the default feeds", "err", err)
		} else if added > 0 {
			e.Log.Info("following the default news feeds", "feeds", added)
		}
		return newPoller(e, fst, p, *allowPrivate, *workers).Run(gctx)
	})
	return g.Wait()
}
