package web

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"parallax/internal/ingest/poll"
	"parallax/internal/pipeline"
)

// PipelineMetrics are the counters and latencies of the pipeline running
// in this process (serve's poller and its clustering and briefs): it is
// the pipeline's Observer, and the poller reports each round to Polled.
// The store-wide figures (what `parallax stats` prints, whichever process
// wrote them) are read from the store at each scrape (storeCollector).
type PipelineMetrics struct {
	inputs       *prometheus.CounterVec
	extract      prometheus.Histogram
	cluster      prometheus.Histogram
	clustered    prometheus.Counter
	briefs       prometheus.Histogram
	rounds       prometheus.Counter
	feedsPolled  prometheus.Counter
	feedErrors   prometheus.Counter
	notModified  prometheus.Counter
	items        prometheus.Counter
	articleFails prometheus.Counter
}

var _ pipeline.Observer = (*PipelineMetrics)(nil)

// latencyBuckets span a fast extraction (1 ms) to a long clustering pass.
var latencyBuckets = []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60}

// NewPipelineMetrics returns the instruments, not yet registered: pass
// them in Options.Pipeline.
func NewPipelineMetrics() *PipelineMetrics {
	counter := func(name, help string) prometheus.Counter {
		return prometheus.NewCounter(prometheus.CounterOpts{Name: name, Help: help})
	}
	histogram := func(name, help string) prometheus.Histogram {
		return prometheus.NewHistogram(prometheus.HistogramOpts{Name: name, Help: help, Buckets: latencyBuckets})
	}
	m := &PipelineMetrics{
		inputs: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "parallax_ingest_inputs_total",
			Help: "Inputs this process ingested, by what became of them: added, duplicate, rejected."}, []string{"status"}),
		extract:      histogram("parallax_extract_duration_seconds", "Time to extract one input's article."),
		cluster:      histogram("parallax_cluster_duration_seconds", "Time of one clustering pass that placed articles."),
		clustered:    counter("parallax_clustered_articles_total", "Articles this process placed in stories."),
		briefs:       histogram("parallax_brief_duration_seconds", "Time to build and save one story's brief."),
		rounds:       counter("parallax_poll_rounds_total", "Polling rounds over the followed feeds."),
		feedsPolled:  counter("parallax_poll_feeds_total", "Feed polls."),
		feedErrors:   counter("parallax_poll_errors_total", "Feed polls that failed (fetch or parse)."),
		notModified:  counter("parallax_poll_not_modified_total", "Feed polls answered 304 Not Modified."),
		items:        counter("parallax_poll_items_total", "New feed items handed to the pipeline."),
		articleFails: counter("parallax_poll_article_errors_total", "Article pages of feed items that could not be fetched."),
	}
	for _, s := range []pipeline.Status{pipeline.Added, pipeline.Duplicate, pipeline.Rejected} {
		m.inputs.WithLabelValues(s.String()) // every series present from the start, at 0
	}
	return m
}

func (m *PipelineMetrics) collectors() []prometheus.Collector {
	return []prometheus.Collector{m.inputs, m.extract, m.cluster, m.clustered, m.briefs, m.rounds,
		m.feedsPolled, m.feedErrors, m.notModified, m.items, m.articleFails}
}

// Extracted implements pipeline.Observer.
func (m *PipelineMetrics) Extracted(d time.Duration) { m.extract.Observe(d.Seconds()) }

// Stored implements pipeline.Observer.
func (m *PipelineMetrics) Stored(s pipeline.Status) { m.inputs.WithLabelValues(s.String()).Inc() }

// Clustered implements pipeline.Observer.
func (m *PipelineMetrics) Clustered(n int, d time.Duration) {
	m.cluster.Observe(d.Seconds())
	m.clustered.Add(float64(n))
}

// Briefed implements pipeline.Observer.
func (m *PipelineMetrics) Briefed(d time.Duration) { m.briefs.Observe(d.Seconds()) }

// Polled counts one polling round.
func (m *PipelineMetrics) Polled(s poll.Stats) {
	m.rounds.Inc()
	m.feedsPolled.Add(float64(s.Feeds))
	m.feedErrors.Add(float64(s.Failed))
	m.notModified.Add(float64(s.NotModified))
	m.items.Add(float64(s.Items))
	m.articleFails.Add(float64(s.ArticleErrors))
}
