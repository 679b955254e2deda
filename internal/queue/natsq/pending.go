package natsq

import (
	"context"
	"fmt"

	"parallax/internal/queue"
)

var _ queue.Backlog = (*Queue)(nil)

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
