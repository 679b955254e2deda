package extract

import (
	"bytes"
	nurl "net/url"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	trafilatura "github.com/markusmobius/go-trafilatura"

	"parallax/internal/shared"
)

// BenchmarkDevPages extracts every HTML dev page with Parallax, then with
// go-trafilatura alone (no fallback, from bytes, as a user would call it),
// in the same run, after one untimed warm-up pass of each. One op is one
// pass over the set with each. Reported:
// pages/s and allocs/page of each, and the speed ratio parallax/trafilatura
// (above 1 means Parallax is faster). Run single-core:
//
//	go test ./internal/extract -run '^$' -bench DevPages -benchtime 1x -cpu 1
func BenchmarkDevPages(b *testing.B) {
	dir := shared.TestData(b, "extract", "dev")
	type page struct {
		data []byte
		url  string
	}
	var pages []page
	for _, d := range readDevMeta(b, dir) {
		data, err := os.ReadFile(filepath.Join(dir, "html", d.Name+".html"))
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, page{data, d.URL})
	}
	pass := func(run func(p page)) (time.Duration, uint64) {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		start := time.Now()
		for _, p := range pages {
			run(p)
		}
		spent := time.Since(start)
		runtime.ReadMemStats(&after)
		return spent, after.Mallocs - before.Mallocs
	}
	ours := func(p page) { Extract(p.data, Options{URL: p.url, Mode: HTML, Fallback: true}) }
	lib := func(p page) {
		u, _ := nurl.Parse(p.url)
		trafilatura.Extract(bytes.NewReader(p.data), trafilatura.Options{OriginalURL: u, ExcludeComments: true})
	}
	// One untimed pass each first: the libraries build some tables
	// lazily on first use (go-dateparser's locale data, for instance),
	// a one-time cost of the process rather than of a page.
	pass(ours)
	pass(lib)
	var ourTime, libTime time.Duration
	var ourAllocs, libAllocs uint64
	for b.Loop() {
		t, a := pass(ours)
		ourTime, ourAllocs = ourTime+t, ourAllocs+a
		t, a = pass(lib)
		libTime, libAllocs = libTime+t, libAllocs+a
	}
	n := float64(b.N * len(pages))
	b.ReportMetric(n/ourTime.Seconds(), "parallax-pages/s")
	b.ReportMetric(n/libTime.Seconds(), "trafilatura-pages/s")
	b.ReportMetric(float64(ourAllocs)/n, "parallax-allocs/page")
	b.ReportMetric(float64(libAllocs)/n, "trafilatura-allocs/page")
	b.ReportMetric(libTime.Seconds()/ourTime.Seconds(), "speed-ratio")
}
