// Package fetch is Parallax's polite, safe HTTP client for feeds and
// article pages: it names itself, spaces requests per host, honours
// robots.txt, sends conditional requests, limits body size before and
// after decompression, and refuses (on every connection, redirects
// included, after name resolution) to reach loopback, private, link-local
// and other non-public addresses.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// DefaultUserAgent names Parallax to the servers it visits.
const DefaultUserAgent = "Parallax/0.1 (+https://github.com/parallax-news/parallax)"

// Options configure a Client. A zero field takes the default given in its
// comment (see DefaultOptions).
type Options struct {
	UserAgent     string           // default DefaultUserAgent
	Timeout       time.Duration    // whole request, body included; default 30s
	DialTimeout   time.Duration    // TCP connect; default 10s
	HeaderTimeout time.Duration    // wait for response headers; default 20s
	MaxBytes      int64            // body limit, on the wire and decoded; default 16 MiB
	MaxRedirects  int              // default 5; negative: follow none
	HostInterval  time.Duration    // min. spacing of requests to one host; default 1s; negative: no limit
	HostBurst     int              // requests a host may get at once; default 1
	RobotsTTL     time.Duration    // how long a robots.txt is trusted; default 24h
	IgnoreRobots  bool             // skip robots.txt (tests, or a user's own site)
	AllowPrivate  bool             // allow loopback/private/link-local targets (tests, intranets)
	Now           func() time.Time // clock for Retry-After pauses; default time.Now
}

// DefaultOptions returns the documented defaults.
func DefaultOptions() Options {
	return Options{
		UserAgent:     DefaultUserAgent,
		Timeout:       30 * time.Second,
		DialTimeout:   10 * time.Second,
		HeaderTimeout: 20 * time.Second,
		MaxBytes:      16 << 20,
		MaxRedirects:  5,
		HostInterval:  time.Second,
		HostBurst:     1,
		RobotsTTL:     24 * time.Hour,
		Now:           time.Now,
	}
}

