package main

import (
	"context"
	"fmt"
	"runtime"
	"sort"
	"strings"

	"parallax/internal/ingest/files"
	_ "parallax/internal/ingest/warc" // .warc and .warc.gz inputs
	"parallax/internal/pipeline"
)

func init() {
	register(command{Name: "ingest", Summary: "ingest files or folders (.html, .txt, .jsonl, .warc[.gz]) through every stage", Run: runIngest})
}

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "ingest", "[--db FILE] PATH...")
	db := dbFlag(fs)
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "extraction workers")
	maxBytes := fs.Int64("max-bytes", files.DefaultMaxBytes, "largest file or JSONL line read")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: no PATH given", errUsage)
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	p, err := pipeline.New(ctx, st, pipeline.DefaultOptions(), e.Log)
	if err != nil {
		return err
	}
	prog := newProgress(e)
	walk := func(emit func(files.Item) error) error {
		return files.Walk(ctx, fs.Args(), files.Options{MaxBytes: *maxBytes}, emit, func(p string) {
			e.Log.Debug("skipped: not an article file", "path", p)
		})
	}
	sum, err := p.Ingest(ctx, newQueue(e), walk, *workers, func(o pipeline.Outcome) {
		if o.Status == pipeline.Rejected {
			prog.Clear()
			fmt.Fprintf(e.Stderr, "rejected: %v\n", oneLine(o.Err))
		}
		prog.Add(o)
	})
	prog.Done()
	printSummary(e, sum)
	return err
}

func printSummary(e *env, s pipeline.Summary) {
	fmt.Fprintf(e.Stderr, "read %d, new %d (near-duplicate %d), duplicate %d, rejected %d; clustered %d, briefs written %d\n",
		s.Read, s.Added, s.NearDuplicate, s.Duplicate, s.Rejected, s.Clustered, s.Briefs)
	reasons := make([]string, 0, len(s.Reasons))
	for r := range s.Reasons {
		reasons = append(reasons, r)
	}
	sort.Strings(reasons)
	for _, r := range reasons {
		fmt.Fprintf(e.Stderr, "  rejected %d× %s\n", s.Reasons[r], r)
	}
}

// oneLine keeps an error message on one line.
func oneLine(err error) string {
	if err == nil {
		return ""
	}
	return strings.Join(strings.Fields(err.Error()), " ")
}
