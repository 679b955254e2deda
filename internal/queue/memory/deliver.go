package memory

import (
	"context"
	"fmt"
	"time"

	"parallax/internal/queue"
)

// deliver hands m to handle until it succeeds, MaxDeliver attempts fail
// (the message is dropped and logged), or ctx ends or the queue closes
// (the message is dropped silently: its work is redone from the store).
func (q *Queue) deliver(ctx context.Context, m queue.Message, handle func(context.Context, queue.Message) error) {
	pause := q.opts.Backoff
	for attempt := 1; ; attempt++ {
		m.Attempt = attempt
		err := call(ctx, m, handle)
		if err == nil {
			return
		}
		if attempt >= q.opts.MaxDeliver {
			q.opts.Logger.Warn("queue: dead letter", "subject", m.Subject, "attempts", attempt,
				"bytes", len(m.Data), "err", err)
			return
		}
		q.opts.Logger.Debug("queue: redeliver", "subject", m.Subject, "attempt", attempt, "err", err)
		if !q.wait(ctx, pause) {
			return
		}
		pause = min(2*pause, maxBackoff)
	}
}

// call runs handle, turning a panic into an error.
func call(ctx context.Context, m queue.Message, handle func(context.Context, queue.Message) error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("queue: handler panic: %v", r)
		}
	}()
	return handle(ctx, m)
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