// withDefaults fills zero fields.
func (o Options) withDefaults() Options {
	d := DefaultOptions()
	if o.UserAgent == "" {
		o.UserAgent = d.UserAgent
	}
	if o.Timeout <= 0 {
		o.Timeout = d.Timeout
	}
	if o.DialTimeout <= 0 {
		o.DialTimeout = d.DialTimeout
	}
	if o.HeaderTimeout <= 0 {
		o.HeaderTimeout = d.HeaderTimeout
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = d.MaxBytes
	}
	if o.MaxRedirects == 0 {
		o.MaxRedirects = d.MaxRedirects
	}
	if o.HostInterval == 0 {
		o.HostInterval = d.HostInterval
	}
	if o.HostBurst <= 0 {
		o.HostBurst = d.HostBurst
	}
	if o.RobotsTTL <= 0 {
		o.RobotsTTL = d.RobotsTTL
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// maxPause caps how long a Retry-After keeps a host paused.
const maxPause = 24 * time.Hour

// Conditional carries the validators of a previous response.
type Conditional struct {
	ETag         string
	LastModified string
}

// Response is a fetched document.
type Response struct {
	URL          string // final URL, after redirects
	Status       int
	NotModified  bool // 304: Body is empty, the cached copy is current
	Body         []byte
	ContentType  string
	ETag         string // validators to send next time
	LastModified string
	Header       http.Header
}

// Client fetches documents. It is safe for concurrent use.
type Client struct {
	opts   Options
	http   *http.Client // documents: redirects checked against robots.txt
	plain  *http.Client // robots.txt itself
	hosts  *hostLimiter
	robots *robotsCache

	allowAddr func(netip.AddrPort) bool // tests: addresses let through the guard
}

// New returns a Client with opts (zero fields take their defaults).
func New(opts Options) *Client {
	c := &Client{opts: opts.withDefaults()}
	c.hosts = newHostLimiter(c.opts.HostInterval, c.opts.HostBurst)
	tr := &http.Transport{
		Proxy:                 nil, // a proxy would dial for us, past the guard
		DialContext:           c.dialer().DialContext,
		ForceAttemptHTTP2:     true,
		TLSHandshakeTimeout:   c.opts.DialTimeout,
		ResponseHeaderTimeout: c.opts.HeaderTimeout,
		DisableCompression:    true,
		MaxIdleConnsPerHost:   2,
		IdleConnTimeout:       90 * time.Second,
	}
	c.http = &http.Client{Transport: tr, Timeout: c.opts.Timeout, CheckRedirect: c.checkRedirect(true)}
	c.plain = &http.Client{Transport: tr, Timeout: c.opts.Timeout, CheckRedirect: c.checkRedirect(false)}
	c.robots = &robotsCache{ttl: c.opts.RobotsTTL, get: c.getRobots, now: c.opts.Now, hosts: map[string]*robotsEntry{}}
	return c
}

// Get fetches rawURL. A 304 answer to cond gives NotModified; 429 and 503
// give a *RetryError; other non-2xx statuses a *StatusError. After a
// Retry-After, further requests to that host fail at once with a
// *RetryError (no request is sent) until the wait is over.
func (c *Client) Get(ctx context.Context, rawURL string, cond Conditional) (*Response, error) {
	u, err := checkURL(rawURL)
	if err != nil {
		return nil, err
	}
	if wait := c.hosts.pausedFor(u.Host, c.opts.Now()); wait > 0 {
		return nil, &RetryError{URL: u.String(), Wait: wait}
	}
	if !c.opts.IgnoreRobots {
		if err := c.robots.allowed(ctx, u); err != nil {
			return nil, err
		}
	}
	if err := c.hosts.wait(ctx, u.Host); err != nil {
		return nil, fmt.Errorf("fetch %s: %w", u, err)
	}
	req, err := c.newRequest(ctx, u)
	if err != nil {
		return nil, err
	}
	if cond.ETag != "" {
		req.Header.Set("If-None-Match", cond.ETag)
	}
	if cond.LastModified != "" {
		req.Header.Set("If-Modified-Since", cond.LastModified)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", u, unwrapURLError(err))
	}
	defer resp.Body.Close()
	return c.read(resp, cond)
}

// read turns an HTTP response into a Response or a typed error.
func (c *Client) read(resp *http.Response, cond Conditional) (*Response, error) {
	final := resp.Request.URL.String()
	r := &Response{
		URL: final, Status: resp.StatusCode, Header: resp.Header,
		ContentType:  resp.Header.Get("Content-Type"),
		ETag:         firstOf(resp.Header.Get("ETag"), cond.ETag),
		LastModified: firstOf(resp.Header.Get("Last-Modified"), cond.LastModified),
	}
	switch s := resp.StatusCode; {
	case s == http.StatusNotModified:
		r.NotModified = true
		return r, nil
	case s == http.StatusTooManyRequests || s == http.StatusServiceUnavailable:
		now := c.opts.Now()
		wait := retryAfter(resp.Header.Get("Retry-After"), now)
		if wait > 0 {
			c.hosts.pause(resp.Request.URL.Host, now.Add(min(wait, maxPause)))
		}
		return nil, &RetryError{URL: final, Status: s, Wait: wait}
	case s < 200 || s > 299:
		return nil, &StatusError{URL: final, Status: s}
	}
	if resp.ContentLength > c.opts.MaxBytes {
		return nil, fmt.Errorf("fetch %s: %w: Content-Length %d > %d", final, ErrTooLarge, resp.ContentLength, c.opts.MaxBytes)
	}
	body, err := readBody(resp.Body, resp.Header.Get("Content-Encoding"), c.opts.MaxBytes)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", final, err)
	}
	r.Body = body
	return r, nil
}

// getRobots fetches a robots.txt: status and (size-limited) body.
func (c *Client) getRobots(ctx context.Context, u *url.URL) (int, []byte, error) {
	if err := c.hosts.wait(ctx, u.Host); err != nil {
		return 0, nil, err
	}
	req, err := c.newRequest(ctx, u)
	if err != nil {
		return 0, nil, err
	}
	resp, err := c.plain.Do(req)
	if err != nil {
		return 0, nil, unwrapURLError(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return resp.StatusCode, nil, nil
	}
	body, err := readBody(resp.Body, resp.Header.Get("Content-Encoding"), robotsMaxBytes)
	if errors.Is(err, ErrTooLarge) {
		return http.StatusNotFound, nil, nil // an absurd robots.txt is no robots.txt
	}
	return resp.StatusCode, body, err
}

func (c *Client) newRequest(ctx context.Context, u *url.URL) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", u, err)
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	req.Header.Set("Accept-Encoding", acceptEncoding)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.9, */*;q=0.8")
	return req, nil
}

// checkRedirect limits redirects and applies the scheme, robots.txt and
// per-host rules to each hop; the address guard runs when it is dialled.
func (c *Client) checkRedirect(robots bool) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		if len(via) > c.opts.MaxRedirects {
			return fmt.Errorf("%w: more than %d", ErrRedirects, max(c.opts.MaxRedirects, 0))
		}
		if _, err := checkURL(req.URL.String()); err != nil {
			return err
		}
		if robots && !c.opts.IgnoreRobots {
			if err := c.robots.allowed(req.Context(), req.URL); err != nil {
				return err
			}
		}
		return c.hosts.wait(req.Context(), req.URL.Host)
	}
}

// checkURL parses an absolute http(s) URL.
func checkURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, fmt.Errorf("fetch %q: %w", raw, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("%w: %q", ErrScheme, raw)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("fetch %q: %w", raw, errNoHost)
	}
	return u, nil
}

var errNoHost = errors.New("fetch: URL has no host")

// unwrapURLError drops *url.Error's repeated "Get URL:" prefix.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// retryAfter reads a Retry-After value: delay-seconds or an HTTP date.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil {
		return max(time.Duration(s)*time.Second, 0)
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0)
	}
	return 0
}

func firstOf(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
