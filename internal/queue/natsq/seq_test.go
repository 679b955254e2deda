package natsq

import (
	"context"
	"errors"
	"testing"
	"time"

	"parallax/internal/queue"
	"parallax/internal/queue/natsq/natstest"
)

// testSeq: each message carries its stream sequence number, increasing in
// publication order and the same on a redelivery (the rank by which the
// store keeps the first queued of exact duplicates), and the
// acknowledgement floor reaches the last once all are handled.
func testSeq(t *testing.T, srv *natstest.Server) {
	q := dial(t, srv, Options{Backoff: -1})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	type delivery struct {
		data    string
		seq     int64
		attempt int
	}
	got := make(chan delivery, 10)
	go q.Consume(ctx, "work", func(_ context.Context, m queue.Message) error {
		got <- delivery{string(m.Data), m.Seq, m.Attempt}
		if string(m.Data) == "b" && m.Attempt == 1 {
			return errors.New("first attempt fails")
		}
		return nil
	})
	for _, d := range []string{"a", "b", "c"} {
		if err := q.Publish(ctx, "work", []byte(d)); err != nil {
			t.Fatal(err)
		}
	}
	seqs := map[string][]int64{}
	for range 4 {
		d := <-got
		seqs[d.data] = append(seqs[d.data], d.seq)
	}
	a, b, c := seqs["a"], seqs["b"], seqs["c"]
	if len(a) != 1 || len(b) != 2 || len(c) != 1 || a[0] <= 0 || b[0] <= a[0] || c[0] <= b[0] || b[1] != b[0] {
		t.Errorf("sequence numbers %v, want increasing from 1 in publication order, b's twice", seqs)
	}
	// The acks travel asynchronously: wait (bounded) for the floor to reach c.
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		f, err := q.AckFloor(ctx, "work")
		if err != nil {
			t.Fatal(err)
		}
		if len(c) == 1 && f == c[0] {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("acknowledgement floor %d once all is handled, want %v", f, c)
		}
	}
}
