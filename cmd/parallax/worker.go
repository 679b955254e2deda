package main

import (
	"context"
	"fmt"
	"runtime"

	"parallax/internal/pipeline"
	"parallax/internal/queue"
)

func init() {
	register(command{Name: "worker", Summary: "scale-out role: take queued inputs (extract, dedupe, store) from the shared NATS queue", Run: runWorker})
}

// runWorker is the worker role: it extracts and stores the items that
// `ingest --queue`, `publish` or a poller queued, acknowledging each once
// stored. Clustering and briefs are other roles' (`clusterer`, `briefs`).
func runWorker(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "worker", "--queue nats://HOST:4222 [--db FILE|URL] [--workers N] [--drain]")
	db := dbFlag(fs)
	queueAddr := queueFlag(fs)
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "items handled at once (fewer than GOMAXPROCS also lower GOMAXPROCS to this, unless the GOMAXPROCS variable is set)")
	drain := fs.Bool("drain", false, "exit once the queue holds no work (for batch jobs and tests)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *queueAddr == "" {
		fs.Usage()
		return fmt.Errorf("%w: a worker needs --queue (or PARALLAX_QUEUE)", errUsage)
	}
	defer limitProcs(*workers)()
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	q, err := openQueue(ctx, e, *queueAddr)
	if err != nil {
		return err
	}
	defer q.Close()
	wctx, stop := context.WithCancel(ctx)
	defer stop()
	drained := make(chan error, 1)
	if *drain {
		go func() {
			drained <- pipeline.WaitDrained(wctx, q.(queue.Backlog))
			stop()
		}()
	}
	var sum pipeline.Summary
	p := pipeline.NewWorker(st, pipeline.DefaultOptions(), e.Log)
	err = p.Work(wctx, q, *workers, func(o pipeline.Outcome) {
		if o.Status == pipeline.Rejected {
			fmt.Fprintf(e.Stderr, "rejected: %v\n", oneLine(o.Err))
		}
		sum.Count(o)
	})
	if *drain && err == nil {
		if derr := <-drained; derr != nil && ctx.Err() == nil {
			err = derr
		}
	}
	printSummary(e, sum)
	return err
}
