package fetch

import (
	"context"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// hostLimiter spaces requests to one host: a token bucket per host.
type hostLimiter struct {
	every time.Duration // <= 0: no limit
	burst int

	mu     sync.Mutex
	hosts  map[string]*rate.Limiter
	paused map[string]time.Time // host -> no request before this time (Retry-After)
}

func newHostLimiter(every time.Duration, burst int) *hostLimiter {
	return &hostLimiter{every: every, burst: max(burst, 1), hosts: map[string]*rate.Limiter{}, paused: map[string]time.Time{}}
}

// wait blocks until a request to host may go, or ctx ends.
func (h *hostLimiter) wait(ctx context.Context, host string) error {
	if h.every <= 0 {
		return nil
	}
	host = strings.ToLower(host)
	h.mu.Lock()
	l, ok := h.hosts[host]
	if !ok {
		l = rate.NewLimiter(rate.Every(h.every), h.burst)
		h.hosts[host] = l
	}
	h.mu.Unlock()
	return l.Wait(ctx)
}

// pause holds requests to host until the given time (a server's
// Retry-After); a later pause wins.
func (h *hostLimiter) pause(host string, until time.Time) {
	host = strings.ToLower(host)
	h.mu.Lock()
	defer h.mu.Unlock()
	if until.After(h.paused[host]) {
		h.paused[host] = until
	}
}

// pausedFor returns how long requests to host must still wait (0: none).
func (h *hostLimiter) pausedFor(host string, now time.Time) time.Duration {
	host = strings.ToLower(host)
	h.mu.Lock()
	defer h.mu.Unlock()
	until, ok := h.paused[host]
	if !ok {
		return 0
	}
	if !now.Before(until) {
		delete(h.paused, host)
		return 0
	}
	return until.Sub(now)
}
