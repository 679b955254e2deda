package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"parallax/internal/clitest"
	"parallax/internal/shared"
	"parallax/internal/store/postgres/pgtest"
)

// BenchmarkLongStream replays dev-stream.jsonl (both development files as
// one stream) with shifted times, fresh ids and marked lines through the
// whole stored pipeline: `parallax ingest` of one 10,000-article file after
// another into one SQLite store, on one core, each a new process (so each
// segment also pays the start from the saved state), to
// PARALLAX_BENCH_N articles (default 100,000). It reports articles/s,
// CPU and peak RSS per segment, the last segment's speed over the
// second's, then the start costs on the full store: `ingest` of one new
// article, and `serve` until it answers /. With PARALLAX_BENCH_BASE=REV the
// same segments go through the build of that git revision too (same run,
// beside it, ratio reported); with PARALLAX_BENCH_PG=1 through PostgreSQL
// as well, beside it, whose partition must be SQLite's. With
// PARALLAX_BENCH_KEEP=DIR the SQLite store is left in DIR.
//
//	go test ./cmd/parallax -run '^$' -bench LongStream -benchtime 1x
func BenchmarkLongStream(b *testing.B) {
	n := 100_000
	if v := os.Getenv("PARALLAX_BENCH_N"); v != "" {
		fmt.Sscan(v, &n)
	}
	const seg = 10_000
	dir := b.TempDir()
	segs := writeReplaySegments(b, shared.TestData(b, "cluster", "dev-stream.jsonl"), dir, n, seg)
	bin := clitest.Binary(b)
	keep := os.Getenv("PARALLAX_BENCH_KEEP")
	for range b.N {
		dbDir := dir
		if keep != "" {
			dbDir = keep
		}
		db := filepath.Join(dbDir, fmt.Sprintf("stream-%d.db", time.Now().UnixNano()))
		// The base build and PostgreSQL run beside the SQLite run, each
		// its own process on one core: the figures compared are CPU
		// time, and the whole takes the longest run's time, not the sum.
		var wg sync.WaitGroup
		var baseRun segRuns
		if rev := os.Getenv("PARALLAX_BENCH_BASE"); rev != "" {
			base := buildRevision(b, rev, dir)
			wg.Add(1)
			go func() {
				defer wg.Done()
				baseRun = runSegments(b, "base "+rev, base, filepath.Join(dir, "base.db"), segs)
			}()
		}
		var pgURL string
		if os.Getenv("PARALLAX_BENCH_PG") != "" {
			pgURL = pgtest.Start(b).NewDatabase(b)
			wg.Add(1)
			go func() {
				defer wg.Done()
				runSegments(b, "postgres", bin, pgURL, segs)
			}()
		}
		run := runSegments(b, "sqlite", bin, db, segs)
		if k := len(run.wall); k >= 3 {
			b.ReportMetric(run.wall[k-1]/run.wall[1], "last/second")
			b.ReportMetric(run.cpu[k-1]/run.cpu[1], "last/second-cpu")
		}
		if len(run.wall) > 0 {
			b.ReportMetric(run.wall[len(run.wall)-1], "last-articles/s")
		}
		startCosts(b, bin, db, dir)
		wg.Wait()
		if baseRun.n == run.n && run.n > 0 {
			b.ReportMetric(baseRun.wallSec/run.wallSec, "x-base")
			b.ReportMetric(baseRun.cpuSec/run.cpuSec, "x-base-cpu")
		}
		if pgURL != "" && !b.Failed() {
			if a, c := partitionOf(b, db), partitionOf(b, pgURL); a != c {
				b.Error("PostgreSQL's partition differs from SQLite's")
			} else {
				b.Log("PostgreSQL's partition is SQLite's")
			}
		}
	}
}

// writeReplaySegments writes n replayed records of in, seg to a file.
// Round k (k > 0) shifts every time by k times the stream's span, gives
// ids and URLs a round mark and marks each line of text, as new
// articles' lines differ from old ones'.
func writeReplaySegments(tb testing.TB, in, dir string, n, seg int) []string {
	tb.Helper()
	f, err := os.Open(in)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var recs []map[string]any
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	var first, last time.Time
	for sc.Scan() {
		var r map[string]any
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			tb.Fatal(err)
		}
		delete(r, "story")
		if p, err := time.Parse(time.RFC3339, fmt.Sprint(r["published"])); err == nil {
			if first.IsZero() || p.Before(first) {
				first = p
			}
			if p.After(last) {
				last = p
			}
		}
		recs = append(recs, r)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	spanDays := int(last.Sub(first)/(24*time.Hour)) + 1
	var paths []string
	var w *bufio.Writer
	var out *os.File
	for i := 0; i < n; i++ {
		if i%seg == 0 {
			if w != nil {
				w.Flush()
				out.Close()
			}
			p := filepath.Join(dir, fmt.Sprintf("seg%03d.jsonl", i/seg))
			if out, err = os.Create(p); err != nil {
				tb.Fatal(err)
			}
			w = bufio.NewWriter(out)
			paths = append(paths, p)
		}
		k, r := i/len(recs), recs[i%len(recs)]
		if k > 0 {
			c := make(map[string]any, len(r))
			for key, v := range r {
				c[key] = v
			}
			mark := fmt.Sprintf(" r%d", k)
			c["id"] = fmt.Sprintf("r%d-%v", k, r["id"])
			c["url"] = fmt.Sprintf("%v?r=%d", r["url"], k)
			c["text"] = strings.ReplaceAll(fmt.Sprint(r["text"]), "\n", mark+"\n") + mark
			if p, err := time.Parse(time.RFC3339, fmt.Sprint(r["published"])); err == nil {
				c["published"] = p.AddDate(0, 0, k*spanDays).Format(time.RFC3339)
			}
			r = c
		}
		b, err := json.Marshal(r)
		if err != nil {
			tb.Fatal(err)
		}
		w.Write(b)
		w.WriteByte('\n')
	}
	if w != nil {
		w.Flush()
		out.Close()
	}
	return paths
}

