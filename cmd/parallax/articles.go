package main

import (
	"context"
	"fmt"
	"os"
	"sort"
	"time"

	"parallax/internal/ingest/files"
	"parallax/internal/model"
	"parallax/internal/pipeline"
)

// readArticles reads a JSONL file (or stdin for "-") and prepares each
// record exactly as `parallax ingest` does. A bad line is reported on
// stderr, naming it, and the rest goes on.
func readArticles(ctx context.Context, e *env, in string) ([]*model.Article, error) {
	var arts []*model.Article
	now := time.Now()
	emit := func(it files.Item) error {
		for _, w := range it.Warn {
			e.Log.Warn(w)
		}
		a, err := pipeline.Prepare(it, now)
		if err != nil {
			fmt.Fprintf(e.Stderr, "rejected: %s\n", oneLine(err))
			return nil
		}
		arts = append(arts, a)
		return nil
	}
	if in == "-" {
		if err := files.ReadJSONL(ctx, e.Stdin, "stdin", files.Options{}, emit); err != nil {
			return nil, err
		}
		return arts, nil
	}
	if _, err := os.Stat(in); err != nil {
		return nil, fmt.Errorf("%s: %w", in, err)
	}
	if err := files.Walk(ctx, []string{in}, files.Options{}, emit, nil); err != nil {
		return nil, err
	}
	return arts, nil
}

// byPublication returns the indexes of arts in the order the stored
// pipeline clusters them: by publication time (the fetch time when
// unknown), ties by id.
func byPublication(arts []*model.Article) []int {
	idx := make([]int, len(arts))
	for i := range idx {
		idx[i] = i
	}
	key := func(a *model.Article) time.Time {
		if a.Published.IsZero() {
			return a.Fetched
		}
		return a.Published
	}
	sort.SliceStable(idx, func(x, y int) bool {
		a, b := arts[idx[x]], arts[idx[y]]
		if ka, kb := key(a), key(b); !ka.Equal(kb) {
			return ka.Before(kb)
		}
		return a.ID < b.ID
	})
	return idx
}
