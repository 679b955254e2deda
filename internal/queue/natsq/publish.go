package natsq

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"parallax/internal/queue"
)

// fullPause is the first pause before Publish retries on a full stream.
const fullPause = 10 * time.Millisecond

// Publish stores data on subject and returns once JetStream acknowledged
// it. While the stream holds Options.Buffer messages it waits, retrying,
// until there is room or ctx ends.
func (q *Queue) Publish(ctx context.Context, subject string, data []byte) error {
	if q.closed() {
		return queue.ErrClosed
	}
	subj, err := q.natsSubject(subject)
	if err != nil {
		return err
	}
	pause := fullPause
	for {
		_, err := q.js.Publish(ctx, subj, data)
		switch {
		case err == nil:
			return nil
		case q.closed():
			return queue.ErrClosed
		case !isFull(err):
			return fmt.Errorf("natsq: publish %s: %w", subject, err)
		}
		if !q.wait(ctx, pause) {
			if q.closed() {
				return queue.ErrClosed
			}
			return fmt.Errorf("natsq: publish %s: stream full: %w", subject, ctx.Err())
		}
		pause = min(2*pause, time.Second)
	}
}

// isFull tells whether a publish failed because the stream holds its
// maximum of messages (DiscardNew).
func isFull(err error) bool {
	var apiErr *jetstream.APIError
	if !errors.As(err, &apiErr) {
		return false
	}
	d := strings.ToLower(apiErr.Description)
	return strings.Contains(d, "maximum messages") || strings.Contains(d, "maximum bytes")
}

// wait pauses for d; false if ctx ended or the queue closed meanwhile.
func (q *Queue) wait(ctx context.Context, d time.Duration) bool {
	if ctx.Err() != nil || q.closed() {
		return false
	}
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	case <-q.done:
		return false
	}
}
