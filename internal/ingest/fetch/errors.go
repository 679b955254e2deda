package fetch

import (
	"errors"
	"fmt"
	"time"
)

// Sentinel errors; every error Get returns for these reasons wraps one.
var (
	ErrScheme       = errors.New("fetch: only http and https URLs are fetched")
	ErrForbidden    = errors.New("fetch: address not allowed (private, loopback, link-local or reserved)")
	ErrTooLarge     = errors.New("fetch: body too large")
	ErrRedirects    = errors.New("fetch: too many redirects")
	ErrRobots       = errors.New("fetch: disallowed by robots.txt")
	ErrThrottled    = errors.New("fetch: server asked us to slow down")
	ErrStatus       = errors.New("fetch: unexpected HTTP status")
	ErrEncoding     = errors.New("fetch: bad content encoding")
	ErrRobotsFailed = errors.New("fetch: robots.txt unavailable")
)

// RetryError is returned for 429 Too Many Requests and 503 Service
// Unavailable, and for requests refused locally while a host's Retry-After
// runs (Status 0). Wait is the server's Retry-After, or what is left of it
// (0 when it gave none or an unreadable one). It wraps ErrThrottled.
type RetryError struct {
	URL    string
	Status int
	Wait   time.Duration
}

func (e *RetryError) Error() string {
	if e.Status == 0 {
		return fmt.Sprintf("fetch %s: host paused by an earlier Retry-After, %s left", e.URL, e.Wait.Round(time.Second))
	}
	if e.Wait > 0 {
		return fmt.Sprintf("fetch %s: HTTP %d, retry after %s", e.URL, e.Status, e.Wait)
	}
	return fmt.Sprintf("fetch %s: HTTP %d", e.URL, e.Status)
}

func (e *RetryError) Unwrap() error { return ErrThrottled }

// StatusError is returned for any other non-2xx, non-304 status. It wraps
// ErrStatus.
type StatusError struct {
	URL    string
	Status int
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("fetch %s: HTTP %d", e.URL, e.Status)
}

func (e *StatusError) Unwrap() error { return ErrStatus }

// Permanent reports whether err will not go away by retrying soon: a refused
// scheme or address, robots.txt, an oversized body, or a 4xx status other
// than 408 and 429.
func Permanent(err error) bool {
	var se *StatusError
	if errors.As(err, &se) {
		return se.Status >= 400 && se.Status < 500 && se.Status != 408
	}
	return errors.Is(err, ErrScheme) || errors.Is(err, ErrForbidden) ||
		errors.Is(err, ErrRobots) || errors.Is(err, ErrTooLarge) || errors.Is(err, ErrRedirects)
}
