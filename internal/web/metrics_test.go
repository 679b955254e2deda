package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// scrape GETs /metrics from remote and parses the text format.
func scrape(t *testing.T, h http.Handler, remote string) (int, map[string]*dto.MetricFamily) {
	t.Helper()
	r := httptest.NewRequest("GET", "/metrics", nil)
	r.RemoteAddr = remote
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != http.StatusOK {
		return w.Code, nil
	}
	parser := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := parser.TextToMetricFamilies(strings.NewReader(w.Body.String()))
	if err != nil {
		t.Fatalf("parse /metrics: %v\n%.500s", err, w.Body)
	}
	return w.Code, fams
}

func gaugeOf(t *testing.T, fams map[string]*dto.MetricFamily, name string) float64 {
	t.Helper()
	f, ok := fams[name]
	if !ok || len(f.Metric) != 1 || f.Metric[0].Gauge == nil {
		t.Fatalf("metric %s missing or not one gauge", name)
	}
	return f.Metric[0].Gauge.GetValue()
}

// TestMetrics scrapes /metrics as Prometheus would, parses it with the
// Prometheus text-format parser, and finds the store's figures equal to
// its Stats (what `parallax stats` prints), request counts by route, and
// the endpoint refused to an address outside the allowed networks.
func TestMetrics(t *testing.T) {
	st := cacheStore(t)
	addPlaced(t, st, "a1", "Harbour crane collapses", "s1")
	addPlaced(t, st, "a2", "Second crane inspected", "s1")
	addPlaced(t, st, "b1", "Ferry strike called off", "s2")
	h := New(st, Options{})
	for range 3 {
		get(t, h, "/stories/s1")
	}
	code, fams := scrape(t, h, "127.0.0.1:50000")
	if code != http.StatusOK {
		t.Fatalf("GET /metrics from loopback: %d", code)
	}
	s, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]int{
		"parallax_articles": s.Articles, "parallax_stories": s.Stories, "parallax_events": s.Events,
		"parallax_duplicates": s.Duplicates, "parallax_rejected": s.Rejected, "parallax_sources": s.Sources,
	} {
		if got := gaugeOf(t, fams, name); got != float64(want) {
			t.Errorf("%s = %v; stats say %d", name, got, want)
		}
	}
	if s.Articles != 3 || s.Stories != 2 {
		t.Errorf("stats %+v: the fixture did not store what it should", s)
	}
	if gaugeOf(t, fams, "parallax_feeds") != 0 || gaugeOf(t, fams, "parallax_feeds_broken") != 0 {
		t.Error("feeds counted in a store that follows none")
	}
	if gaugeOf(t, fams, "parallax_store_bytes") <= 0 {
		t.Error("parallax_store_bytes not positive")
	}
	var storyHits float64
	for _, m := range fams["parallax_http_requests_total"].GetMetric() {
		labels := map[string]string{}
		for _, l := range m.GetLabel() {
			labels[l.GetName()] = l.GetValue()
		}
		if labels["route"] == "GET /stories/{id}" && labels["code"] == "200" {
			storyHits = m.GetCounter().GetValue()
		}
		if strings.Contains(labels["route"], "s1") {
			t.Errorf("a route label holds an id: %q", labels["route"])
		}
	}
	if storyHits != 3 {
		t.Errorf("requests counted for GET /stories/{id}: %v, want 3 (cached answers count too)", storyHits)
	}
	for _, remote := range []string{"10.1.2.3:4000", "[2001:db8::1]:80", "192.168.0.9:1"} {
		if code, _ := scrape(t, h, remote); code != http.StatusForbidden {
			t.Errorf("GET /metrics from %s: %d, want 403", remote, code)
		}
	}
}
