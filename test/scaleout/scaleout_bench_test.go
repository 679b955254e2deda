package scaleout_test

import (
	"fmt"
	"os"
	"parallax/internal/clitest"
	"parallax/internal/queue/natsq/natstest"
	"parallax/internal/shared"
	"parallax/internal/store/postgres/pgtest"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// BenchmarkScaleOut runs the roles as separate processes (`publish`, N
// `worker --drain`, two `clusterer --once`, two `briefs --once`) on real
// PostgreSQL and NATS servers with 1, 2 and 4 workers, checks the run as
// TestScaleOutWorkers does, and reports the CPU time (user+system, from
// each process's rusage, so that a busy machine does not count) of the
// workers and of all processes, per stored article and as a ratio to one
// worker. Run it with
//
//	go test ./test/scaleout -run '^$' -bench 'ScaleOut$' -benchtime 1x -v -timeout 0
//
// PARALLAX_SCALE_LINES chooses how many lines of dev-stream.jsonl (default
// all), PARALLAX_SCALE_WORKERS the configurations (default "1,2,4"), and
// PARALLAX_SCALE_REFDB a SQLite store that `parallax ingest` made of the
// same lines with the same binary, to skip the one-process reference run;
// PARALLAX_SCALE_PROFILE a folder for a CPU profile of each worker process.
func BenchmarkScaleOut(b *testing.B) {
	bin := clitest.Binary(b)
	dir := b.TempDir()
	in := scaleInput(b, dir)
	counts, err := intList(envOr("PARALLAX_SCALE_WORKERS", "1,2,4"))
	if err != nil {
		b.Fatal(err)
	}
	pg, ns := pgtest.Start(b), natstest.Start(b)

	want := reference(b, bin, in, dir)
	b.Logf("%s, load average %s", time.Now().UTC().Format(time.RFC3339), loadAverage())

	var rows []string
	var base [2]float64 // one worker's worker and total CPU per article
	for _, n := range counts {
		b.Run(fmt.Sprintf("Workers%d", n), func(b *testing.B) {
			for range b.N {
				r := runScale(b, bin, pg, ns, in, n, true)
				r.check(b, want, ns.URL)
				arts := float64(len(r.got.story))
				if arts == 0 {
					b.Fatal("no article stored")
				}
				w, all := r.cpu("worker").Seconds()/arts, r.cpu("").Seconds()/arts
				if n == 1 || base[0] == 0 {
					base = [2]float64{w, all}
				}
				b.ReportMetric(w*1000, "worker-cpu-ms/article")
				b.ReportMetric(all*1000, "cpu-ms/article")
				b.ReportMetric(w/base[0], "worker-ratio")
				b.ReportMetric(all/base[1], "cpu-ratio")
				rows = append(rows, fmt.Sprintf("| %d | %d | %.1f s | %.2f ms | %.2f× | %.1f s | %.2f ms | %.2f× | %v | %d | %d | %d |",
					n, len(r.got.story), r.cpu("worker").Seconds(), w*1000, w/base[0], r.cpu("").Seconds(), all*1000, all/base[1],
					r.codes(), len(r.got.dupOf), want.placedDifferently(r.got), want.otherIDs(r.got)))
				b.Logf("roles' CPU: publish %v, workers %v, clusterers %v, brief writers %v; worker wall %v",
					r.cpu("publish").Round(time.Millisecond), r.cpu("worker").Round(time.Millisecond),
					r.cpu("clusterer").Round(time.Millisecond), r.cpu("briefs").Round(time.Millisecond),
					r.wall["worker"].Round(time.Millisecond))
			}
		})
	}
	b.Logf("| workers | articles | workers' CPU | per article | ratio | all processes' CPU | per article | ratio | exit codes | near-dup links (one process: %d) | placed differently | exact duplicates kept under another id |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n%s",
		len(want.dupOf), strings.Join(rows, "\n"))
	b.Logf("%s, load average %s", time.Now().UTC().Format(time.RFC3339), loadAverage())
}

// reference is the snapshot of one `ingest` process of in: the SQLite
// store PARALLAX_SCALE_REFDB names, made of the same lines by the same
// code, else a new run.
func reference(b testing.TB, bin, in, dir string) storeSnapshot {
	if ref := os.Getenv("PARALLAX_SCALE_REFDB"); ref != "" {
		return snapshotSQLite(b, ref)
	}
	want, cpu := oneProcess(b, bin, in, dir)
	b.Logf("one process (ingest on SQLite): %v CPU", cpu.Round(time.Millisecond))
	return want
}

// scaleInput writes the first PARALLAX_SCALE_LINES lines of
// dev-stream.jsonl (all by default) to dir and returns the file.
func scaleInput(b testing.TB, dir string) string {
	src := shared.TestData(b, "cluster", "dev-stream.jsonl")
	lines := envOr("PARALLAX_SCALE_LINES", "")
	if lines == "" || lines == "all" {
		return src
	}
	n, err := strconv.Atoi(lines)
	if err != nil || n <= 0 {
		b.Fatalf("PARALLAX_SCALE_LINES=%q: want a positive number", lines)
	}
	return clitest.HeadLines(b, src, filepath.Join(dir, "stream.jsonl"), n)
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

// intList parses "1,2,4".
func intList(s string) ([]int, error) {
	var ns []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			return nil, fmt.Errorf("%q: want positive numbers separated by commas", s)
		}
		ns = append(ns, n)
	}
	return ns, nil
}

// loadAverage is the first three fields of /proc/loadavg.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}
