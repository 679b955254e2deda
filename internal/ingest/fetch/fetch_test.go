package fetch

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
)

// testOptions are fast options that allow the loopback test servers.
func testOptions() Options {
	return Options{
		AllowPrivate:  true,
		HostInterval:  -1,
		Timeout:       2 * time.Second,
		HeaderTimeout: 2 * time.Second,
		DialTimeout:   time.Second,
	}
}

func TestGetConditional(t *testing.T) {
	var hits, conditional atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		hits.Add(1)
		if got := r.Header.Get("User-Agent"); got != DefaultUserAgent {
			t.Errorf("User-Agent = %q", got)
		}
		if r.Header.Get("If-None-Match") == `"v1"` {
			conditional.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Mon, 02 Jan 2006 15:04:05 GMT")
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, "<rss/>")
	}))
	defer srv.Close()
	c := New(testOptions())
	ctx := context.Background()

	r, err := c.Get(ctx, srv.URL+"/feed", Conditional{})
	if err != nil {
		t.Fatal(err)
	}
	if r.NotModified || string(r.Body) != "<rss/>" || r.ETag != `"v1"` || r.LastModified == "" {
		t.Fatalf("first response = %+v", r)
	}
	r2, err := c.Get(ctx, srv.URL+"/feed", Conditional{ETag: r.ETag, LastModified: r.LastModified})
	if err != nil {
		t.Fatal(err)
	}
	if !r2.NotModified || len(r2.Body) != 0 {
		t.Fatalf("second response not 304: %+v", r2)
	}
	if r2.ETag != `"v1"` || r2.LastModified != r.LastModified {
		t.Errorf("validators lost on 304: %q %q", r2.ETag, r2.LastModified)
	}
	if hits.Load() != 2 || conditional.Load() != 1 {
		t.Errorf("hits = %d, conditional = %d", hits.Load(), conditional.Load())
	}
}

func gzipBytes(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

func TestGetEncodingsAndLimits(t *testing.T) {
	small := []byte(strings.Repeat("news ", 100))
	bomb := gzipBytes(t, make([]byte, 4<<20)) // 4 MiB of zeros, ~4 KiB on the wire
	var br bytes.Buffer
	bw := brotli.NewWriter(&br)
	bw.Write(small)
	bw.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/gzip":
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(gzipBytes(t, small))
		case "/br":
			w.Header().Set("Content-Encoding", "br")
			w.Write(br.Bytes())
		case "/bomb":
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(bomb)
		case "/big":
			w.Write(make([]byte, 300<<10))
		case "/bigchunked":
			for range 300 {
				w.Write(make([]byte, 1<<10))
				w.(http.Flusher).Flush()
			}
		case "/badgzip":
			w.Header().Set("Content-Encoding", "gzip")
			w.Write([]byte("not gzip at all"))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	opts := testOptions()
	opts.IgnoreRobots = true
	opts.MaxBytes = 256 << 10
	c := New(opts)
	tests := []struct {
		path string
		want error
	}{
		{"/gzip", nil},
		{"/br", nil},
		{"/bomb", ErrTooLarge},
		{"/big", ErrTooLarge},
		{"/bigchunked", ErrTooLarge},
		{"/badgzip", ErrEncoding},
	}
	for _, tt := range tests {
		t.Run(strings.TrimPrefix(tt.path, "/"), func(t *testing.T) {
			r, err := c.Get(context.Background(), srv.URL+tt.path, Conditional{})
			if tt.want != nil {
				if !errors.Is(err, tt.want) {
					t.Fatalf("err = %v, want %v", err, tt.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(r.Body, small) {
				t.Errorf("decoded body = %d bytes, want %d", len(r.Body), len(small))
			}
		})
	}
}

func TestGetRetryAfter(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		switch r.URL.Path {
		case "/429":
			w.Header().Set("Retry-After", "120")
			w.WriteHeader(http.StatusTooManyRequests)
		case "/503":
			w.Header().Set("Retry-After", time.Now().Add(time.Hour).UTC().Format(http.TimeFormat))
			w.WriteHeader(http.StatusServiceUnavailable)
		case "/503bare":
			w.WriteHeader(http.StatusServiceUnavailable)
		case "/410":
			w.WriteHeader(http.StatusGone)
		default:
			fmt.Fprint(w, "ok")
		}
	}))
	defer srv.Close()
	now := time.Now()
	opts := testOptions()
	opts.IgnoreRobots = true
	opts.Now = func() time.Time { return now }
	ctx := context.Background()

	t.Run("429", func(t *testing.T) {
		c := New(opts)
		_, err := c.Get(ctx, srv.URL+"/429", Conditional{})
		var re *RetryError
		if !errors.As(err, &re) || !errors.Is(err, ErrThrottled) || re.Status != 429 || re.Wait != 2*time.Minute {
			t.Fatalf("err = %v", err)
		}
		before := hits.Load()
		_, err = c.Get(ctx, srv.URL+"/other", Conditional{})
		if !errors.As(err, &re) || re.Status != 0 || re.Wait != 2*time.Minute || hits.Load() != before {
			t.Fatalf("request during the pause: err = %v, server hits %d -> %d", err, before, hits.Load())
		}
		now = now.Add(2 * time.Minute)
		if _, err := c.Get(ctx, srv.URL+"/other", Conditional{}); err != nil {
			t.Fatalf("after the pause: %v", err)
		}
	})
	t.Run("503Date", func(t *testing.T) {
		now = time.Now()
		_, err := New(opts).Get(ctx, srv.URL+"/503", Conditional{})
		var re *RetryError
		if !errors.As(err, &re) || re.Status != 503 || re.Wait < 58*time.Minute || re.Wait > time.Hour {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("503Bare", func(t *testing.T) {
		c := New(opts)
		_, err := c.Get(ctx, srv.URL+"/503bare", Conditional{})
		var re *RetryError
		if !errors.As(err, &re) || re.Wait != 0 {
			t.Errorf("err = %v", err)
		}
		if _, err := c.Get(ctx, srv.URL+"/other", Conditional{}); err != nil {
			t.Errorf("a 503 without Retry-After must not pause the host: %v", err)
		}
	})
	t.Run("410", func(t *testing.T) {
		_, err := New(opts).Get(ctx, srv.URL+"/410", Conditional{})
		var se *StatusError
		if !errors.As(err, &se) || se.Status != 410 || !Permanent(err) {
			t.Errorf("err = %v", err)
		}
	})
}

func TestGetRawDeflate(t *testing.T) {
	want := strings.Repeat("deflated news ", 50)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "deflate")
		var buf bytes.Buffer
		if r.URL.Path == "/zlib" {
			zw := zlib.NewWriter(&buf)
			zw.Write([]byte(want))
			zw.Close()
		} else {
			fw, _ := flate.NewWriter(&buf, flate.BestCompression)
			fw.Write([]byte(want))
			fw.Close()
		}
		w.Write(buf.Bytes())
	}))
	defer srv.Close()
	opts := testOptions()
	opts.IgnoreRobots = true
	c := New(opts)
	for _, path := range []string{"/zlib", "/raw"} {
		t.Run(path, func(t *testing.T) {
			r, err := c.Get(context.Background(), srv.URL+path, Conditional{})
			if err != nil || string(r.Body) != want {
				t.Errorf("err %v, body %d bytes", err, len(r.Body))
			}
		})
	}
}

