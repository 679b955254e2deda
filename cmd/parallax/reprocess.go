package main

import (
	"context"
	"errors"
	"fmt"

	"parallax/internal/pipeline"
	"parallax/internal/store"
)

func init() {
	register(command{Name: "reprocess", Summary: "re-extract stored inputs, then re-cluster and rewrite briefs (no fetching)", Run: runReprocess})
}

// reprocessCounts is what a reprocess run did.
type reprocessCounts struct {
	updated, failed, noInput int
}

func runReprocess(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "reprocess", "[--db FILE]")
	db := dbFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	c, err := reextract(ctx, e, st)
	if err != nil {
		return err
	}
	if err := st.ResetStories(ctx); err != nil {
		return err
	}
	p, err := pipeline.New(ctx, st, pipeline.DefaultOptions(), e.Log)
	if err != nil {
		return err
	}
	clustered, briefs, err := p.Settle(ctx)
	fmt.Fprintf(e.Stderr, "re-extracted %d, failed %d, without stored input %d; clustered %d, briefs written %d\n",
		c.updated, c.failed, c.noInput, clustered, briefs)
	return err
}

// reextract runs extraction again on every article's stored input and
// replaces the article's text and metadata, keeping its id.
func reextract(ctx context.Context, e *env, st store.Store) (reprocessCounts, error) {
	var c reprocessCounts
	ids, err := st.ArticleIDs(ctx)
	if err != nil {
		return c, err
	}
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return c, err
		}
		pr, err := st.Provenance(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			c.noInput++
			continue
		}
		if err != nil {
			return c, err
		}
		it, err := pipeline.DecodeProvenance(pr)
		if err != nil {
			c.failed++
			fmt.Fprintf(e.Stderr, "reprocess %s: %v\n", id, oneLine(err))
			continue
		}
		a, err := pipeline.Prepare(it, pr.Fetched)
		if err == nil {
			a.ID = id
			err = st.UpdateArticle(ctx, a)
		}
		if err != nil {
			c.failed++
			fmt.Fprintf(e.Stderr, "reprocess %s: %v\n", id, oneLine(err))
			continue
		}
		c.updated++
	}
	return c, nil
}
