package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"parallax/internal/ingest/files"
	"parallax/internal/model"
	"parallax/internal/pipeline"
	"parallax/internal/search"
	"parallax/internal/shared"
	"parallax/internal/store/sqlite"
)

// searchBenchQueries are typical searches of the two dev cluster files (US
// crime reports of 2013-2014, world news topics of 1996): single words,
// two words, a phrase, an exclusion, an entity, an outlet, dates. Set
// PARALLAX_BENCH_QUERIES (";"-separated) to use others.
var searchBenchQueries = []string{
	"shooting",
	"police",
	"china",
	"orphanage",
	"police arrested",
	`"new year"`,
	"shooting -chicago",
	"person:obama",
	"place:mongolia",
	"org:police",
	"shooting outlet:chicagotribune.com",
	"police after:2014-01-01 before:2014-06-01",
}

// searchDevStore opens the benchmark store: PARALLAX_BENCH_DB when set, else
// both dev cluster files ingested, clustered and briefed (a few minutes
// on a busy machine) into the benchmark's temporary folder.
func searchDevStore(b *testing.B) (*sqlite.DB, string) {
	b.Helper()
	path := os.Getenv("PARALLAX_BENCH_DB")
	if path == "" {
		var err error
		if path, err = buildSearchDevStore(b); err != nil {
			b.Fatal(err)
		}
	}
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db, path
}

// buildSearchDevStore runs the pipeline over dev.jsonl and dev-topics.jsonl.
func buildSearchDevStore(b *testing.B) (string, error) {
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "dev.db")
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		return "", err
	}
	defer db.Close()
	p, err := pipeline.New(ctx, db, pipeline.DefaultOptions(), slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		return "", err
	}
	for _, name := range []string{"dev.jsonl", "dev-topics.jsonl"} {
		err := readSearchDev(b, name, func(it files.Item) error {
			_, err := p.Add(ctx, it)
			return err
		})
		if err != nil {
			return "", err
		}
	}
	if _, err := p.ClusterPending(ctx); err != nil {
		return "", err
	}
	if _, err := p.BriefStale(ctx); err != nil {
		return "", err
	}
	return path, nil
}

// readSearchDev emits the records of one dev cluster file.
func readSearchDev(b *testing.B, name string, emit func(files.Item) error) error {
	f, err := os.Open(filepath.Join(shared.TestData(b, "cluster"), name))
	if err != nil {
		return err
	}
	defer f.Close()
	return files.ReadJSONL(context.Background(), f, name, files.Options{}, emit)
}

// BenchmarkSearch runs each typical query (20 results, first page) on
// the dev store, reporting queries/s and the 95th and 99th percentile
// latency; like/QUERY runs the naive alternative on the same store, a
// LIKE scan over titles and texts for the query's words (articles only,
// unranked), for a ratio.
func BenchmarkSearch(b *testing.B) {
	db, path := searchDevStore(b)
	plain := searchRawDB(b, path)
	queries := searchBenchQueries
	if s := os.Getenv("PARALLAX_BENCH_QUERIES"); s != "" {
		queries = strings.Split(s, ";")
	}
	ctx := context.Background()
	for _, raw := range queries {
		q, err := search.Parse(raw)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(raw, func(b *testing.B) {
			var total int
			searchLatencies(b, func() {
				res, err := db.Search(ctx, q, 20, 0)
				if err != nil {
					b.Fatal(err)
				}
				total = res.Total
			})
			b.ReportMetric(float64(total), "matches")
		})
		b.Run("like/"+raw, func(b *testing.B) {
			var total int
			searchLatencies(b, func() { total = searchLikeScan(b, plain, q) })
			b.ReportMetric(float64(total), "matches")
		})
	}
}

// searchLatencies runs f in b.Loop and reports queries/s, CPU time a query
// (the steadier figure on a shared machine), p95 and p99 wall time.
func searchLatencies(b *testing.B, f func()) {
	var ds []time.Duration
	start, cpu0 := time.Now(), searchCPUTime()
	for b.Loop() {
		t := time.Now()
		f()
		ds = append(ds, time.Since(t))
	}
	elapsed, cpu := time.Since(start), searchCPUTime()-cpu0
	slices.Sort(ds)
	pct := func(p float64) float64 {
		return float64(ds[min(len(ds)-1, int(p*float64(len(ds))))].Microseconds()) / 1000
	}
	b.ReportMetric(float64(len(ds))/elapsed.Seconds(), "queries/s")
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(len(ds)), "cpu-ms/query")
	b.ReportMetric(pct(0.95), "p95-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
}

