package poll

import (
	"context"
	"log/slog"
	"time"
)

// Options configure a Poller. A zero field takes the default in its
// comment (see DefaultOptions).
type Options struct {
	MinInterval   time.Duration // shortest interval between polls of a feed; default 5m
	MaxInterval   time.Duration // longest; default 6h
	StartInterval time.Duration // a new feed's interval; default 30m
	MaxBackoff    time.Duration // longest wait after failures; default 24h
	MaxItems      int           // new items taken per feed per poll, newest first; default 50
	FullTextChars int           // feed text at least this long is the full article (no page fetch); default 1500
	Workers       int           // feeds polled at once; default 4
	SeenTTL       time.Duration // how long an item key is remembered after it leaves the feed; default 30 days
	Idle          time.Duration // Run: longest sleep between rounds (new feeds are noticed); default 1m

	// OnRound is called by Run after every round (e.g. to cluster what the
	// round added); optional.
	OnRound func(ctx context.Context, s Stats)
	// Wake, when it receives, makes Run start its next round at once (a
	// feed was added or marked due in the UI); optional.
	Wake <-chan struct{}
	Now  func() time.Time // clock; default time.Now
	Log  *slog.Logger     // default slog.Default()
}

// DefaultOptions returns the documented defaults.
func DefaultOptions() Options {
	return Options{
		MinInterval:   5 * time.Minute,
		MaxInterval:   6 * time.Hour,
		StartInterval: 30 * time.Minute,
		MaxBackoff:    24 * time.Hour,
		MaxItems:      50,
		FullTextChars: 1500,
		Workers:       4,
		SeenTTL:       30 * 24 * time.Hour,
		Idle:          time.Minute,
		Now:           time.Now,
		Log:           slog.Default(),
	}
}

func (o Options) withDefaults() Options {
	d := DefaultOptions()
	set := func(v *time.Duration, def time.Duration) {
		if *v <= 0 {
			*v = def
		}
	}
	set(&o.MinInterval, d.MinInterval)
	set(&o.MaxInterval, d.MaxInterval)
	set(&o.StartInterval, d.StartInterval)
	set(&o.MaxBackoff, d.MaxBackoff)
	set(&o.SeenTTL, d.SeenTTL)
	set(&o.Idle, d.Idle)
	if o.MaxItems <= 0 {
		o.MaxItems = d.MaxItems
	}
	if o.FullTextChars <= 0 {
		o.FullTextChars = d.FullTextChars
	}
	if o.Workers <= 0 {
		o.Workers = d.Workers
	}
	if o.Now == nil {
		o.Now = d.Now
	}
	if o.Log == nil {
		o.Log = d.Log
	}
	o.MaxInterval = max(o.MaxInterval, o.MinInterval)
	o.StartInterval = min(max(o.StartInterval, o.MinInterval), o.MaxInterval)
	return o
}
