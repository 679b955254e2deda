package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"time"

	"parallax/internal/ingest/fetch"
	"parallax/internal/store"
)

// Options configure the web layer. The zero value is usable: see the
// defaults documented on each field.
type Options struct {
	Addr            string        // listen address for Run; default "127.0.0.1:8080"
	Log             *slog.Logger  // default slog.Default()
	PageSize        int           // stories per page on "/"; default 20
	ShutdownTimeout time.Duration // grace period for open requests; default 10s
	// Ready, if set, tells /healthz whether the process is ready: nil
	// when it is, else what it is still doing (loading its state,
	// catching up).
	Ready func() error
	// CacheBytes bounds the responses kept for the next reader
	// (cache.go); 0 means DefaultCacheBytes, a negative value no cache.
	CacheBytes int
	// MetricsAllow are the networks /metrics answers (others get 403);
	// default DefaultMetricsAllow, loopback only.
	MetricsAllow []netip.Prefix
	// Pipeline, if set, are the counters and latencies of the pipeline
	// running in this process, served on /metrics with the store's.
	Pipeline *PipelineMetrics

	// PasswordHash is the operator's password as HashPassword keeps it;
	// nil: no password, so the pages cannot change anything (API keys
	// still can). See auth.go.
	PasswordHash []byte
	// Public says the server is reachable beyond loopback; ServeListener
	// sets it for a non-loopback listener. Then, with a password, reading
	// needs a login (or an API key) too; without one, serve warns at start.
	Public bool
	// SessionTTL is how long a login lasts; default DefaultSessionTTL.
	SessionTTL time.Duration
	// LoginAttempts a client address may make a minute (429 after);
	// default DefaultLoginAttempts.
	LoginAttempts int
	// Fetch fetches the feeds added on the sources page; default a
	// fetch.Client refusing private addresses.
	Fetch *fetch.Client
	// PollNow, if set, is called when a feed was added or marked due, to
	// wake the poller (poll.Options.Wake); without it the poller notices
	// within its idle time (a minute).
	PollNow func()
}

// Defaults used when an Options field is zero.
const (
	DefaultAddr            = "127.0.0.1:8080"
	DefaultPageSize        = 20
	DefaultShutdownTimeout = 10 * time.Second
)

func (o Options) withDefaults() Options {
	if o.Addr == "" {
		o.Addr = DefaultAddr
	}
	if o.Log == nil {
		o.Log = slog.Default()
	}
	if o.PageSize <= 0 {
		o.PageSize = DefaultPageSize
	}
	if o.MetricsAllow == nil {
		o.MetricsAllow = DefaultMetricsAllow
	}
	if o.CacheBytes == 0 {
		o.CacheBytes = DefaultCacheBytes
	}
	if o.SessionTTL <= 0 {
		o.SessionTTL = DefaultSessionTTL
	}
	if o.LoginAttempts <= 0 {
		o.LoginAttempts = DefaultLoginAttempts
	}
	if o.Fetch == nil {
		o.Fetch = fetch.New(fetch.Options{})
	}
	if o.ShutdownTimeout <= 0 {
		o.ShutdownTimeout = DefaultShutdownTimeout
	}
	return o
}

// NewHandler returns the routes of Parallax's pages and API over st.
func NewHandler(st store.Store, log *slog.Logger) http.Handler {
	return New(st, Options{Log: log})
}

// Serve listens on addr and serves until ctx ends, then shuts down
// gracefully. It logs the URL it serves on.
func Serve(ctx context.Context, st store.Store, addr string, log *slog.Logger) error {
	return Run(ctx, st, Options{Addr: addr, Log: log})
}

// Run is Serve with full options.
func Run(ctx context.Context, st store.Store, opts Options) error {
	opts = opts.withDefaults()
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return fmt.Errorf("web: listen %s: %w", opts.Addr, err)
	}
	return ServeListener(ctx, st, ln, opts)
}

// ServeListener serves on an open listener (e.g. one on port 0, whose
// address the caller already knows) until ctx ends. It closes ln.
func ServeListener(ctx context.Context, st store.Store, ln net.Listener, opts Options) error {
	opts = opts.withDefaults()
	opts.Public = opts.Public || !isLoopback(ln.Addr())
	srv := newServer(New(st, opts), opts.Log)
	opts.Log.Info("web: serving", "url", "http://"+ln.Addr().String()+"/")
	logAuthMode(opts)

	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("web: serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), opts.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("web: shutdown: %w", err)
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("web: serve: %w", err)
	}
	opts.Log.Info("web: stopped")
	return nil
}

func newServer(h http.Handler, log *slog.Logger) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
}

// isLoopback reports whether a listener's address is a loopback one.
func isLoopback(a net.Addr) bool {
	ap, err := netip.ParseAddrPort(a.String())
	return err == nil && ap.Addr().Unmap().IsLoopback()
}

// logAuthMode says at start who can change things (never the password).
func logAuthMode(opts Options) {
	switch {
	case opts.PasswordHash != nil:
		opts.Log.Info("web: changes need the operator's login or an API key", "reading_needs_login", opts.Public)
	case opts.Public:
		opts.Log.Warn("web: serving beyond loopback without a password: anyone who reaches the port can read; " +
			"changes are refused until PARALLAX_PASSWORD (or PARALLAX_PASSWORD_FILE) is set")
	default:
		opts.Log.Info("web: no password set: the pages are read-only (set PARALLAX_PASSWORD to enable changes)")
	}
}
