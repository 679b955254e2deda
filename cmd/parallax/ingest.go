package main

import (
	"context"
	"fmt"
	"runtime"
	"sort"
	"strings"

	"parallax/internal/ingest/fetch"
	"parallax/internal/ingest/files"
	"parallax/internal/ingest/sitemap"
	_ "parallax/internal/ingest/warc" // .warc and .warc.gz inputs
	"parallax/internal/pipeline"
	"parallax/internal/store"
)

func init() {
	register(command{Name: "ingest", Summary: "ingest files or folders (.html, .txt, .jsonl, .warc[.gz]) or sitemap URLs through every stage", Run: runIngest})
}

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "ingest", "[--db FILE|URL] [--queue nats://HOST:4222] [--allow-private] PATH|SITEMAP-URL...")
	db := dbFlag(fs)
	queueAddr := queueFlag(fs)
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "extraction workers")
	maxBytes := fs.Int64("max-bytes", files.DefaultMaxBytes, "largest file or JSONL line read")
	allowPrivate := fs.Bool("allow-private", false, "allow sitemaps and pages on loopback/private addresses")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: no PATH given", errUsage)
	}
	st, p, err := openPipeline(ctx, e, *db)
	if err != nil {
		return storeFull(*db, err)
	}
	defer st.Close()
	q, err := openQueue(ctx, e, *queueAddr)
	if err != nil {
		return err
	}
	defer q.Close()
	prog := newProgress(e)
	p.OnProgress(prog.Phase)
	paths, urls := splitURLs(fs.Args())
	walk := func(emit func(files.Item) error) error {
		if err := files.Walk(ctx, paths, files.Options{MaxBytes: *maxBytes}, emit, func(p string) {
			e.Log.Debug("skipped: not an article file", "path", p)
		}); err != nil {
			return err
		}
		client := fetch.New(fetch.Options{AllowPrivate: *allowPrivate})
		for _, u := range urls {
			if err := sitemap.Items(ctx, client, u, sitemap.Options{}, emit); err != nil {
				return err
			}
		}
		return nil
	}
	rejects := newRejectLog(e.Stderr)
	sum, err := p.Ingest(ctx, q, walk, *workers, func(o pipeline.Outcome) {
		if o.Status == pipeline.Rejected && rejects.add(o) {
			prog.Clear()
			rejects.print(o)
		}
		prog.Add(o)
	})
	prog.Done()
	rejects.summary()
	printSummary(e, sum)
	if err != nil {
		return storeFull(*db, err)
	}
	if sum.Rejected > 0 {
		err = fmt.Errorf("%w: %d of %d input(s) rejected, the rest stored", errRejected, sum.Rejected, sum.Read)
	}
	return err
}

func printSummary(e *env, s pipeline.Summary) {
	fmt.Fprintf(e.Stderr, "read %d, new %d (near-duplicate %d), duplicate %d, rejected %d; clustered %d, briefs written %d\n",
		s.Read, s.Added, s.NearDuplicate, s.Duplicate, s.Rejected, s.Clustered, s.Briefs)
	reasons := make([]string, 0, len(s.Reasons))
	for r := range s.Reasons {
		reasons = append(reasons, r)
	}
	sort.Slice(reasons, func(i, j int) bool { // most frequent first
		if a, b := s.Reasons[reasons[i]], s.Reasons[reasons[j]]; a != b {
			return a > b
		}
		return reasons[i] < reasons[j]
	})
	const maxReasons = 10
	for i, r := range reasons {
		if i == maxReasons {
			fmt.Fprintf(e.Stderr, "  … and %d other reason(s)\n", len(reasons)-maxReasons)
			break
		}
		fmt.Fprintf(e.Stderr, "  rejected %d× %s\n", s.Reasons[r], store.ShortReason(r))
	}
}

// splitURLs separates http(s) sitemap URLs from file paths.
func splitURLs(args []string) (paths, urls []string) {
	for _, a := range args {
		if l := strings.ToLower(a); strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") {
			urls = append(urls, a)
		} else {
			paths = append(paths, a)
		}
	}
	return paths, urls
}

// oneLine keeps an error message on one line.
func oneLine(err error) string {
	if err == nil {
		return ""
	}
	return strings.Join(strings.Fields(err.Error()), " ")
}
