package natsq

import (
	"context"
	"fmt"
	"testing"
	"time"

	"parallax/internal/queue"
	"parallax/internal/queue/natsq/natstest"
)

// testPublishBatch: a batch is stored in its order, all at once when the
// stream has room, one at a time (waiting for room) when it has not.
func testPublishBatch(t *testing.T, srv *natstest.Server) {
	for _, tc := range []struct {
		name   string
		buffer int64
		n      int
	}{
		{"Room", 1000, 100},
		{"Full", 3, 8},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q := dial(t, srv, Options{Buffer: tc.buffer})
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			datas := make([][]byte, tc.n)
			for i := range datas {
				datas[i] = []byte(fmt.Sprint(i))
			}
			published := make(chan error, 1)
			go func() { published <- q.PublishBatch(ctx, "work", datas) }()
			got := make(chan queue.Message, tc.n)
			go q.Consume(ctx, "work", func(_ context.Context, m queue.Message) error {
				got <- m
				return nil
			})
			var last int64
			for i := range tc.n {
				select {
				case m := <-got:
					if string(m.Data) != fmt.Sprint(i) || m.Seq <= last {
						t.Fatalf("message %d: %q (seq %d after %d), want %d in order", i, m.Data, m.Seq, last, i)
					}
					last = m.Seq
				case <-ctx.Done():
					t.Fatalf("only %d of %d messages handled", i, tc.n)
				}
			}
			if err := <-published; err != nil {
				t.Fatal(err)
			}
		})
	}
}
