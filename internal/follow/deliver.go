package follow

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"parallax/internal/model"
	"parallax/internal/store"
)

// DeliverOptions configure a Deliverer; zero fields take the defaults.
type DeliverOptions struct {
	// AllowPrivate lets webhooks reach loopback and private addresses
	// (tests, a receiver on the same host); default refused, as feeds are.
	AllowPrivate bool
	// BaseURL, when set (http://host:port), makes each entry's "url"
	// absolute; entries always carry their "path".
	BaseURL string
	Timeout time.Duration // per attempt; default 10s
	Every   time.Duration // how often Run looks for due deliveries; default 5s
	// Backoff is the wait after a first failed attempt, doubled after
	// each further one up to MaxBackoff; defaults 30s and 6h.
	Backoff, MaxBackoff time.Duration
	// MaxAttempts before a delivery is given up; default
	// store.DeliveryMaxAttempts.
	MaxAttempts int
	Now         func() time.Time
	Log         *slog.Logger
}

func (o DeliverOptions) withDefaults() DeliverOptions {
	if o.Timeout <= 0 {
		o.Timeout = 10 * time.Second
	}
	if o.Every <= 0 {
		o.Every = 5 * time.Second
	}
	if o.Backoff <= 0 {
		o.Backoff = 30 * time.Second
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = 6 * time.Hour
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = store.DeliveryMaxAttempts
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Log == nil {
		o.Log = slog.Default()
	}
	return o
}

// Deliverer sends the webhook deliveries the store holds: each one POSTed
// as JSON with its signature, retried with exponential backoff until the
// receiver answers 2xx or the attempts run out. Attempts are recorded in
// the store, so a restart goes on where it stopped.
type Deliverer struct {
	st     store.Store
	opts   DeliverOptions
	client *http.Client
}

// NewDeliverer returns a Deliverer over st.
func NewDeliverer(st store.Store, opts DeliverOptions) *Deliverer {
	opts = opts.withDefaults()
	return &Deliverer{st: st, opts: opts, client: hookClient(opts.AllowPrivate, opts.Timeout)}
}

// Run sends due deliveries every Every until ctx ends.
func (d *Deliverer) Run(ctx context.Context) error {
	t := time.NewTicker(d.opts.Every)
	defer t.Stop()
	for {
		if _, err := d.Pass(ctx); err != nil && ctx.Err() == nil {
			d.opts.Log.Warn("follow: webhook deliveries", "err", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// Pass sends every delivery due now, once, and returns how many were
// delivered.
func (d *Deliverer) Pass(ctx context.Context) (int, error) {
	sent := 0
	for {
		ds, err := d.st.ClaimDeliveries(ctx, d.opts.Now(), 2*d.opts.Timeout, 16)
		if err != nil || len(ds) == 0 {
			return sent, err
		}
		for _, dl := range ds {
			ok, err := d.deliver(ctx, dl)
			if err != nil {
				return sent, err
			}
			if ok {
				sent++
			}
		}
	}
}

// deliver makes one attempt of dl and records it.
func (d *Deliverer) deliver(ctx context.Context, dl model.Delivery) (bool, error) {
	body, err := d.payload(ctx, dl)
	if err != nil {
		return false, err
	}
	sendErr := d.send(ctx, dl, body)
	now := d.opts.Now()
	if sendErr == nil {
		return true, ignoreGone(d.st.DeliveryAttempt(ctx, dl.ID, now, "", time.Time{}))
	}
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	var next time.Time
	if dl.Attempts+1 < d.opts.MaxAttempts {
		next = now.Add(d.backoff(dl.Attempts))
	}
	d.opts.Log.Warn("follow: webhook failed", "delivery", dl.ID, "follow", dl.FollowID, "attempt", dl.Attempts+1,
		"err", sendErr, "retry_at", next)
	msg := sendErr.Error()
	if len(msg) > 300 {
		msg = msg[:300]
	}
	return false, ignoreGone(d.st.DeliveryAttempt(ctx, dl.ID, now, msg, next))
}

// ignoreGone drops ErrNotFound: the follow was deleted with its
// deliveries while one was being sent.
func ignoreGone(err error) error {
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	return err
}

// backoff is the wait after attempt n+1 failed: Backoff doubled n times,
// at most MaxBackoff.
func (d *Deliverer) backoff(n int) time.Duration {
	w := d.opts.Backoff
	for range n {
		if w >= d.opts.MaxBackoff/2 {
			return d.opts.MaxBackoff
		}
		w *= 2
	}
	return min(w, d.opts.MaxBackoff)
}

// send POSTs body to the delivery's webhook; any answer but 2xx fails.
func (d *Deliverer) send(ctx context.Context, dl model.Delivery, body []byte) error {
	if err := checkWebhookURL(dl.URL); err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, dl.URL, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("follow: webhook request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Parallax-Webhook/1")
	req.Header.Set(SignatureHeader, Sign(body, dl.Secret))
	req.Header.Set("X-Parallax-Delivery", strconv.FormatInt(dl.ID, 10))
	req.Header.Set("X-Parallax-Attempt", strconv.Itoa(dl.Attempts+1))
	res, err := d.client.Do(req)
	if err != nil {
		return fmt.Errorf("follow: webhook: %w", err)
	}
	defer res.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(res.Body, 64<<10))
	if res.StatusCode < 200 || res.StatusCode > 299 {
		return fmt.Errorf("follow: webhook answered HTTP %d", res.StatusCode)
	}
	return nil
}

// Payload is the JSON body of a webhook: which follow, which delivery,
// and its new entries. It is the same at every attempt.
type Payload struct {
	Delivery int64          `json:"delivery"`
	Follow   PayloadFollow  `json:"follow"`
	Entries  []PayloadEntry `json:"entries"`
}

// PayloadFollow names the follow a delivery is for.
type PayloadFollow struct {
	ID     int64  `json:"id"`
	Name   string `json:"name"`
	Kind   string `json:"kind"`
	Target string `json:"target"`
}

// PayloadEntry is one new entry.
type PayloadEntry struct {
	ID      string    `json:"id"`
	Title   string    `json:"title"`
	Path    string    `json:"path"`
	URL     string    `json:"url,omitempty"`
	Updated time.Time `json:"updated"`
	Seen    time.Time `json:"seen"`
}

// payload builds the body of dl.
func (d *Deliverer) payload(ctx context.Context, dl model.Delivery) ([]byte, error) {
	p := Payload{Delivery: dl.ID, Follow: PayloadFollow{ID: dl.FollowID}, Entries: []PayloadEntry{}}
	f, err := d.st.Follow(ctx, dl.FollowID)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return nil, err
	}
	p.Follow.Name, p.Follow.Kind, p.Follow.Target = f.Name, f.Kind, f.Target
	for _, e := range dl.Entries {
		pe := PayloadEntry{ID: e.ID, Title: e.Title, Path: e.Path, Updated: e.Updated.UTC(), Seen: e.Seen.UTC()}
		if d.opts.BaseURL != "" {
			pe.URL = d.opts.BaseURL + e.Path
		}
		p.Entries = append(p.Entries, pe)
	}
	body, err := json.Marshal(p)
	if err != nil {
		return nil, fmt.Errorf("follow: payload: %w", err)
	}
	return body, nil
}