func TestGetRedirects(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var n int
		if _, err := fmt.Sscanf(r.URL.Path, "/hop/%d", &n); err == nil && n > 0 {
			http.Redirect(w, r, fmt.Sprintf("/hop/%d", n-1), http.StatusFound)
			return
		}
		if r.URL.Path == "/ftp" {
			http.Redirect(w, r, "ftp://example.com/x", http.StatusFound)
			return
		}
		fmt.Fprint(w, "arrived")
	}))
	defer srv.Close()
	opts := testOptions()
	opts.IgnoreRobots = true
	c := New(opts)
	ctx := context.Background()

	r, err := c.Get(ctx, srv.URL+"/hop/5", Conditional{})
	if err != nil || string(r.Body) != "arrived" || !strings.HasSuffix(r.URL, "/hop/0") {
		t.Fatalf("5 redirects: %v %+v", err, r)
	}
	if _, err := c.Get(ctx, srv.URL+"/hop/6", Conditional{}); !errors.Is(err, ErrRedirects) {
		t.Errorf("6 redirects: err = %v", err)
	}
	if _, err := c.Get(ctx, srv.URL+"/ftp", Conditional{}); !errors.Is(err, ErrScheme) {
		t.Errorf("redirect to ftp: err = %v", err)
	}
}

func TestGetRobots(t *testing.T) {
	var robotsHits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			robotsHits.Add(1)
			fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n\nUser-agent: Parallax\nDisallow: /nobots/\n")
		case "/jump":
			http.Redirect(w, r, "/nobots/x", http.StatusFound)
		default:
			fmt.Fprint(w, "ok")
		}
	}))
	defer srv.Close()
	c := New(testOptions())
	ctx := context.Background()
	tests := []struct {
		path string
		want error
	}{
		{"/public", nil},
		{"/nobots/page", ErrRobots},
		{"/private/page", nil}, // the Parallax group replaces the * group
		{"/jump", ErrRobots},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			_, err := c.Get(ctx, srv.URL+tt.path, Conditional{})
			if !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
	if n := robotsHits.Load(); n != 1 {
		t.Errorf("robots.txt fetched %d times, want 1 (cached)", n)
	}
}

func TestGetTimeouts(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/body" {
			w.Write([]byte("partial"))
			w.(http.Flusher).Flush()
		}
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	opts := testOptions()
	opts.IgnoreRobots = true
	opts.Timeout = 300 * time.Millisecond
	opts.HeaderTimeout = 200 * time.Millisecond
	c := New(opts)
	for _, path := range []string{"/headers", "/body"} {
		t.Run(path, func(t *testing.T) {
			_, err := c.Get(context.Background(), srv.URL+path, Conditional{})
			if err == nil {
				t.Fatal("stalled response did not time out")
			}
			var ne interface{ Timeout() bool }
			if !errors.As(err, &ne) || !ne.Timeout() {
				t.Errorf("err = %v, want a timeout", err)
			}
		})
	}
}