// runSegments ingests each segment with a new process on one core and
// returns the articles/s of each.
// segRuns are the speeds of a run of segments: articles/s by wall
// time and by CPU time (user + system) per segment, and the totals.
type segRuns struct {
	wall, cpu       []float64
	n               int
	wallSec, cpuSec float64
}

func runSegments(tb testing.TB, name, bin, db string, segs []string) segRuns {
	tb.Helper()
	var r segRuns
	for i, s := range segs {
		n := countLines(tb, s)
		cmd := exec.Command(bin, "ingest", "--workers", "1", "--db", db, s)
		cmd.Env = append(os.Environ(), "GOMAXPROCS=1")
		start := time.Now()
		out, err := cmd.CombinedOutput()
		el := time.Since(start)
		if clitest.IngestErr(err, out) != nil {
			// Errorf, not Fatalf: runs beside the main one are goroutines.
			tb.Errorf("%s: ingest %s: %v\n%s", name, s, err, out)
			return r
		}
		r.n += n
		ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
		cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
		r.wallSec += el.Seconds()
		r.cpuSec += cpu
		r.wall = append(r.wall, float64(n)/el.Seconds())
		r.cpu = append(r.cpu, float64(n)/cpu)
		line := fmt.Sprintf("%s segment %d (to %d articles): %.1f s, %.0f articles/s, cpu %.1f s (%.0f articles/cpu-s), peak RSS %.0f MB; %s",
			name, i+1, r.n, el.Seconds(), float64(n)/el.Seconds(), cpu, float64(n)/cpu,
			float64(ru.Maxrss)/1024, summaryLine(out))
		tb.Log(line)
		// A benchmark's log shows only at its end, hours later: each
		// segment goes to stderr as it finishes too.
		fmt.Fprintln(os.Stderr, time.Now().Format(time.TimeOnly), line)
	}
	tb.Logf("%s: %d articles in %.0f s wall (%.1f articles/s), %.0f s CPU (%.1f articles/cpu-s)",
		name, r.n, r.wallSec, float64(r.n)/r.wallSec, r.cpuSec, float64(r.n)/r.cpuSec)
	return r
}

func countLines(tb testing.TB, path string) int {
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return strings.Count(string(b), "\n")
}

// startCosts measures, on a full store, `ingest` of one new article and
// `serve` until it answers /.
func startCosts(tb testing.TB, bin, db, dir string) {
	tb.Helper()
	one := filepath.Join(dir, "one.jsonl")
	rec := `{"id":"bench-one","title":"A new article","text":"Officials said on Tuesday that the new bridge over the river will open next spring, two years late.","published":"` +
		time.Now().UTC().Format(time.RFC3339) + `"}` + "\n"
	if err := os.WriteFile(one, []byte(rec), 0o644); err != nil {
		tb.Fatal(err)
	}
	cmd := exec.Command(bin, "ingest", "--db", db, one)
	start := time.Now()
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("ingest one: %v\n%s", err, out)
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	tb.Logf("ingest of one article into the full store: %.2f s, peak RSS %.0f MB", time.Since(start).Seconds(), float64(ru.Maxrss)/1024)

	addr := freeAddrTB(tb)
	srv := exec.Command(bin, "serve", "--db", db, "--no-poll", "--addr", addr)
	start = time.Now()
	if err := srv.Start(); err != nil {
		tb.Fatal(err)
	}
	defer func() { _ = srv.Process.Kill(); _ = srv.Wait() }()
	for time.Since(start) < 2*time.Minute {
		resp, err := http.Get("http://" + addr + "/")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				tb.Logf("serve answered / on the full store after %.2f s", time.Since(start).Seconds())
				if st, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", srv.Process.Pid)); err == nil {
					for _, l := range strings.Split(string(st), "\n") {
						if strings.HasPrefix(l, "VmHWM") {
							tb.Logf("serve peak RSS so far: %s", strings.TrimSpace(strings.TrimPrefix(l, "VmHWM:")))
						}
					}
				}
				return
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	tb.Error("serve did not answer / within 2 minutes")
}

// buildRevision builds the parallax binary of a git revision.
func buildRevision(tb testing.TB, rev, dir string) string {
	tb.Helper()
	wt := filepath.Join(dir, "base-src")
	if out, err := exec.Command("git", "worktree", "add", "--detach", wt, rev).CombinedOutput(); err != nil {
		tb.Fatalf("git worktree add %s: %v\n%s", rev, err, out)
	}
	tb.Cleanup(func() { _ = exec.Command("git", "worktree", "remove", "--force", wt).Run() })
	bin := filepath.Join(dir, "parallax-base")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/parallax")
	cmd.Dir = wt
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("build %s: %v\n%s", rev, err, out)
	}
	return bin
}

// partitionOf is the canonical partition of a store (SQLite file or
// PostgreSQL URL).
func partitionOf(tb testing.TB, db string) string {
	tb.Helper()
	st, err := openStore(context.Background(), db)
	if err != nil {
		tb.Fatal(err)
	}
	defer st.Close()
	arts, err := st.ClusteredArticles(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	m := make(map[string]string, len(arts))
	for _, a := range arts {
		m[a.ID] = a.StoryID
	}
	return clitest.Partition(m)
}

// freeAddrTB returns a free loopback address.
func freeAddrTB(tb testing.TB) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}
