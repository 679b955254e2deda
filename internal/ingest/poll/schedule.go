package poll

import (
	"errors"
	"time"

	"parallax/internal/ingest/fetch"
)

// succeeded records a successful poll: the interval halves when the feed
// had new items and grows by half when it had none, within the bounds.
func (p *Poller) succeeded(f *Feed, now time.Time, changed bool) {
	iv := f.Interval
	if iv <= 0 {
		iv = p.opts.StartInterval
	}
	if changed {
		iv /= 2
	} else {
		iv += iv / 2
	}
	f.Interval = min(max(iv, p.opts.MinInterval), p.opts.MaxInterval)
	f.LastPoll, f.NextPoll = now, now.Add(f.Interval)
	f.Errors, f.LastError = 0, ""
}

// failed records a failed poll: exponential backoff from MinInterval,
// at least the server's Retry-After, at most MaxBackoff.
func (p *Poller) failed(f *Feed, now time.Time, err error) {
	f.Errors++
	f.LastError = err.Error()
	wait := p.opts.MinInterval << min(f.Errors-1, 20)
	var re *fetch.RetryError
	if errors.As(err, &re) && re.Wait > wait {
		wait = re.Wait
	}
	wait = min(wait, p.opts.MaxBackoff)
	f.LastPoll, f.NextPoll = now, now.Add(wait)
}