func TestGuardRefusesLoopbackByDefault(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "secret")
	}))
	defer srv.Close()
	c := New(Options{IgnoreRobots: true, Timeout: 2 * time.Second})
	_, err := c.Get(context.Background(), srv.URL+"/", Conditional{})
	if !errors.Is(err, ErrForbidden) {
		t.Fatalf("err = %v, want ErrForbidden", err)
	}
	// With robots.txt on, the robots.txt request is refused the same way.
	_, err = New(Options{Timeout: 2 * time.Second}).Get(context.Background(), srv.URL+"/", Conditional{})
	if !errors.Is(err, ErrForbidden) || errors.Is(err, ErrRobotsFailed) {
		t.Fatalf("with robots.txt: err = %v, want ErrForbidden only", err)
	}
	// "localhost" resolves to loopback: the check is on the dialled address.
	_, err = c.Get(context.Background(), strings.Replace(srv.URL, "127.0.0.1", "localhost", 1), Conditional{})
	if !errors.Is(err, ErrForbidden) {
		t.Fatalf("localhost: err = %v, want ErrForbidden", err)
	}
}

func TestGuardRefusesRedirectToPrivate(t *testing.T) {
	private := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "metadata")
	}))
	defer private.Close()
	public := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/ok" {
			fmt.Fprint(w, "public page")
			return
		}
		http.Redirect(w, r, private.URL+"/latest/meta-data", http.StatusFound)
	}))
	defer public.Close()
	publicAddr := netip.MustParseAddrPort(strings.TrimPrefix(public.URL, "http://"))
	c := New(Options{IgnoreRobots: true, HostInterval: -1, Timeout: 2 * time.Second})
	c.allowAddr = func(ap netip.AddrPort) bool { return ap == publicAddr } // stands in for a public host

	r, err := c.Get(context.Background(), public.URL+"/ok", Conditional{})
	if err != nil || string(r.Body) != "public page" {
		t.Fatalf("allowed server: %v", err)
	}
	_, err = c.Get(context.Background(), public.URL+"/redirect", Conditional{})
	if !errors.Is(err, ErrForbidden) {
		t.Fatalf("redirect to private: err = %v, want ErrForbidden", err)
	}
}

func TestCheckAddr(t *testing.T) {
	tests := []struct {
		addr    string
		blocked bool
	}{
		{"127.0.0.1", true},
		{"127.8.9.10", true},
		{"::1", true},
		{"10.1.2.3", true},
		{"172.16.0.1", true},
		{"172.31.255.255", true},
		{"192.168.1.1", true},
		{"169.254.169.254", true},
		{"100.64.0.1", true},
		{"100.127.255.255", true},
		{"0.0.0.0", true},
		{"::", true},
		{"224.0.0.1", true},
		{"255.255.255.255", true},
		{"fe80::1", true},
		{"fc00::1", true},
		{"fd12:3456::1", true},
		{"ff02::1", true},
		{"::ffff:127.0.0.1", true},
		{"::ffff:169.254.169.254", true},
		{"64:ff9b::a9fe:a9fe", true}, // NAT64 of 169.254.169.254
		{"8.8.8.8", false},
		{"1.1.1.1", false},
		{"172.32.0.1", false},
		{"100.128.0.1", false},
		{"2606:4700:4700::1111", false},
		{"::ffff:8.8.8.8", false},
	}
	for _, tt := range tests {
		t.Run(tt.addr, func(t *testing.T) {
			err := CheckAddr(netip.MustParseAddr(tt.addr))
			if got := err != nil; got != tt.blocked {
				t.Errorf("CheckAddr(%s) = %v, want blocked=%v", tt.addr, err, tt.blocked)
			}
			if err != nil && !errors.Is(err, ErrForbidden) {
				t.Errorf("error %v does not wrap ErrForbidden", err)
			}
		})
	}
}

func TestGetRefusesSchemes(t *testing.T) {
	c := New(Options{})
	for _, u := range []string{"file:///etc/passwd", "ftp://example.com/", "gopher://x/", "javascript:alert(1)"} {
		if _, err := c.Get(context.Background(), u, Conditional{}); !errors.Is(err, ErrScheme) {
			t.Errorf("%s: err = %v", u, err)
		}
	}
}

func TestRetryAfterParse(t *testing.T) {
	now := time.Date(2025, 1, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name, in string
		want     time.Duration
	}{
		{"Seconds", "30", 30 * time.Second},
		{"Date", "Wed, 01 Jan 2025 12:10:00 GMT", 10 * time.Minute},
		{"PastDate", "Wed, 01 Jan 2025 11:00:00 GMT", 0},
		{"Negative", "-5", 0},
		{"Garbage", "soon", 0},
		{"Empty", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := retryAfter(tt.in, now); got != tt.want {
				t.Errorf("retryAfter(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}
