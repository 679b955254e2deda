package main

import (
	"context"
	"encoding/json"
	"fmt"
)

func init() {
	register(command{Name: "stats", Summary: "print store counts", Run: runStats})
}

func runStats(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "stats", "[--db FILE] [--json]")
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "print one JSON object")
	if err := fs.Parse(args); err != nil {
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	s, err := st.Stats(ctx)
	if err != nil {
		return fmt.Errorf("stats: %w", err)
	}
	if *asJSON {
		enc := json.NewEncoder(e.Stdout)
		return enc.Encode(s)
	}
	fmt.Fprintf(e.Stdout, "articles   %d\nduplicates %d\nrejected   %d\nstories    %d\nevents     %d\nsources    %d\n",
		s.Articles, s.Duplicates, s.Rejected, s.Stories, s.Events, s.Sources)
	return nil
}
