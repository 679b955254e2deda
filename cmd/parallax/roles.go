package main

import (
	"context"
	"fmt"
	"time"

	"parallax/internal/ingest/fetch"
	"parallax/internal/ingest/files"
	"parallax/internal/ingest/poll"
	"parallax/internal/ingest/sitemap"
	"parallax/internal/pipeline"
	"parallax/internal/queue"
)

func init() {
	register(command{Name: "clusterer", Summary: "scale-out role: place stored articles in stories, one elected process at a time", Run: runClusterer})
	register(command{Name: "briefs", Summary: "scale-out role: write the briefs of changed stories, each claimed by one process", Run: runBriefs})
	register(command{Name: "poller", Summary: "scale-out role: follow the feeds and queue new articles on the shared NATS queue for workers", Run: runPoller})
	register(command{Name: "publish", Summary: "scale-out role: queue files, folders or sitemaps on the shared NATS queue for workers", Run: runPublish})
}

// runClusterer is the clusterer role: any number may run; the store
// elects one, which places the stored articles whenever the work queue is
// drained; when it dies another takes over within about --retry.
func runClusterer(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "clusterer", "[--db FILE|URL] [--queue nats://HOST:4222] [--once] [--retry 1s] [--max-wait 1m]")
	db := dbFlag(fs)
	queueAddr := queueFlag(fs)
	once := fs.Bool("once", false, "place what is pending once the queue is drained, then exit")
	retry := fs.Duration("retry", pipeline.DefaultRetry, "how often to ask for the role and look for work")
	maxWait := fs.Duration("max-wait", pipeline.DefaultMaxWait, "place stored articles at least this often even while the queue never drains")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	st, p, err := openPipeline(ctx, e, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	opts := pipeline.ClustererOptions{Retry: *retry, MaxWait: *maxWait, Once: *once, OnPass: func(n int) {
		if n > 0 || *once {
			fmt.Fprintf(e.Stderr, "clustered %d\n", n)
		}
	}}
	if *queueAddr != "" {
		q, err := openQueue(ctx, e, *queueAddr)
		if err != nil {
			return err
		}
		defer q.Close()
		opts.Backlog = q.(queue.Backlog)
	}
	return p.RunClusterer(ctx, opts)
}

// runBriefs is the brief-writer role: any number may run; each stale
// brief is claimed by one of them and written once per change.
func runBriefs(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "briefs", "[--db FILE|URL] [--once] [--every 2s]")
	db := dbFlag(fs)
	once := fs.Bool("once", false, "write the stale briefs once, then exit")
	every := fs.Duration("every", 2*time.Second, "pause between passes")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	p := pipeline.NewWorker(st, pipeline.DefaultOptions(), e.Log)
	total := 0
	defer func() { fmt.Fprintf(e.Stderr, "briefs written %d\n", total) }()
	for {
		n, err := p.BriefStale(ctx)
		total += n
		if ctx.Err() != nil {
			return nil
		}
		if err != nil || *once {
			return err
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(*every):
		}
	}
}

// runPublish queues inputs on the shared queue and returns once they are
// stored there (JetStream's acknowledgement); workers do the rest.
func runPublish(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "publish", "--queue nats://HOST:4222 [--allow-private] PATH|SITEMAP-URL...")
	queueAddr := queueFlag(fs)
	maxBytes := fs.Int64("max-bytes", maxBytesDefault, "largest file or JSONL line read")
	allowPrivate := fs.Bool("allow-private", false, "allow sitemaps on loopback/private addresses")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *queueAddr == "" || fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: publish needs --queue and a PATH", errUsage)
	}
	q, err := openQueue(ctx, e, *queueAddr)
	if err != nil {
		return err
	}
	defer q.Close()
	n, err := pipeline.PublishItems(ctx, q, inputWalker(ctx, e, fs.Args(), *maxBytes, *allowPrivate))
	fmt.Fprintf(e.Stderr, "queued %d\n", n)
	return err
}

// maxBytesDefault is the largest file or JSONL line read.
const maxBytesDefault = files.DefaultMaxBytes

// inputWalker emits the items of files, folders and sitemap URLs, as
// ingest reads them.
func inputWalker(ctx context.Context, e *env, args []string, maxBytes int64, allowPrivate bool) func(emit func(files.Item) error) error {
	paths, urls := splitURLs(args)
	return func(emit func(files.Item) error) error {
		if err := files.Walk(ctx, paths, files.Options{MaxBytes: maxBytes}, emit, func(p string) {
			e.Log.Debug("skipped: not an article file", "path", p)
		}); err != nil {
			return err
		}
		client := fetch.New(fetch.Options{AllowPrivate: allowPrivate})
		for _, u := range urls {
			if err := sitemap.Items(ctx, client, u, sitemap.Options{}, emit); err != nil {
				return err
			}
		}
		return nil
	}
}

// runPoller is the poller role: it follows the store's feeds like `poll`
// but hands each new item to the shared queue instead of storing it, so
// that the workers extract and store it and the clusterer places it.
func runPoller(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "poller", "--queue nats://HOST:4222 [--db FILE|URL] [--once] [--allow-private]")
	db := dbFlag(fs)
	queueAddr := queueFlag(fs)
	once := fs.Bool("once", false, "poll every followed feed once, then exit")
	allowPrivate := fs.Bool("allow-private", false, "allow feeds and pages on loopback/private addresses")
	workers := fs.Int("workers", poll.DefaultOptions().Workers, "feeds polled at once")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *queueAddr == "" {
		fs.Usage()
		return fmt.Errorf("%w: the poller needs --queue (or PARALLAX_QUEUE)", errUsage)
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	fst, err := feedList(st, *db)
	if err != nil {
		return err
	}
	q, err := openQueue(ctx, e, *queueAddr)
	if err != nil {
		return err
	}
	defer q.Close()
	opts := poll.DefaultOptions()
	opts.Workers, opts.Log = *workers, e.Log
	handle := func(ctx context.Context, it files.Item) error { return pipeline.PublishItem(ctx, q, it) }
	poller := poll.New(fst, fetch.New(fetch.Options{AllowPrivate: *allowPrivate}), handle, opts)
	if !*once {
		return poller.Run(ctx)
	}
	s, err := poller.OnceAll(ctx)
	fmt.Fprintf(e.Stderr, "polled %d feed(s): %d unchanged, %d failed; %d new item(s) queued, %d already seen\n",
		s.Feeds, s.NotModified, s.Failed, s.Items, s.Seen)
	return err
}
