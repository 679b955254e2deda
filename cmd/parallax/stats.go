package main

import (
	"context"
	"encoding/json"
	"fmt"

	"parallax/internal/store"
)

func init() {
	register(command{Name: "stats", Summary: "print store counts", Run: runStats})
}

func runStats(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "stats", "[--db FILE] [--json]")
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "print one JSON object")
	if err := parseFlags(fs, args); err != nil {
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
	return printRejections(ctx, e, st)
}

// printRejections lists the inputs with the most rejections, each with its
// first few (the store keeps store.RejectedPerInput of each).
func printRejections(ctx context.Context, e *env, st store.Store) error {
	l, ok := st.(store.RejectionLister)
	if !ok {
		return nil
	}
	const inputs, examples = 10, 3
	sums, err := l.Rejections(ctx, inputs, examples)
	if err != nil {
		return fmt.Errorf("stats: %w", err)
	}
	if len(sums) > 0 {
		fmt.Fprintf(e.Stdout, "\nrejected inputs (the %d with the most rejections, the first %d of each):\n", inputs, examples)
	}
	for _, r := range sums {
		fmt.Fprintf(e.Stdout, "  %s: %d\n", r.Input, r.Total)
		for _, x := range r.Examples {
			fmt.Fprintf(e.Stdout, "    %s\n", oneLine(errString(x.Reason)))
		}
	}
	return nil
}
