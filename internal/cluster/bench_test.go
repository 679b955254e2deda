package cluster_test

import (
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"parallax/internal/cluster"
	"parallax/internal/eval"
	"parallax/internal/shared"
)

// devDocs reads a development file as clusterer input in stream order.
func devDocs(tb testing.TB, name string) []cluster.Doc {
	set, err := eval.ReadClusterSet(shared.TestData(tb, "cluster", name))
	if err != nil {
		tb.Fatal(err)
	}
	docs, _ := set.Docs()
	return docs
}

// replay yields n articles: docs over and over, each round shifted in time
// past the previous one, with fresh ids and each line marked with the
// round.
func replay(docs []cluster.Doc, n int, yield func(cluster.Doc)) {
	// The shift is added in days: a Duration times the round overflows
	// (and wraps time around) after about 68 rounds of dev.jsonl.
	spanDays := int(docs[len(docs)-1].Published.Sub(docs[0].Published)/(24*time.Hour)) + 1
	for i := 0; i < n; i++ {
		round, d := i/len(docs), docs[i%len(docs)]
		d.ID = fmt.Sprintf("r%d-%s", round, d.ID)
		d.Published = d.Published.AddDate(0, 0, round*spanDays)
		if round > 0 {
			// Each round's lines differ from the last round's, as new
			// articles' would: else the clusterer's boilerplate filter
			// rightly takes every repeated line for boilerplate. The
			// last line too: most dev-topics.jsonl texts are one line.
			mark := fmt.Sprintf(" r%d", round)
			d.Text = strings.ReplaceAll(d.Text, "\n", mark+"\n") + mark
		}
		yield(d)
	}
}

// BenchmarkCluster streams each development file through clustering alone,
// and the README baseline beside it.
func BenchmarkCluster(b *testing.B) {
	for _, name := range []string{"dev.jsonl", "dev-topics.jsonl", "dev-stream.jsonl"} {
		docs := devDocs(b, name)
		b.Run(name, func(b *testing.B) {
			var base, ours, baseCPU, oursCPU time.Duration
			for b.Loop() {
				t0, c0 := time.Now(), cpuTime(b)
				c := cluster.New(cluster.DefaultOptions())
				for _, d := range docs {
					c.Add(d)
				}
				ours += time.Since(t0)
				oursCPU += cpuTime(b) - c0
				t0, c0 = time.Now(), cpuTime(b)
				bl := eval.NewBaseline()
				for _, d := range docs {
					bl.Add(d)
				}
				base += time.Since(t0)
				baseCPU += cpuTime(b) - c0
			}
			n := float64(b.N * len(docs))
			b.ReportMetric(n/ours.Seconds(), "articles/s")
			b.ReportMetric(n/base.Seconds(), "baseline-articles/s")
			b.ReportMetric(base.Seconds()/ours.Seconds(), "speed-vs-baseline")
			// CPU time (user + system, the whole process: with -cpu 1
			// the collector shares the one core) is the steadier figure
			// on a shared machine.
			b.ReportMetric(n/oursCPU.Seconds(), "articles/cpu-s")
			b.ReportMetric(baseCPU.Seconds()/oursCPU.Seconds(), "speed-vs-baseline-cpu")
		})
	}
}

// BenchmarkStream replays each development file, both merged in time
// order, and dev-stream.jsonl (shifted times, fresh ids), through
// clustering alone: 10k
// and 100k articles, and 1M with PARALLAX_BENCH_1M=1. dev.jsonl's
// articles average 300 words, dev-topics.jsonl's 1,058. It reports
// articles/s, peak heap and the stories in memory at the end, and the
// baseline's articles/s on the same stream.
//
//	go test ./internal/cluster -run XXX -bench Stream -benchtime 1x
func BenchmarkStream(b *testing.B) {
	dev, topics, mixed := devDocs(b, "dev.jsonl"), devDocs(b, "dev-topics.jsonl"), devDocs(b, "dev-stream.jsonl")
	both := append(slices.Clone(dev), topics...)
	slices.SortStableFunc(both, func(x, y cluster.Doc) int { return x.Published.Compare(y.Published) })
	sizes := []int{10_000, 100_000}
	if os.Getenv("PARALLAX_BENCH_1M") != "" {
		sizes = append(sizes, 1_000_000)
	}
	for _, stream := range []struct {
		name string
		docs []cluster.Doc
	}{{"dev", dev}, {"topics", topics}, {"both", both}, {"stream", mixed}} {
		b.Run(stream.name, func(b *testing.B) { benchStream(b, stream.docs, sizes) })
	}
}

// benchStream replays docs to each size through the clusterer, then
// through the baseline.
func benchStream(b *testing.B, docs []cluster.Doc, sizes []int) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			for b.Loop() {
				runtime.GC()
				var peak uint64
				var ms runtime.MemStats
				c := cluster.New(cluster.DefaultOptions())
				i := 0
				var busy time.Duration
				t0 := time.Now()
				replay(docs, n, func(d cluster.Doc) {
					c.Add(d)
					if i++; i%20_000 == 0 {
						busy += time.Since(t0)
						runtime.ReadMemStats(&ms)
						peak = max(peak, ms.HeapAlloc)
						t0 = time.Now()
					}
				})
				busy += time.Since(t0)
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapAlloc)
				bl := eval.NewBaseline()
				t1 := time.Now()
				replay(docs, n, func(d cluster.Doc) { bl.Add(d) })
				base := time.Since(t1)
				b.ReportMetric(float64(n)/busy.Seconds(), "articles/s")
				b.ReportMetric(float64(busy.Microseconds())/float64(n), "µs/article")
				b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
				b.ReportMetric(float64(c.Active()), "stories-in-memory")
				b.ReportMetric(float64(n)/base.Seconds(), "baseline-articles/s")
				b.ReportMetric(base.Seconds()/busy.Seconds(), "speed-vs-baseline")
			}
		})
	}
}

// cpuTime is the CPU time (user + system) the process has used so far.
func cpuTime(tb testing.TB) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
