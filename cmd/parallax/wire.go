package main

import (
	"context"
	"flag"
	"fmt"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"parallax/internal/pipeline"
	"parallax/internal/queue"
	"parallax/internal/queue/memory"
	"parallax/internal/queue/natsq"
	"parallax/internal/store"
	"parallax/internal/store/postgres"
	"parallax/internal/store/sqlite"
)

// defaultDB is the embedded store's file unless --db or PARALLAX_DB says
// otherwise.
const defaultDB = "parallax.db"

// dbFlag registers --db with its PARALLAX_DB equivalent.
func dbFlag(fs *flag.FlagSet) *string {
	def := defaultDB
	if v := os.Getenv("PARALLAX_DB"); v != "" {
		def = v
	}
	return fs.String("db", def, "store: a SQLite database file, or a postgres:// URL for PostgreSQL (env PARALLAX_DB)")
}

// isPostgres tells a PostgreSQL URL from a SQLite file name.
func isPostgres(db string) bool {
	l := strings.ToLower(db)
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://")
}

// redact hides the password of a store URL, for messages.
func redact(db string) string {
	if !isPostgres(db) {
		return db
	}
	u, err := url.Parse(db)
	if err != nil {
		return "postgres://…"
	}
	return u.Redacted()
}

// openStore opens the store --db names: the embedded SQLite file by
// default, PostgreSQL for a postgres:// URL.
func openStore(ctx context.Context, db string) (store.Store, error) {
	var (
		st  store.Store
		err error
	)
	if isPostgres(db) {
		st, err = postgres.Open(ctx, db)
	} else {
		st, err = sqlite.Open(ctx, db)
	}
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", redact(db), err)
	}
	return st, nil
}

// openPipeline opens the store and a pipeline over it (which restores the
// clustering state); the caller closes the store.
func openPipeline(ctx context.Context, e *env, db string) (store.Store, *pipeline.Pipeline, error) {
	st, err := openStore(ctx, db)
	if err != nil {
		return nil, nil, err
	}
	p, err := newPipeline(ctx, e, st)
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return st, p, nil
}

// newPipeline builds a pipeline over an open store with the default
// options (PARALLAX_STATE_EVERY: articles clustered per transaction).
func newPipeline(ctx context.Context, e *env, st store.Store) (*pipeline.Pipeline, error) {
	opts := pipeline.DefaultOptions()
	if v := os.Getenv("PARALLAX_STATE_EVERY"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return nil, fmt.Errorf("%w: PARALLAX_STATE_EVERY=%q: want a positive number of articles", errUsage, v)
		}
		opts.StateEvery = n
	}
	return pipeline.New(ctx, st, opts, e.Log)
}

// queueFlag registers --queue with its PARALLAX_QUEUE equivalent.
func queueFlag(fs *flag.FlagSet) *string {
	return fs.String("queue", os.Getenv("PARALLAX_QUEUE"),
		"work queue: empty for in-process, or a nats:// URL for NATS JetStream (env PARALLAX_QUEUE)")
}

// openQueue returns the in-process queue, or for a nats:// URL the queue
// on NATS JetStream that every process of a deployment shares: one durable
// work-queue stream (PARALLAX_QUEUE_STREAM, default "parallax") that
// `ingest --queue`, `publish` and the poller fill and `worker`s empty, so
// that what a crashed process took is redelivered to another after the
// acknowledgement wait (PARALLAX_QUEUE_ACK_WAIT, default 30s). The caller
// closes the queue.
func openQueue(ctx context.Context, e *env, addr string) (queue.Queue, error) {
	if addr == "" {
		return memory.New(memory.Options{Logger: e.Log}), nil
	}
	if l := strings.ToLower(addr); !strings.HasPrefix(l, "nats://") && !strings.HasPrefix(l, "tls://") {
		return nil, fmt.Errorf("%w: --queue %q: want a nats:// URL", errUsage, addr)
	}
	opts := natsq.DefaultOptions()
	opts.AckWait, opts.Logger = 30*time.Second, e.Log
	if v := os.Getenv("PARALLAX_QUEUE_STREAM"); v != "" {
		opts.Stream = v
	}
	if v := os.Getenv("PARALLAX_QUEUE_ACK_WAIT"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d < time.Second {
			return nil, fmt.Errorf("%w: PARALLAX_QUEUE_ACK_WAIT=%q: want a duration of 1s or more", errUsage, v)
		}
		opts.AckWait = d
	}
	q, err := natsq.Dial(ctx, addr, opts)
	if err != nil {
		return nil, fmt.Errorf("open queue: %w", err)
	}
	return q, nil
}
