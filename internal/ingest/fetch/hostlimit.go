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

	mu    sync.Mutex
	hosts map[string]*rate.Limiter
}

func newHostLimiter(every time.Duration, burst int) *hostLimiter {
	return &hostLimiter{every: every, burst: max(burst, 1), hosts: map[string]*rate.Limiter{}}
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
