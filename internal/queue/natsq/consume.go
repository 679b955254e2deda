package natsq

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"parallax/internal/queue"
)

// retryPause is the pause after a failed pull (server restarting, say).
const retryPause = 500 * time.Millisecond

// Consume handles subject's messages one at a time, pulling each from the
// subject's durable consumer, until ctx ends (nil) or the queue closes
// (queue.ErrClosed).
func (q *Queue) Consume(ctx context.Context, subject string, handle func(ctx context.Context, m queue.Message) error) error {
	if q.closed() {
		return queue.ErrClosed
	}
	c, err := q.consumer(ctx, subject)
	if err != nil {
		return err
	}
	pull, stop := context.WithCancel(ctx)
	defer stop()
	go func() {
		select {
		case <-q.done:
			stop()
		case <-pull.Done():
		}
	}()
	for {
		msg, err := c.Next(jetstream.FetchContext(pull))
		switch {
		case q.closed():
			if err == nil {
				q.nak(msg) // not handled: let another consumer have it
			}
			return queue.ErrClosed
		case ctx.Err() != nil:
			if err == nil {
				q.nak(msg)
			}
			return nil
		case errors.Is(err, nats.ErrTimeout), errors.Is(err, jetstream.ErrNoMessages):
			continue
		case errors.Is(err, nats.ErrConnectionClosed):
			return fmt.Errorf("natsq: consume %s: %w", subject, err)
		case err != nil:
			q.opts.Logger.Warn("queue: pull failed", "subject", subject, "err", err)
			q.wait(pull, retryPause)
			continue
		}
		q.deliver(ctx, subject, msg, handle)
	}
}

// deliver runs handle on msg and settles it: ack on success; on failure a
// pause, then a negative ack (redelivery), or after MaxDeliver attempts a
// dead letter (terminated and logged).
func (q *Queue) deliver(ctx context.Context, subject string, msg jetstream.Msg, handle func(context.Context, queue.Message) error) {
	m := queue.Message{Subject: subject, Data: msg.Data(), Attempt: 1}
	if meta, err := msg.Metadata(); err == nil {
		m.Attempt, m.Seq = int(meta.NumDelivered), int64(meta.Sequence.Stream)
	}
	attempt := m.Attempt
	err := q.callAlive(ctx, msg, m, handle)
	if err == nil {
		if aerr := msg.Ack(); aerr != nil {
			q.opts.Logger.Warn("queue: ack failed", "subject", subject, "err", aerr)
		}
		return
	}
	if attempt >= q.opts.MaxDeliver {
		q.opts.Logger.Warn("queue: dead letter", "subject", subject, "attempts", attempt,
			"bytes", len(m.Data), "err", err)
		if terr := msg.Term(); terr != nil {
			q.opts.Logger.Warn("queue: term failed", "subject", subject, "err", terr)
		}
		return
	}
	q.opts.Logger.Debug("queue: redeliver", "subject", subject, "attempt", attempt, "err", err)
	q.wait(ctx, backoff(q.opts.Backoff, attempt))
	q.nak(msg)
}

// backoff is the pause after failed attempt n: base doubled n-1 times, up
// to maxBackoff; none for a negative base.
func backoff(base time.Duration, n int) time.Duration {
	if base <= 0 {
		return 0
	}
	d := base
	for i := 1; i < n && d < maxBackoff; i++ {
		d *= 2
	}
	return min(d, maxBackoff)
}

// nak asks for msg's redelivery and waits until the server took it, so
// that the consumer's next pull gets msg again rather than the message
// after it.
func (q *Queue) nak(msg jetstream.Msg) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := q.nc.RequestWithContext(ctx, msg.Reply(), []byte("-NAK")); err != nil {
		_ = msg.Nak() // no answer: fall back to a plain negative ack
	}
}

// callAlive runs handle, reporting progress to JetStream while it runs so
// that a long handler keeps its message, and turning a panic into an error.
func (q *Queue) callAlive(ctx context.Context, msg jetstream.Msg, m queue.Message, handle func(context.Context, queue.Message) error) error {
	done := make(chan struct{})
	defer close(done)
	go func() {
		t := time.NewTicker(q.opts.AckWait / 3)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				_ = msg.InProgress()
			}
		}
	}()
	return call(ctx, m, handle)
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
