package natsq

import (
	"context"
	"fmt"

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
	if q.closed() {
		return 0, queue.ErrClosed
	}
	c, err := q.consumer(ctx, subject)
	if err != nil {
		return 0, err
	}
	info, err := c.Info(ctx)
	if err != nil {
		return 0, fmt.Errorf("natsq: pending on %s: %w", subject, err)
	}
	return int(info.NumPending) + info.NumAckPending, nil
}

// AckFloor returns the stream sequence number up to which every message
// of subject is acknowledged: the shared consumer's acknowledgement floor.
func (q *Queue) AckFloor(ctx context.Context, subject string) (int64, error) {
	if q.closed() {
		return 0, queue.ErrClosed
	}
	c, err := q.consumer(ctx, subject)
	if err != nil {
		return 0, err
	}
	info, err := c.Info(ctx)
	if err != nil {
		return 0, fmt.Errorf("natsq: ack floor of %s: %w", subject, err)
	}
	return int64(info.AckFloor.Stream), nil
}
