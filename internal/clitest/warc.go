package clitest

import (
	"bufio"
	"fmt"
	"html"
	"os"
	"parallax/internal/ingest/warc"
	"strings"
	"testing"
	"time"
)

// DevPage renders a dev record as an article page.
func DevPage(r DevRecord) []byte {
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

// WriteDevWARC writes the records as a WARC.gz of response records, n
// rounds over the set; round k > 0 gets fresh URLs (and so fresh ids).
func WriteDevWARC(t testing.TB, recs []DevRecord, path string, n int) int {
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
			if err := w.WriteResponse(u, date, DevPage(r)); err != nil {
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
