package web

import (
	"compress/gzip"
	"net/http"
	"strconv"
	"strings"
	"sync"
)

// gzipMinSize: smaller bodies are sent as they are, since gzip would
// barely shrink them.
const gzipMinSize = 1024

// gzipTypes are the content types worth compressing.
var gzipTypes = []string{"text/html", "application/json", "text/css", "text/plain"}

var gzipWriters = sync.Pool{New: func() any {
	zw, _ := gzip.NewWriterLevel(nil, gzip.DefaultCompression)
	return zw
}}

// gzipResponses compresses responses of gzipTypes of at least
// gzipMinSize bytes for clients whose Accept-Encoding takes gzip, and
// marks every response as varying by Accept-Encoding.
func gzipResponses(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Vary", "Accept-Encoding")
		if r.Method == http.MethodHead || !acceptsGzip(r.Header.Get("Accept-Encoding")) {
			next.ServeHTTP(w, r)
			return
		}
		gw := &gzipWriter{ResponseWriter: w}
		defer gw.finish()
		next.ServeHTTP(gw, r)
	})
}

// acceptsGzip reports whether an Accept-Encoding value takes gzip: it
// names gzip (or *) without q=0.
func acceptsGzip(header string) bool {
	for _, part := range strings.Split(header, ",") {
		coding, params, _ := strings.Cut(part, ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		if coding != "gzip" && coding != "x-gzip" && coding != "*" {
			continue
		}
		if q, ok := qValue(params); !ok || q > 0 {
			return true
		}
	}
	return false
}

// qValue reads q= from a coding's parameters; ok is false when absent
// or malformed (taken as q=1).
func qValue(params string) (float64, bool) {
	for _, p := range strings.Split(params, ";") {
		k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
		if strings.EqualFold(strings.TrimSpace(k), "q") {
			q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			return q, err == nil
		}
	}
	return 0, false
}

// gzipWriter holds back the start of a response until it knows whether
// to compress it: the body reaches gzipMinSize, or the handler is done.
type gzipWriter struct {
	http.ResponseWriter
	status  int
	buf     []byte
	decided bool
	zw      *gzip.Writer // nil when sending as is
}

func (g *gzipWriter) WriteHeader(code int) {
	if code >= 100 && code < 200 { // informational: not the response's status
		g.ResponseWriter.WriteHeader(code)
		return
	}
	if g.status == 0 {
		g.status = code
	}
}

func (g *gzipWriter) Write(b []byte) (int, error) {
	if g.status == 0 {
		g.status = http.StatusOK
	}
	if g.decided {
		return g.write(b)
	}
	g.buf = append(g.buf, b...)
	if len(g.buf) >= gzipMinSize {
		if err := g.decide(true); err != nil {
			return 0, err
		}
	}
	return len(b), nil
}

func (g *gzipWriter) write(b []byte) (int, error) {
	if g.zw != nil {
		return g.zw.Write(b)
	}
	return g.ResponseWriter.Write(b)
}

// decide sends the header, compressed or not, and the held-back bytes.
func (g *gzipWriter) decide(big bool) error {
	g.decided = true
	h := g.Header()
	if big && g.compressible() {
		h.Del("Content-Length")
		h.Set("Content-Encoding", "gzip")
		g.zw = gzipWriters.Get().(*gzip.Writer)
		g.zw.Reset(g.ResponseWriter)
	}
	if g.status == 0 {
		g.status = http.StatusOK
	}
	g.ResponseWriter.WriteHeader(g.status)
	if len(g.buf) == 0 {
		return nil
	}
	_, err := g.write(g.buf)
	g.buf = nil
	return err
}

// compressible: a full response of a type worth compressing that is not
// encoded already.
func (g *gzipWriter) compressible() bool {
	h := g.Header()
	if h.Get("Content-Encoding") != "" || h.Get("Content-Range") != "" ||
		g.status == http.StatusPartialContent || g.status == http.StatusNoContent || g.status == http.StatusNotModified {
		return false
	}
	ct := h.Get("Content-Type")
	for _, t := range gzipTypes {
		if strings.HasPrefix(ct, t) {
			return true
		}
	}
	return false
}

// finish sends what is held back and ends the gzip stream.
func (g *gzipWriter) finish() {
	if !g.decided {
		if g.status == 0 { // nothing written: leave the default to net/http
			return
		}
		_ = g.decide(false)
	}
	if g.zw != nil {
		_ = g.zw.Close()
		g.zw.Reset(nil)
		gzipWriters.Put(g.zw)
		g.zw = nil
	}
}
