package model

import (
	"errors"
	"time"
)

// ErrNoFeed is returned when removing a feed that is not followed.
var ErrNoFeed = errors.New("poll: no such feed")

// Feed is a followed feed and its polling state.
type Feed struct {
	URL      string // the feed's address; the key
	Title    string // from the user or OPML, else from the feed itself
	SiteURL  string
	Category string
	Added    time.Time

	ETag         string // validators of the last 200 response
	LastModified string
	LastPoll     time.Time     // zero: never polled
	NextPoll     time.Time     // zero: due now
	Interval     time.Duration // current adaptive interval (0: not yet set)
	Errors       int           // consecutive failed polls
	LastError    string        // why the last poll failed ("" after a success)
}
