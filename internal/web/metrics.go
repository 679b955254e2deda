package web

import (
	"context"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"parallax/internal/ingest/poll"
	"parallax/internal/store"
)

// DefaultMetricsAllow are the networks /metrics answers by default:
// loopback only, as Miniflux does.
var DefaultMetricsAllow = []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8"), netip.MustParsePrefix("::1/128")}

// feedLister is implemented by stores that keep the followed feeds.
type feedLister interface {
	Feeds(ctx context.Context) ([]poll.Feed, error)
}

// sizer is implemented by stores that can tell their size on disk.
type sizer interface {
	Size(ctx context.Context) (int64, error)
}

// metrics holds the registry behind /metrics and the request
// instruments every route reports to.
type metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
}

// newMetrics registers the store's figures (read at each scrape, so they
// are the store's, whichever process wrote them: what `parallax stats`
// prints), its waiting work, the feeds, the HTTP instruments, the Go
// runtime and process collectors and, when pm is set, the pipeline's
// counters and latencies in this process (metrics_pipeline.go).
func newMetrics(st store.Store, log *slog.Logger, pm *PipelineMetrics) *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parallax_http_requests_total", Help: "HTTP requests answered, by route and status code.",
		}, []string{"route", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "parallax_http_request_duration_seconds", Help: "Time to answer an HTTP request, by route.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 10},
		}, []string{"route"}),
	}
	m.reg.MustRegister(m.requests, m.latency,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		&storeCollector{st: st, log: log})
	if pm != nil {
		m.reg.MustRegister(pm.collectors()...)
	}
	return m
}

// handler serves the registry to allowed networks only.
func (m *metrics) handler(allow []netip.Prefix) http.Handler {
	h := promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !allowed(r.RemoteAddr, allow) {
			http.Error(w, "metrics are not served to this address", http.StatusForbidden)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// allowed reports whether a request's remote address is in one of the
// networks. Forwarding headers are not trusted.
func allowed(remote string, allow []netip.Prefix) bool {
	host, _, err := net.SplitHostPort(remote)
	if err != nil {
		host = remote
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return false
	}
	ip = ip.Unmap()
	for _, p := range allow {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

// instrument counts requests and their latency by route pattern (as mux
// matches it, so ids do not multiply the series; cached answers count
// too).
func (m *metrics) instrument(mux *http.ServeMux, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		_, route := mux.Handler(r)
		if route == "" {
			route = "other"
		}
		code := sw.status
		if code == 0 {
			code = http.StatusOK
		}
		m.requests.WithLabelValues(route, strconv.Itoa(code)).Inc()
		m.latency.WithLabelValues(route).Observe(time.Since(start).Seconds())
	})
}

// storeCollector reads the store's counts at each scrape.
type storeCollector struct {
	st  store.Store
	log *slog.Logger
}

var (
	descArticles   = prometheus.NewDesc("parallax_articles", "Articles stored.", nil, nil)
	descDuplicates = prometheus.NewDesc("parallax_duplicates", "Inputs found to be duplicates of a stored article.", nil, nil)
	descRejected   = prometheus.NewDesc("parallax_rejected", "Inputs rejected.", nil, nil)
	descStories    = prometheus.NewDesc("parallax_stories", "Stories.", nil, nil)
	descEvents     = prometheus.NewDesc("parallax_events", "Events within stories.", nil, nil)
	descSources    = prometheus.NewDesc("parallax_sources", "Outlets with a stored article.", nil, nil)
	descFeeds      = prometheus.NewDesc("parallax_feeds", "Feeds followed.", nil, nil)
	descBroken     = prometheus.NewDesc("parallax_feeds_broken", "Followed feeds whose last poll failed.", nil, nil)
	descStoreBytes = prometheus.NewDesc("parallax_store_bytes", "Size of the store on disk.", nil, nil)
	descPending    = prometheus.NewDesc("parallax_queue_pending_articles", "Stored articles waiting to be placed in a story.", nil, nil)
	descStale      = prometheus.NewDesc("parallax_queue_stale_briefs", "Stories whose brief waits to be rewritten.", nil, nil)
	descUp         = prometheus.NewDesc("parallax_store_up", "1 when the store answered this scrape.", nil, nil)
)

func (c *storeCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{descArticles, descDuplicates, descRejected, descStories, descEvents,
		descSources, descFeeds, descBroken, descStoreBytes, descPending, descStale, descUp} {
		ch <- d
	}
}

func (c *storeCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	gauge := func(d *prometheus.Desc, v float64) { ch <- prometheus.MustNewConstMetric(d, prometheus.GaugeValue, v) }
	s, err := c.st.Stats(ctx)
	if err != nil {
		c.log.Warn("metrics: store stats", "err", err)
		gauge(descUp, 0)
		return
	}
	gauge(descUp, 1)
	gauge(descArticles, float64(s.Articles))
	gauge(descDuplicates, float64(s.Duplicates))
	gauge(descRejected, float64(s.Rejected))
	gauge(descStories, float64(s.Stories))
	gauge(descEvents, float64(s.Events))
	gauge(descSources, float64(s.Sources))
	if fl, ok := c.st.(feedLister); ok {
		if feeds, err := fl.Feeds(ctx); err == nil {
			broken := 0
			for _, f := range feeds {
				if f.Errors > 0 {
					broken++
				}
			}
			gauge(descFeeds, float64(len(feeds)))
			gauge(descBroken, float64(broken))
		}
	}
	if wc, ok := c.st.(store.WorkCounter); ok {
		if w, err := wc.WorkCounts(ctx); err == nil {
			gauge(descPending, float64(w.PendingArticles))
			gauge(descStale, float64(w.StaleStories))
		}
	}
	if sz, ok := c.st.(sizer); ok {
		if n, err := sz.Size(ctx); err == nil {
			gauge(descStoreBytes, float64(n))
		}
	}
}
