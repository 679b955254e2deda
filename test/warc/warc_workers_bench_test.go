package warc_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"parallax/internal/clitest"
	"parallax/internal/queue/natsq/natstest"
	"parallax/internal/shared"
	"parallax/internal/store/postgres/pgtest"
)

// BenchmarkWARCWorkers measures how the scale-out roles divide the work of
// a WARC archive: `publish` queues the pages of a 1,000-page WARC.gz (pages
// of the cluster dev set, PARALLAX_BENCH_PAGES to change) on NATS
// JetStream, then 1, then 2 `worker --drain --workers 1` processes fetch,
// extract, dedupe and store them in PostgreSQL (real servers, started by
// the test helpers). It reports the wall time from publish to the last
// worker's exit (in a database whose schema was created before, as an
// operator's is: that time is logged apart), the workers' CPU, and the
// wall time of 2 over 1; each run must store the same number of articles.
// It also logs how long the machine's CPUs were busy meanwhile (all
// processes: the servers' share is what no worker accounts for), which
// tells whether a run was bound by the CPUs.
//
//	go test ./test/warc -run '^$' -bench WARCWorkers -benchtime 1x
func BenchmarkWARCWorkers(b *testing.B) {
	pages := 1000
	if v := os.Getenv("PARALLAX_BENCH_PAGES"); v != "" {
		fmt.Sscan(v, &pages)
	}
	recs := clitest.ReadDevRecords(b, shared.TestData(b, "cluster", "dev.jsonl"))
	recs = recs[:min(len(recs), pages)]
	bin := clitest.Binary(b)
	dir := b.TempDir()
	in := filepath.Join(dir, "dev.warc.gz")
	clitest.WriteDevWARC(b, recs, in, 1)
	pg, ns := pgtest.Start(b), natstest.Start(b)
	for range b.N {
		var walls []float64
		stored := -1
		for _, n := range []int{1, 2} {
			db := pg.NewDatabase(b)
			env := append(os.Environ(), "PARALLAX_DB="+db, "PARALLAX_QUEUE="+ns.URL,
				fmt.Sprintf("PARALLAX_QUEUE_STREAM=warc%d%d", n, time.Now().UnixNano()))
			// The schema is created once per database, not per ingest:
			// before the clock, timed apart.
			s0 := time.Now()
			clitest.Stats(b, bin, db)
			schema := time.Since(s0)
			start, busy0 := time.Now(), machineBusy()
			pub := exec.Command(bin, "publish", in)
			pub.Env = env
			if out, err := pub.CombinedOutput(); err != nil {
				b.Fatalf("publish: %v\n%s", err, out)
			}
			published := time.Since(start)
			cpu := make([]time.Duration, n)
			var wg sync.WaitGroup
			for i := range n {
				wg.Add(1)
				go func() {
					defer wg.Done()
					w := exec.Command(bin, "worker", "--drain", "--workers", "1")
					w.Env = env
					if out, err := w.CombinedOutput(); clitest.IngestErr(err, out) != nil {
						b.Errorf("worker %d of %d: %v\n%s", i+1, n, err, out)
						return
					}
					ru := w.ProcessState.SysUsage().(*syscall.Rusage)
					cpu[i] = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
				}()
			}
			wg.Wait()
			wall, busy := time.Since(start).Seconds(), machineBusy()-busy0
			var total time.Duration
			for _, c := range cpu {
				total += c
			}
			st := clitest.Stats(b, bin, db)
			if stored >= 0 && st.Articles != stored {
				b.Errorf("%d workers stored %d articles, 1 worker %d", n, st.Articles, stored)
			}
			stored = st.Articles
			walls = append(walls, wall)
			b.Logf("%d worker(s): %d pages, %d stored, %.2f s wall (publish %.2f s; schema created before, %.2f s), workers' CPU %.1f s (%.1f ms/page); the machine's CPUs busy %.1f s of %.1f",
				n, len(recs), st.Articles, wall, published.Seconds(), schema.Seconds(), total.Seconds(), total.Seconds()*1000/float64(len(recs)),
				busy.Seconds(), wall*float64(runtime.NumCPU()))
		}
		b.ReportMetric(walls[1]/walls[0], "wall-2/1")
		b.ReportMetric(float64(len(recs))/walls[1], "pages/s-2-workers")
	}
}

// machineBusy is the time all the machine's CPUs have spent busy since boot
// (/proc/stat: all but idle and iowait), or 0 where that is not known.
func machineBusy() time.Duration {
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return 0
	}
	line, _, _ := strings.Cut(string(b), "\n")
	f := strings.Fields(line)
	if len(f) < 6 || f[0] != "cpu" {
		return 0
	}
	var ticks int64
	for i, v := range f[1:] {
		if i == 3 || i == 4 { // idle, iowait
			continue
		}
		n, _ := strconv.ParseInt(v, 10, 64)
		ticks += n
	}
	return time.Duration(ticks) * time.Second / 100 // USER_HZ ticks
}
