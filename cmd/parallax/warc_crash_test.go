package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"parallax/internal/ingest/warc"
	"parallax/internal/shared"
	"parallax/internal/store/sqlite"
)

// devRecord is the part of a cluster dev.jsonl line that becomes a page.
type devRecord struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	Published string `json:"published"`
}

// readDevRecords reads the cluster dev set.
func readDevRecords(t testing.TB, path string) []devRecord {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []devRecord
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var r devRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	return out
}

// devPage renders a dev record as an article page.
func devPage(r devRecord) []byte {
	var b strings.Builder
	t := html.EscapeString(r.Title)
	fmt.Fprintf(&b, "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>%s</title>", t)
	if r.Published != "" {
		fmt.Fprintf(&b, "<meta property=\"article:published_time\" content=\"%s\">", html.EscapeString(r.Published))
	}
	fmt.Fprintf(&b, "</head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article><h1>%s</h1>\n", t)
	for _, p := range strings.Split(r.Text, "\n") {
		if p = strings.TrimSpace(p); p != "" {
			fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(p))
		}
	}
	b.WriteString("</article><footer>Copyright the publisher</footer></body></html>")
	return []byte(b.String())
}

// writeDevWARC writes the records as a WARC.gz of response records, n
// rounds over the set; round k > 0 gets fresh URLs (and so fresh ids).
func writeDevWARC(t testing.TB, recs []devRecord, path string, n int) int {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	w := warc.NewWriter(bw, true)
	count := 0
	date := time.Date(2017, 5, 1, 0, 0, 0, 0, time.UTC)
	for k := range n {
		for _, r := range recs {
			if count >= n*len(recs) {
				break
			}
			u := r.URL
			if u == "" {
				u = "https://dev.example/" + r.ID
			}
			if k > 0 {
				u += fmt.Sprintf("#replay%d", k)
				u = strings.Replace(u, "://", fmt.Sprintf("://r%d.", k), 1)
			}
			if err := w.WriteResponse(u, date, devPage(r)); err != nil {
				t.Fatal(err)
			}
			count++
		}
	}
	if err := bw.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return count
}

// TestWARCCrashResume SIGKILLs `parallax ingest` while it reads a WARC,
// runs it again, and finds every article stored exactly once, each with its
// provenance, and the same stories as an uninterrupted run.
func TestWARCCrashResume(t *testing.T) {
	t.Parallel() // a subprocess test: runs beside the other heavy ones
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL")
	}
	recs := readDevRecords(t, shared.TestData(t, "cluster", "dev.jsonl"))
	recs = recs[:min(len(recs), 800)] // enough for two kills; TestStreamStored clusters whole files
	bin := buildBinary(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "dev.warc.gz")
	writeDevWARC(t, recs, in, 1)

	clean := filepath.Join(dir, "clean.db")
	if out, err := exec.Command(bin, "ingest", "--db", clean, in).CombinedOutput(); ingestErr(err, out) != nil {
		t.Fatalf("clean ingest: %v\n%s", err, out)
	}
	want := assignments(t, clean)

	crashed := filepath.Join(dir, "crashed.db")
	killAndResume(t, bin, crashed, in, []int{len(want) / 3, len(want) * 2 / 3})
	got := assignments(t, crashed)
	if len(got) != len(want) {
		t.Fatalf("resumed store has %d articles, clean run %d", len(got), len(want))
	}
	for id := range want {
		if _, ok := got[id]; !ok {
			t.Errorf("article %s lost after the crash", id)
		}
	}
	if partition(want) != partition(got) {
		t.Errorf("story partition differs from the clean run after a crash")
	}
	st, err := sqlite.Open(context.Background(), crashed)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for id := range got {
		if pr, err := st.Provenance(context.Background(), id); err != nil || !strings.Contains(pr.Origin, "dev.warc.gz#record") {
			t.Errorf("article %s: provenance %v, %v", id, pr, err)
		}
	}
	cs, rs := statsOf(t, bin, clean), statsOf(t, bin, crashed)
	if cs.Articles != rs.Articles || cs.Stories != rs.Stories {
		t.Errorf("stats differ: clean %+v, resumed %+v", cs, rs)
	}
	t.Logf("after the kills: %d articles, %d stories, as the clean run", rs.Articles, rs.Stories)
}
