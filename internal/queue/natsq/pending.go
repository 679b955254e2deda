package natsq

import (
	"context"
	"fmt"

	"github.com/nats-io/nats.go/jetstream"

	"parallax/internal/queue"
)

var (
	_ queue.Backlog = (*Queue)(nil)
	_ queue.Acked   = (*Queue)(nil)
)

// Pending returns how many of subject's messages are not yet acknowledged,
// by any process: those waiting for a consumer and those being handled
// (or waiting for redelivery after a failure or a dead consumer).
func (q *Queue) Pending(ctx context.Context, subject string) (int, error) {
	info, err := q.consumerInfo(ctx, subject, "pending on")
	if err != nil {
		return 0, err
	}
	return int(info.NumPending) + info.NumAckPending, nil
}

// AckFloor returns the stream sequence number up to which every message
// of subject is acknowledged: the shared consumer's acknowledgement floor.
func (q *Queue) AckFloor(ctx context.Context, subject string) (int64, error) {
	info, err := q.consumerInfo(ctx, subject, "ack floor of")
	if err != nil {
		return 0, err
	}
	return int64(info.AckFloor.Stream), nil
}

// consumerInfo asks the server for the state of subject's shared consumer;
// what names the question in an error.
func (q *Queue) consumerInfo(ctx context.Context, subject, what string) (*jetstream.ConsumerInfo, error) {
	if q.closed() {
		return nil, queue.ErrClosed
	}
	c, err := q.consumer(ctx, subject)
	if err != nil {
		return nil, err
	}
	info, err := c.Info(ctx)
	if err != nil {
		return nil, fmt.Errorf("natsq: %s %s: %w", what, subject, err)
	}
	return info, nil
}
