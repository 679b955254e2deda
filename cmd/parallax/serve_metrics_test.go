package main

import (
	"fmt"
	"net/http"
	"net/netip"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"parallax/internal/clitest"
)

func TestParsePrefixes(t *testing.T) {
	tests := []struct {
		in      string
		want    []string
		wantErr bool
	}{
		{"127.0.0.0/8,::1/128", []string{"127.0.0.0/8", "::1/128"}, false},
		{" 10.0.0.7 , 192.168.1.0/24 ", []string{"10.0.0.7/32", "192.168.1.0/24"}, false},
		{"10.1.2.3/8", []string{"10.0.0.0/8"}, false},
		{"", []string{}, false},
		{"localhost", nil, true},
		{"10.0.0.0/40", nil, true},
	}
	for _, tt := range tests {
		got, err := parsePrefixes(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("parsePrefixes(%q) error %v, want error %v", tt.in, err, tt.wantErr)
			continue
		}
		if tt.wantErr {
			continue
		}
		if len(got) != len(tt.want) {
			t.Errorf("parsePrefixes(%q) = %v, want %v", tt.in, got, tt.want)
			continue
		}
		for i, w := range tt.want {
			if got[i] != netip.MustParsePrefix(w) {
				t.Errorf("parsePrefixes(%q)[%d] = %v, want %v", tt.in, i, got[i], w)
			}
		}
	}
}

// scrapeMetrics GETs url and parses Prometheus's text format.
func scrapeMetrics(t *testing.T, url string) (int, map[string]*dto.MetricFamily) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return resp.StatusCode, nil
	}
	parser := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := parser.TextToMetricFamilies(resp.Body)
	if err != nil {
		t.Fatalf("parse /metrics: %v", err)
	}
	return resp.StatusCode, fams
}

// metricValue is the value of the series of name whose labels include
// labels (name, value pairs): a gauge's or counter's value, a
// histogram's count; -1 when absent.
func metricValue(fams map[string]*dto.MetricFamily, name string, labels ...string) float64 {
	f, ok := fams[name]
	if !ok {
		return -1
	}
next:
	for _, m := range f.GetMetric() {
		for i := 0; i+1 < len(labels); i += 2 {
			found := false
			for _, l := range m.GetLabel() {
				found = found || l.GetName() == labels[i] && l.GetValue() == labels[i+1]
			}
			if !found {
				continue next
			}
		}
		switch {
		case m.Gauge != nil:
			return m.Gauge.GetValue()
		case m.Counter != nil:
			return m.Counter.GetValue()
		case m.Histogram != nil:
			return float64(m.Histogram.GetSampleCount())
		}
	}
	return -1
}

