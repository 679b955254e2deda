package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"parallax/internal/clitest"
	"parallax/internal/shared"
)

// BenchmarkServeLoad runs clients against a real `parallax serve` on a
// store made from both development cluster files (or PARALLAX_BENCH_DB, a
// copy of which is used), as readers and scripts would use it: a mix of
// the story list, story pages, their "all" pages, article pages and the
// JSON API. It reports requests/s, p50 and p99 for 32 clients; again with
// an `ingest` of new articles running beside it; then 64 clients on the
// largest story's page, with the slowest response against the server's
// 30 s write timeout. PARALLAX_LOAD_SECONDS sets each phase's length
// (default 20).
//
//	go test ./cmd/parallax -run '^$' -bench ServeLoad -benchtime 1x
func BenchmarkServeLoad(b *testing.B) {
	bin := clitest.Binary(b)
	dir := b.TempDir()
	db := filepath.Join(dir, "load.db")
	if src := os.Getenv("PARALLAX_BENCH_DB"); src != "" {
		copyFile(b, src, db)
	} else {
		for _, f := range []string{"dev.jsonl", "dev-topics.jsonl"} {
			if out, err := exec.Command(bin, "ingest", "--db", db, shared.TestData(b, "cluster", f)).CombinedOutput(); clitest.IngestErr(err, out) != nil {
				b.Fatalf("ingest %s: %v\n%s", f, err, out)
			}
		}
	}
	secs := 20
	if v := os.Getenv("PARALLAX_LOAD_SECONDS"); v != "" {
		fmt.Sscan(v, &secs)
	}
	phase := time.Duration(secs) * time.Second
	base := serveFor(b, bin, db)
	stories, articles, biggest := loadTargets(b, base)
	mix := func(rng *rand.Rand) string {
		s := stories[rng.IntN(len(stories))]
		switch r := rng.IntN(100); {
		case r < 15:
			return "/"
		case r < 45:
			return "/stories/" + s
		case r < 55:
			return "/stories/" + s + "/articles"
		case r < 65:
			return "/articles/" + articles[rng.IntN(len(articles))]
		case r < 75:
			return "/api/v1/stories?limit=20"
		case r < 90:
			return "/api/v1/stories/" + s
		default:
			return "/api/v1/stories/" + s + "/quotes?limit=50"
		}
	}
	for range b.N {
		r := runLoad(b, base, 32, phase, mix)
		b.Logf("32 clients, mix: %s", r)
		b.ReportMetric(r.rate, "req/s")
		b.ReportMetric(float64(r.p99.Milliseconds()), "p99-ms")

		segs := writeReplaySegments(b, shared.TestData(b, "cluster", "dev-stream.jsonl"), dir, 4962*2, 4962*2)
		ing := exec.Command(bin, "ingest", "--db", db, segs[0])
		if err := ing.Start(); err != nil {
			b.Fatal(err)
		}
		r = runLoad(b, base, 32, phase, mix)
		running := ing.ProcessState == nil
		_ = ing.Process.Kill()
		_ = ing.Wait()
		b.Logf("32 clients, mix, with an ingest beside (still running at the end: %v): %s", running, r)
		b.ReportMetric(float64(r.p99.Milliseconds()), "p99-ingest-ms")

		r = runLoad(b, base, 64, phase, func(*rand.Rand) string { return "/stories/" + biggest })
		b.Logf("64 clients on the largest story's page: %s", r)
		b.ReportMetric(float64(r.max.Milliseconds()), "max-big-ms")
		if r.max > 30*time.Second || r.errors > 0 {
			b.Errorf("largest story under 64 clients: slowest %v, %d errors", r.max, r.errors)
		}
	}
}

// loadResult summarises one phase of load.
type loadResult struct {
	n, errors     int
	rate          float64
	p50, p99, max time.Duration
}

func (r loadResult) String() string {
	return fmt.Sprintf("%d requests, %.0f/s, p50 %v, p99 %v, slowest %v, %d errors",
		r.n, r.rate, r.p50.Round(time.Millisecond), r.p99.Round(time.Millisecond), r.max.Round(time.Millisecond), r.errors)
}

// runLoad has clients request paths from next, one after another, for d.
func runLoad(tb testing.TB, base string, clients int, d time.Duration, next func(*rand.Rand) string) loadResult {
	tb.Helper()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}, Timeout: time.Minute}
	var mu sync.Mutex
	var lat []time.Duration
	errs := 0
	start := time.Now()
	deadline := start.Add(d)
	var wg sync.WaitGroup
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(c), 99))
			var mine []time.Duration
			bad := 0
			for time.Now().Before(deadline) {
				t0 := time.Now()
				req, _ := http.NewRequest("GET", base+next(rng), nil)
				req.Header.Set("Accept-Encoding", "gzip")
				resp, err := client.Do(req)
				if err == nil {
					_, err = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != http.StatusOK {
						err = fmt.Errorf("%s: %d", req.URL, resp.StatusCode)
					}
				}
				if err != nil {
					bad++
					continue
				}
				mine = append(mine, time.Since(t0))
			}
			mu.Lock()
			lat = append(lat, mine...)
			errs += bad
			mu.Unlock()
		}()
	}
	wg.Wait()
	el := time.Since(start)
	slices.Sort(lat)
	r := loadResult{n: len(lat), errors: errs, rate: float64(len(lat)) / el.Seconds()}
	if len(lat) > 0 {
		r.p50, r.p99, r.max = lat[len(lat)/2], lat[len(lat)*99/100], lat[len(lat)-1]
	}
	return r
}

// loadTargets returns story ids, article ids and the largest story's id.
func loadTargets(tb testing.TB, base string) (stories, articles []string, biggest string) {
	tb.Helper()
	var list struct {
		Stories []struct {
			ID       string `json:"id"`
			Articles int    `json:"articles"`
		} `json:"stories"`
	}
	getJSON(tb, base+"/api/v1/stories?limit=500", &list)
	most := 0
	for _, s := range list.Stories {
		stories = append(stories, s.ID)
		if s.Articles > most {
			most, biggest = s.Articles, s.ID
		}
	}
	for _, s := range stories[:min(len(stories), 40)] {
		var page struct {
			Articles []struct {
				ID string `json:"id"`
			} `json:"articles"`
		}
		getJSON(tb, base+"/api/v1/stories/"+s+"/articles?limit=20", &page)
		for _, a := range page.Articles {
			articles = append(articles, a.ID)
		}
	}
	if len(stories) == 0 || len(articles) == 0 {
		tb.Fatalf("store serves %d stories, %d articles", len(stories), len(articles))
	}
	return stories, articles, biggest
}

func getJSON(tb testing.TB, url string, v any) {
	tb.Helper()
	resp, err := http.Get(url)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		tb.Fatalf("GET %s: %d", url, resp.StatusCode)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		tb.Fatalf("GET %s: %v", url, err)
	}
}

// serveFor starts `parallax serve` on db and waits until it is ready.
func serveFor(tb testing.TB, bin, db string) string {
	tb.Helper()
	addr := freeAddrTB(tb)
	cmd := exec.Command(bin, "serve", "--db", db, "--addr", addr, "--no-poll")
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	base := "http://" + addr
	for range 1200 {
		if resp, err := http.Get(base + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return base
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	tb.Fatalf("serve did not come up on %s", addr)
	return ""
}

func copyFile(tb testing.TB, src, dst string) {
	tb.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		tb.Fatal(err)
	}
}
