package warc

import (
	"bytes"
	"compress/gzip"
	"crypto/rand"
	"fmt"
	"io"
	"time"
)

// Writer writes WARC/1.1 records, each in a gzip member of its own (the
// Common Crawl layout) or plain. Tests and benchmarks use it to make
// archives; it is also a way to export pages.
type Writer struct {
	w    io.Writer
	gzip bool
}

// NewWriter returns a Writer to w; compressed selects WARC.gz.
func NewWriter(w io.Writer, compressed bool) *Writer {
	return &Writer{w: w, gzip: compressed}
}

// WriteRecord writes one record with the given fields (WARC-Record-ID and
// Content-Length are added) and content block.
func (w *Writer) WriteRecord(fields [][2]string, content []byte) error {
	var b bytes.Buffer
	b.WriteString("WARC/1.1\r\n")
	for _, f := range fields {
		fmt.Fprintf(&b, "%s: %s\r\n", f[0], f[1])
	}
	fmt.Fprintf(&b, "WARC-Record-ID: <urn:uuid:%s>\r\n", uuid())
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n", len(content))
	b.Write(content)
	b.WriteString("\r\n\r\n")
	if !w.gzip {
		_, err := w.w.Write(b.Bytes())
		return err
	}
	z := gzip.NewWriter(w.w)
	if _, err := z.Write(b.Bytes()); err != nil {
		return err
	}
	return z.Close()
}

// WriteResponse writes a response record holding an HTTP 200 response with
// an HTML body, captured from uri at date.
func (w *Writer) WriteResponse(uri string, date time.Time, html []byte) error {
	var http bytes.Buffer
	fmt.Fprintf(&http, "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n", len(html))
	http.Write(html)
	return w.WriteRecord([][2]string{
		{"WARC-Type", "response"},
		{"WARC-Target-URI", uri},
		{"WARC-Date", date.UTC().Format(time.RFC3339)},
		{"Content-Type", "application/http; msgtype=response"},
	}, http.Bytes())
}

func uuid() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}
