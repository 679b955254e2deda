package poll

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"parallax/internal/ingest/fetch"
	"parallax/internal/ingest/files"
)

// hostLog records when each request reached one test host.
type hostLog struct {
	mu    sync.Mutex
	times []time.Time
}

func (h *hostLog) add(t time.Time) { h.mu.Lock(); h.times = append(h.times, t); h.mu.Unlock() }

// minGap is the shortest time between two requests that reached the host.
func (h *hostLog) minGap() time.Duration {
	h.mu.Lock()
	defer h.mu.Unlock()
	gap := time.Duration(1<<63 - 1)
	for i := 1; i < len(h.times); i++ {
		gap = min(gap, h.times[i].Sub(h.times[i-1]))
	}
	return gap
}

// BenchmarkPoll1000Feeds polls 1,000 feeds on 100 loopback hosts with the
// default politeness (one request per second per host): a first round of
// 200s, then a round of 304s. It reports seconds per round, feeds/s and
// the most requests any host got within one second, and fails if that
// exceeds the limit.
func BenchmarkPoll1000Feeds(b *testing.B) {
	const hosts, perHost = 100, 10
	content := strings.Repeat("Full article text that the feed carries in its content element. ", 30)
	var logs [hosts]*hostLog
	var urls []string
	for h := range hosts {
		logs[h] = &hostLog{}
		lg := logs[h]
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			lg.add(time.Now())
			if r.URL.Path == "/robots.txt" {
				http.NotFound(w, r)
				return
			}
			etag := `"` + r.URL.Path + `"`
			if r.Header.Get("If-None-Match") == etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", etag)
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>%s</title>`, r.URL.Path)
			for i := range 3 {
				fmt.Fprintf(w, `<item><title>Item %d</title><link>/a%s/%d</link><description>%s</description></item>`, i, r.URL.Path, i, content)
			}
			fmt.Fprint(w, `</channel></rss>`)
		}))
		b.Cleanup(srv.Close)
		for f := range perHost {
			urls = append(urls, fmt.Sprintf("%s/feed%d.xml", srv.URL, f))
		}
	}
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	var feeds []Feed
	for _, u := range urls {
		feeds = append(feeds, Feed{URL: u, Added: now})
	}
	st := newMemStore(feeds...)
	var items atomic.Int64
	p := New(st, fetch.New(fetch.Options{AllowPrivate: true}), func(context.Context, files.Item) error {
		items.Add(1)
		return nil
	}, Options{Now: clock, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Workers: 64})
	for b.Loop() {
		for round, want := range []string{"200", "304"} {
			start := time.Now()
			s, err := p.Once(context.Background())
			if err != nil {
				b.Fatal(err)
			}
			secs := time.Since(start).Seconds()
			if s.Feeds != len(urls) || s.Failed != 0 {
				b.Fatalf("round %d: %+v", round, s)
			}
			b.ReportMetric(secs, "s/round-"+want)
			b.ReportMetric(float64(s.Feeds)/secs, "feeds/s-"+want)
			mu.Lock()
			now = now.Add(7 * time.Hour) // every feed due again
			mu.Unlock()
		}
	}
	gap := time.Duration(1<<63 - 1)
	for _, lg := range logs {
		gap = min(gap, lg.minGap())
	}
	b.ReportMetric(gap.Seconds(), "min-s-between-requests/host")
	b.ReportMetric(1/gap.Seconds(), "max-req/host/s")
	if gap < 900*time.Millisecond {
		b.Fatalf("two requests reached one host %v apart; the limit is one a second", gap)
	}
}
