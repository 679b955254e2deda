package web

import (
	"net"
	"net/http"
	"sync"
	"time"
)

// DefaultLoginAttempts is how many login attempts one address may make a
// minute.
const DefaultLoginAttempts = 5

// attemptLimiter allows max attempts per address in any window.
type attemptLimiter struct {
	mu     sync.Mutex
	max    int
	window time.Duration
	now    func() time.Time
	byAddr map[string][]time.Time
}

func newAttemptLimiter(max int, window time.Duration) *attemptLimiter {
	return &attemptLimiter{max: max, window: window, now: time.Now, byAddr: map[string][]time.Time{}}
}

// allow records an attempt from addr and reports whether it is within the
// limit; when not, it says how long to wait.
func (l *attemptLimiter) allow(addr string) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if len(l.byAddr) > 10000 {
		l.prune(now)
	}
	recent := l.byAddr[addr][:0]
	for _, t := range l.byAddr[addr] {
		if now.Sub(t) < l.window {
			recent = append(recent, t)
		}
	}
	if len(recent) >= l.max {
		l.byAddr[addr] = recent
		return false, recent[0].Add(l.window).Sub(now)
	}
	l.byAddr[addr] = append(recent, now)
	return true, 0
}

// prune forgets addresses with no attempt in the window.
func (l *attemptLimiter) prune(now time.Time) {
	for a, ts := range l.byAddr {
		if len(ts) == 0 || now.Sub(ts[len(ts)-1]) >= l.window {
			delete(l.byAddr, a)
		}
	}
}

// clientAddr is the request's peer address without its port (proxy
// headers are not trusted).
func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
