// Package memory is the in-process queue.Queue: a bounded buffer per
// subject (Publish blocks while it is full), delivery in publication order
// to a single consumer, and in-place redelivery of a failed message, with
// a growing pause, before the next message. Buffered messages are lost when
// the process exits; see package queue for why that is safe.
package memory

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"parallax/internal/queue"
)

// Options configure a Queue. Zero fields take the defaults.
type Options struct {
	Buffer     int           // messages buffered per subject before Publish blocks (default 256)
	MaxDeliver int           // deliveries of a message before it is dropped (default 5)
	Backoff    time.Duration // pause before the first redelivery, doubled each time up to 5s (default 50ms; negative for none)
	Logger     *slog.Logger  // default slog.Default()
}

// DefaultOptions returns the defaults.
func DefaultOptions() Options {
	return Options{Buffer: 256, MaxDeliver: 5, Backoff: 50 * time.Millisecond, Logger: slog.Default()}
}

// maxBackoff caps the pause between redeliveries.
const maxBackoff = 5 * time.Second

// Queue is the in-process queue.
type Queue struct {
	opts      Options
	mu        sync.Mutex
	subjects  map[string]chan queue.Message
	done      chan struct{}
	closeOnce sync.Once
}

var _ queue.Queue = (*Queue)(nil)

// New returns an empty queue.
func New(opts Options) *Queue {
	def := DefaultOptions()
	if opts.Buffer <= 0 {
		opts.Buffer = def.Buffer
	}
	if opts.MaxDeliver <= 0 {
		opts.MaxDeliver = def.MaxDeliver
	}
	if opts.Backoff == 0 {
		opts.Backoff = def.Backoff
	}
	if opts.Logger == nil {
		opts.Logger = def.Logger
	}
	return &Queue{opts: opts, subjects: make(map[string]chan queue.Message), done: make(chan struct{})}
}

// subject returns the buffer of a subject, creating it on first use.
func (q *Queue) subject(name string) chan queue.Message {
	q.mu.Lock()
	defer q.mu.Unlock()
	ch, ok := q.subjects[name]
	if !ok {
		ch = make(chan queue.Message, q.opts.Buffer)
		q.subjects[name] = ch
	}
	return ch
}

// Publish buffers a copy of data on subject, waiting while the buffer is full.
func (q *Queue) Publish(ctx context.Context, subject string, data []byte) error {
	if q.closed() {
		return queue.ErrClosed
	}
	m := queue.Message{Subject: subject, Data: append([]byte(nil), data...)}
	select {
	case q.subject(subject) <- m:
		return nil
	case <-q.done:
		return queue.ErrClosed
	case <-ctx.Done():
		return fmt.Errorf("queue: publish %s: %w", subject, ctx.Err())
	}
}

// Consume handles subject's messages one at a time until ctx ends or the
// queue closes.
func (q *Queue) Consume(ctx context.Context, subject string, handle func(ctx context.Context, m queue.Message) error) error {
	ch := q.subject(subject)
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-q.done:
			return queue.ErrClosed
		case m := <-ch:
			q.deliver(ctx, m, handle)
		}
	}
}

// Close stops the queue. Buffered messages are dropped.
func (q *Queue) Close() error {
	q.closeOnce.Do(func() { close(q.done) })
	return nil
}

func (q *Queue) closed() bool {
	select {
	case <-q.done:
		return true
	default:
		return false
	}
}
