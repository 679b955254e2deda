package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/temoto/robotstxt"
)

// robotsAgent is the product token matched against robots.txt groups.
const robotsAgent = "Parallax"

// robotsMaxBytes caps a robots.txt body (Google reads 500 KiB).
const robotsMaxBytes = 512 << 10

// robotsCache holds one parsed robots.txt per scheme and host.
type robotsCache struct {
	ttl time.Duration
	get func(ctx context.Context, u *url.URL) (int, []byte, error)
	now func() time.Time

	mu    sync.Mutex
	hosts map[string]*robotsEntry
}

type robotsEntry struct {
	mu      sync.Mutex // held while fetching, so one fetch per host
	data    *robotstxt.RobotsData
	expires time.Time
}

// allowed reports whether robots.txt of u's host lets Parallax fetch u.
// A 4xx robots.txt allows everything, a 5xx disallows everything for a
// while (RFC 9309); a robots.txt that cannot be fetched fails the request.
func (rc *robotsCache) allowed(ctx context.Context, u *url.URL) error {
	key := strings.ToLower(u.Scheme + "://" + u.Host)
	rc.mu.Lock()
	e, ok := rc.hosts[key]
	if !ok {
		e = &robotsEntry{}
		rc.hosts[key] = e
	}
	rc.mu.Unlock()

	e.mu.Lock()
	defer e.mu.Unlock()
	if e.data == nil || rc.now().After(e.expires) {
		ru := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
		status, body, err := rc.get(ctx, ru)
		if errors.Is(err, ErrForbidden) { // the host itself is refused: say so
			return fmt.Errorf("fetch %s: %w", u, err)
		}
		if err != nil {
			return fmt.Errorf("%w: %s: %w", ErrRobotsFailed, ru, err)
		}
		data, err := robotstxt.FromStatusAndBytes(status, body)
		if err != nil { // unparsable: treat as no rules
			data, _ = robotstxt.FromStatusAndBytes(http.StatusNotFound, nil)
		}
		ttl := rc.ttl
		if status >= 500 {
			ttl = min(ttl, time.Hour)
		}
		e.data, e.expires = data, rc.now().Add(ttl)
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	if !e.data.TestAgent(path, robotsAgent) {
		return fmt.Errorf("%w: %s", ErrRobots, u)
	}
	return nil
}
