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

// PublishBatch stores datas on subject in their order and returns once
// JetStream acknowledged every one. When the stream has room for all of
// them they travel at once, each acknowledged as it is stored; otherwise
// (or when another publisher filled the stream meanwhile) they go one at
// a time, Publish waiting for room, so that none overtakes another.
func (q *Queue) PublishBatch(ctx context.Context, subject string, datas [][]byte) error {
	subj, err := q.natsSubject(subject)
	if err != nil {
		return err
	}
	sent := 0
	if q.hasRoom(ctx, len(datas)) {
		if sent, err = q.publishAsync(ctx, subj, datas); err != nil {
			return fmt.Errorf("natsq: publish %s: %w", subject, err)
		}
	}
	for _, d := range datas[sent:] {
		if err := q.Publish(ctx, subject, d); err != nil {
			return err
		}
	}
	return nil
}

// hasRoom reports whether the stream holds room for n more messages now.
func (q *Queue) hasRoom(ctx context.Context, n int) bool {
	info, err := q.stream.Info(ctx)
	return err == nil && info.State.Msgs+uint64(n) <= uint64(q.opts.Buffer)
}

// publishAsync sends datas at once and waits for their acknowledgements;
// it returns how many were stored in order before the first that the
// stream refused as full (none refused: all). Those after a refused one
// may be stored too: they are sent again one at a time (a rare second
// copy, which the store's dedupe absorbs, rather than a lost order).
func (q *Queue) publishAsync(ctx context.Context, subj string, datas [][]byte) (int, error) {
	futures := make([]jetstream.PubAckFuture, 0, len(datas))
	for _, d := range datas {
		f, err := q.js.PublishAsync(subj, d)
		if err != nil {
			break // sent so far are awaited; the rest go one at a time
		}
		futures = append(futures, f)
	}
	for i, f := range futures {
		select {
		case <-f.Ok():
		case err := <-f.Err():
			if isFull(err) {
				q.opts.Logger.Warn("queue: stream filled during a batch; sending the rest one at a time", "subject", subj)
				return i, nil
			}
			return i, err
		case <-ctx.Done():
			return i, ctx.Err()
		}
	}
	return len(futures), nil
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
