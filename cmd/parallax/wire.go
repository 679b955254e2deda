package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"parallax/internal/pipeline"
	"parallax/internal/queue"
	"parallax/internal/queue/memory"
	"parallax/internal/store"
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
	return fs.String("db", def, "SQLite database file (env PARALLAX_DB)")
}

// openStore opens the embedded SQLite store.
func openStore(ctx context.Context, path string) (store.Store, error) {
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return st, nil
}

// openPipeline opens the store and a pipeline over it (which restores the
// clustering state); the caller closes the store.
func openPipeline(ctx context.Context, e *env, path string) (store.Store, *pipeline.Pipeline, error) {
	st, err := openStore(ctx, path)
	if err != nil {
		return nil, nil, err
	}
	p, err := pipeline.New(ctx, st, pipeline.DefaultOptions(), e.Log)
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return st, p, nil
}

// newQueue returns the in-process queue.
func newQueue(e *env) queue.Queue { return memory.New(memory.Options{Logger: e.Log}) }
