package memory

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"
	"time"

	"parallax/internal/queue"
	"parallax/internal/queue/queuetest"
)

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func TestQueue(t *testing.T) {
	queuetest.Run(t, func(t *testing.T) queue.Queue {
		return New(Options{Backoff: -1, Logger: quiet()})
	})
}

// TestBackpressure checks that Publish blocks while the subject's buffer is
// full: with no consumer, the third message can only wait for its context.
func TestBackpressure(t *testing.T) {
	q := New(Options{Buffer: 2, Logger: quiet()})
	defer q.Close()
	ctx := context.Background()
	for _, d := range []string{"1", "2"} {
		if err := q.Publish(ctx, "work", []byte(d)); err != nil {
			t.Fatal(err)
		}
	}
	short, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	if err := q.Publish(short, "work", []byte("3")); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Publish on a full buffer = %v, want DeadlineExceeded", err)
	}
	if err := q.Publish(ctx, "other", []byte("x")); err != nil {
		t.Errorf("a full subject blocked another: %v", err)
	}
}

// TestMaxDeliver checks the exact number of attempts before a dead letter.
func TestMaxDeliver(t *testing.T) {
	q := New(Options{MaxDeliver: 3, Backoff: -1, Logger: quiet()})
	defer q.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	attempts := make(chan int, 10)
	done := make(chan struct{})
	go q.Consume(ctx, "work", func(_ context.Context, m queue.Message) error {
		if string(m.Data) == "end" {
			close(done)
			return nil
		}
		attempts <- m.Attempt
		return errors.New("always fails")
	})
	for _, d := range []string{"bad", "end"} {
		if err := q.Publish(ctx, "work", []byte(d)); err != nil {
			t.Fatal(err)
		}
	}
	<-done
	close(attempts)
	var got []int
	for a := range attempts {
		got = append(got, a)
	}
	if len(got) != 3 || got[2] != 3 {
		t.Errorf("attempts = %v, want [1 2 3]", got)
	}
}

func TestCloseDuringBackoff(t *testing.T) {
	q := New(Options{Backoff: time.Hour, Logger: quiet()})
	failed := make(chan struct{})
	result := make(chan error, 1)
	go func() {
		result <- q.Consume(context.Background(), "work", func(context.Context, queue.Message) error {
			close(failed)
			return errors.New("fail once")
		})
	}()
	if err := q.Publish(context.Background(), "work", []byte("x")); err != nil {
		t.Fatal(err)
	}
	<-failed
	q.Close()
	if err := <-result; !errors.Is(err, queue.ErrClosed) {
		t.Errorf("Consume = %v, want ErrClosed", err)
	}
}