// searchLikeScan counts the articles whose title or text holds every text
// clause of q as a substring (case-insensitive for ASCII) and none of the
// exclusions: what a store without an index could do.
func searchLikeScan(b *testing.B, raw *sql.DB, q search.Query) int {
	var conds []string
	var args []any
	for _, c := range q.TextClauses() {
		conds = append(conds, `(title LIKE ? OR body LIKE ?)`)
		p := "%" + strings.Join(c, " ") + "%"
		args = append(args, p, p)
	}
	for _, c := range q.Exclude {
		conds = append(conds, `NOT (title LIKE ? OR body LIKE ?)`)
		p := "%" + strings.Join(c, " ") + "%"
		args = append(args, p, p)
	}
	var n int
	err := raw.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM articles WHERE `+strings.Join(conds, " AND "), args...).Scan(&n)
	if err != nil {
		b.Fatal(err)
	}
	return n
}

// searchRawDB opens a second, plain connection pool on a store's file.
func searchRawDB(b *testing.B, path string) *sql.DB {
	raw, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { raw.Close() })
	return raw
}

// dropSearchTriggers stops a store indexing new articles and briefs
// (SQLite migration 0011's triggers), to measure what indexing costs.
func dropSearchTriggers(ctx context.Context, raw *sql.DB) error {
	for _, t := range []string{"articles_fts_insert", "articles_fts_delete", "articles_fts_update",
		"stories_fts_insert", "stories_fts_delete", "stories_fts_update"} {
		if _, err := raw.ExecContext(ctx, `DROP TRIGGER `+t); err != nil {
			return err
		}
	}
	return nil
}

// BenchmarkSearchIndexCost stores the dev cluster files' articles (text as
// given, no extraction) into a fresh store per iteration, with the
// search index's triggers and with them dropped, and reports CPU and
// wall time per article: what indexing adds to storing.
func BenchmarkSearchIndexCost(b *testing.B) {
	var arts []*model.Article
	for _, name := range []string{"dev.jsonl", "dev-topics.jsonl"} {
		err := readSearchDev(b, name, func(it files.Item) error {
			if it.Err == nil && it.Rec != nil && it.Rec.Text != "" {
				r := it.Rec
				arts = append(arts, &model.Article{ID: fmt.Sprintf("a%d", len(arts)), URL: r.URL, Source: r.Source,
					Title: r.Title, Text: r.Text, Published: r.Published, ContentHash: fmt.Sprintf("h%d", len(arts))})
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	for _, indexed := range []bool{true, false} {
		name := map[bool]string{true: "indexed", false: "unindexed"}[indexed]
		b.Run(name, func(b *testing.B) {
			ctx := context.Background()
			var cpu, wall time.Duration
			var n int
			for b.Loop() {
				b.StopTimer()
				path := filepath.Join(b.TempDir(), "cost.db")
				db, err := sqlite.Open(ctx, path)
				if err != nil {
					b.Fatal(err)
				}
				if !indexed {
					if err := dropSearchTriggers(ctx, searchRawDB(b, path)); err != nil {
						b.Fatal(err)
					}
				}
				b.StartTimer()
				c0, t0 := searchCPUTime(), time.Now()
				for _, a := range arts {
					if _, _, err := db.AddArticle(ctx, a); err != nil {
						b.Fatal(err)
					}
				}
				cpu, wall, n = cpu+searchCPUTime()-c0, wall+time.Since(t0), n+len(arts)
				b.StopTimer()
				db.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(cpu.Microseconds())/float64(n), "cpu-µs/article")
			b.ReportMetric(float64(wall.Microseconds())/float64(n), "wall-µs/article")
		})
	}
}

// searchCPUTime is the process's user and system CPU time so far.
func searchCPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
