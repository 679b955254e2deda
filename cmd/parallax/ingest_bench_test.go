package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"parallax/internal/clitest"
	"parallax/internal/shared"
)

// replayDev returns n records made from the dev set by replaying it with
// fresh ids and URLs; each replay round starts its texts with a line of
// its own and its title a suffix, so exact dedupe does not drop them
// (they are near-duplicates).
func replayDev(t *testing.T, n int) []clitest.DevRecord {
	recs := clitest.ReadDevRecords(t, shared.TestData(t, "cluster", "dev.jsonl"))
	out := make([]clitest.DevRecord, 0, n)
	for k := 0; len(out) < n; k++ {
		for _, r := range recs {
			if len(out) == n {
				break
			}
			if k > 0 {
				r.ID = fmt.Sprintf("%s-r%d", r.ID, k)
				r.URL = fmt.Sprintf("https://replay%d.example/%s", k, r.ID)
				r.Title = fmt.Sprintf("%s (edition %d)", r.Title, k)
				r.Text = fmt.Sprintf("Replay edition %d.\n%s", k, r.Text)
			}
			out = append(out, r)
		}
	}
	return out
}

// TestIngestThroughput measures `parallax ingest` end to end (extract,
// dedupe, store, cluster, briefs) on one core for a 10,000-article JSONL
// and a WARC.gz of the same articles, and logs articles/s and peak RSS.
// Set PARALLAX_BENCH=1 to run it (PARALLAX_BENCH_N to change the size).
func TestIngestThroughput(t *testing.T) {
	if os.Getenv("PARALLAX_BENCH") == "" {
		t.Skip("set PARALLAX_BENCH=1")
	}
	n := 10_000
	if v := os.Getenv("PARALLAX_BENCH_N"); v != "" {
		fmt.Sscan(v, &n)
	}
	recs := replayDev(t, n)
	bin := clitest.Binary(t)
	dir := t.TempDir()

	jsonl := filepath.Join(dir, "bench.jsonl")
	f, err := os.Create(jsonl)
	if err != nil {
		t.Fatal(err)
	}
	bw := bufio.NewWriter(f)
	enc := json.NewEncoder(bw)
	for _, r := range recs {
		if err := enc.Encode(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := bw.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	warcPath := filepath.Join(dir, "bench.warc.gz")
	writeDevWARCRecords(t, recs, warcPath)

	for _, in := range []string{jsonl, warcPath} {
		fi, _ := os.Stat(in)
		cmd := exec.Command(bin, "ingest", "--workers", "1", "--db", filepath.Join(dir, filepath.Base(in)+".db"), in)
		cmd.Env = append(os.Environ(), "GOMAXPROCS=1")
		start := time.Now()
		out, err := cmd.CombinedOutput()
		elapsed := time.Since(start)
		if clitest.IngestErr(err, out) != nil {
			t.Fatalf("ingest %s: %v\n%s", in, err, out)
		}
		ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
		t.Logf("%s (%d articles, %.1f MB): %.1f s, %.0f articles/s, cpu %.1f s, peak RSS %.0f MB\n%s",
			filepath.Base(in), len(recs), float64(fi.Size())/1e6, elapsed.Seconds(), float64(len(recs))/elapsed.Seconds(),
			time.Duration(ru.Utime.Nano()+ru.Stime.Nano()).Seconds(), float64(ru.Maxrss)/1024, summaryLine(out))
	}
}

// writeDevWARCRecords writes each record once as a response record.
func writeDevWARCRecords(t *testing.T, recs []clitest.DevRecord, path string) {
	t.Helper()
	for i := range recs {
		if recs[i].URL == "" {
			recs[i].URL = "https://dev.example/" + recs[i].ID
		}
	}
	clitest.WriteDevWARC(t, recs, path, 1)
}

// summaryLine returns ingest's "read N, new N, ..." line.
func summaryLine(b []byte) string {
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "read ") {
			return l
		}
	}
	return ""
}
