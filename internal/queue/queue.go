// Package queue passes work between pipeline stages by subject, so that the
// stages can run in one process (queue/memory) or, scaled out, on several
// machines through NATS JetStream, without changing the stages.
//
// Delivery is at least once: a message whose handler fails is delivered
// again, up to a maximum number of attempts, and then dropped with a log
// line (dead letter). Handlers must therefore be idempotent: handling a
// message twice must leave the same state as handling it once (the store's
// AddArticle dedupe and repeatable Assign and SaveBrief are built for that).
//
// The queue is not the system of record. Durability comes from the store:
// a message only names work whose inputs are already stored, and after a
// crash or a dead letter the work is redone from store state (pending
// articles, stale stories), not from the queue. An in-process queue may
// therefore lose buffered messages on exit without losing data.
package queue

import (
	"context"
	"errors"
)

// ErrClosed is returned by Publish, and by Consume, once the queue is closed.
var ErrClosed = errors.New("queue: closed")

// Message is one unit of work on a subject.
type Message struct {
	Subject string
	Data    []byte
	// Attempt counts deliveries of this message: 1 the first time, more
	// when it is redelivered after a handler error.
	Attempt int
	// Seq is the message's place in its subject's stream, the same on
	// every delivery, increasing with publication, when the queue numbers
	// messages for every process (queue/natsq: the JetStream stream
	// sequence); 0 otherwise.
	Seq int64
}

// Handler handles one message. A non-nil error asks for redelivery.
type Handler func(ctx context.Context, m Message) error

// Queue is a work queue by subject. Implementations are safe for
// concurrent use.
type Queue interface {
	// Publish adds a message to subject. It may block while the subject's
	// buffer is full (backpressure) until ctx ends.
	Publish(ctx context.Context, subject string, data []byte) error
	// Consume calls handle for each message on subject until ctx ends (then
	// it returns nil) or the queue closes (ErrClosed). Several consumers of
	// one subject share its messages, each message going to one of them; a
	// single consumer sees a subject's messages in publication order. A
	// message whose handler returns an error is redelivered (at least once),
	// up to a maximum number of attempts, then dropped with a log line.
	Consume(ctx context.Context, subject string, handle func(ctx context.Context, m Message) error) error
	// Close stops the queue: publishing fails and consumers return.
	Close() error
}

// Backlog is implemented by queues shared between processes (queue/natsq):
// it tells how many of a subject's messages are not yet acknowledged,
// waiting or being handled anywhere, so that a process can tell when the
// work that every publisher queued is done.
type Backlog interface {
	Pending(ctx context.Context, subject string) (int, error)
}

// Acked is implemented by queues shared between processes whose messages
// carry sequence numbers (Message.Seq; queue/natsq): AckFloor returns a
// sequence number up to which every message of subject is acknowledged
// (handled, or dropped as a dead letter), so that a process can tell
// which of the stored results no earlier message can still change.
type Acked interface {
	AckFloor(ctx context.Context, subject string) (int64, error)
}

// Batcher is implemented by queues that store several messages at once
// faster than one at a time (queue/natsq: one round trip for all instead
// of one each): PublishBatch stores datas on subject in their order, as
// Publish one after the other would, and returns once all are stored.
type Batcher interface {
	PublishBatch(ctx context.Context, subject string, datas [][]byte) error
}