// TestServeMetricsAfterIngest ingests a file (with a duplicate and a
// rejected line) through `parallax ingest`, then lets `parallax serve`
// poll a feed of two more articles, scrapes /metrics with the Prometheus
// text parser and finds the store's figures equal to `parallax stats`
// and serve's own pipeline counters equal to what it polled, clustered
// and extracted. A serve whose --metrics-allow leaves out loopback
// refuses the scrape.
func TestServeMetricsAfterIngest(t *testing.T) {
	bin := clitest.Binary(t)
	srv := newsSite(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	in := filepath.Join(dir, "in.jsonl")
	line := func(id, title, text string) string {
		return fmt.Sprintf(`{"id":%q,"url":"https://ferry.example/%s","source":"ferry.example:80","title":%q,"text":%q,"published":"2025-03-03"}`+"\n",
			id, id, title, text)
	}
	writeFile(t, in, line("f1", "Ferry strike called off", "The ferry workers' union called off Monday's strike after talks with the port authority ran late into the night.")+
		line("f2", "Ferries run again after strike ends", "Ferries ran on time on Monday after the union called off the strike at the last minute.")+
		line("f1", "Ferry strike called off", "The ferry workers' union called off Monday's strike after talks with the port authority ran late into the night.")+
		"{not json\n")
	if out, err := exec.Command(bin, "ingest", "--db", db, in).CombinedOutput(); err == nil || !strings.Contains(string(out), "rejected") {
		t.Fatalf("ingest: want exit 1 with a rejection: %v\n%s", err, out)
	}
	if out, err := exec.Command(bin, "feeds", "--db", db, "add", srv.URL+"/feed.xml").CombinedOutput(); err != nil {
		t.Fatalf("feeds add: %v\n%s", err, out)
	}
	addr := freeAddr(t)
	cmd := exec.Command(bin, "serve", "--db", db, "--addr", addr, "--allow-private")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	url := "http://" + addr + "/metrics"
	var fams map[string]*dto.MetricFamily
	for deadline := time.Now().Add(90 * time.Second); ; {
		time.Sleep(300 * time.Millisecond)
		if _, err := http.Get("http://" + addr + "/healthz"); err != nil {
			continue
		}
		var code int
		code, fams = scrapeMetrics(t, url)
		if code == http.StatusOK && metricValue(fams, "parallax_poll_rounds_total") >= 1 &&
			metricValue(fams, "parallax_clustered_articles_total") == 2 &&
			metricValue(fams, "parallax_queue_pending_articles") == 0 && metricValue(fams, "parallax_queue_stale_briefs") == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve never polled and settled the feed; last scrape: %d, rounds %v clustered %v pending %v stale %v", code,
				metricValue(fams, "parallax_poll_rounds_total"), metricValue(fams, "parallax_clustered_articles_total"),
				metricValue(fams, "parallax_queue_pending_articles"), metricValue(fams, "parallax_queue_stale_briefs"))
		}
	}
	st := clitest.Stats(t, bin, db) // `parallax stats --json`
	if st.Articles != 4 || st.Duplicates != 1 || st.Rejected != 1 {
		t.Fatalf("stats %+v: want 4 articles (2 ingested, 2 polled), 1 duplicate, 1 rejected", st)
	}
	for name, want := range map[string]int{"parallax_articles": st.Articles, "parallax_duplicates": st.Duplicates,
		"parallax_rejected": st.Rejected, "parallax_stories": st.Stories, "parallax_events": st.Events, "parallax_sources": st.Sources} {
		if got := metricValue(fams, name); got != float64(want) {
			t.Errorf("%s = %v; parallax stats says %d", name, got, want)
		}
	}
	// serve's own pipeline: the two polled articles, nothing else.
	for _, c := range []struct {
		name   string
		labels []string
		want   float64
	}{
		{"parallax_ingest_inputs_total", []string{"status", "added"}, 2},
		{"parallax_ingest_inputs_total", []string{"status", "duplicate"}, 0},
		{"parallax_ingest_inputs_total", []string{"status", "rejected"}, 0},
		{"parallax_extract_duration_seconds", nil, 2},
		{"parallax_poll_items_total", nil, 2},
		{"parallax_poll_errors_total", nil, 0},
		{"parallax_feeds", nil, 1},
		{"parallax_feeds_broken", nil, 0},
	} {
		if got := metricValue(fams, c.name, c.labels...); got != c.want {
			t.Errorf("%s%v = %v, want %v", c.name, c.labels, got, c.want)
		}
	}
	if metricValue(fams, "parallax_poll_feeds_total") < 1 || metricValue(fams, "parallax_cluster_duration_seconds") < 1 ||
		metricValue(fams, "parallax_brief_duration_seconds") < 1 || metricValue(fams, "parallax_store_bytes") <= 0 {
		t.Errorf("poll, clustering, brief or size figures missing: feeds %v cluster %v brief %v bytes %v",
			metricValue(fams, "parallax_poll_feeds_total"), metricValue(fams, "parallax_cluster_duration_seconds"),
			metricValue(fams, "parallax_brief_duration_seconds"), metricValue(fams, "parallax_store_bytes"))
	}

	// Another serve whose allowed networks leave out loopback.
	addr2 := freeAddr(t)
	cmd2 := exec.Command(bin, "serve", "--db", db, "--addr", addr2, "--no-poll", "--metrics-allow", "192.0.2.0/24")
	if err := cmd2.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd2.Process.Kill(); _ = cmd2.Wait() })
	for i := 0; ; i++ {
		resp, err := http.Get("http://" + addr2 + "/metrics")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode != http.StatusForbidden {
				t.Errorf("/metrics from loopback with --metrics-allow 192.0.2.0/24: %d, want 403", resp.StatusCode)
			}
			break
		}
		if i == 200 {
			t.Fatalf("second serve did not come up: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
