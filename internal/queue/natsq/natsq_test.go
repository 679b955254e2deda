package natsq

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync/atomic"
	"testing"
	"time"

	"parallax/internal/queue"
	"parallax/internal/queue/natsq/natstest"
	"parallax/internal/queue/queuetest"
)

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// streams numbers the streams of one server, so that each test gets an
// empty queue of its own.
var streams atomic.Int64

// dial opens a queue on a new stream of srv, closed when the test ends.
func dial(t *testing.T, srv *natstest.Server, opts Options) *Queue {
	t.Helper()
	if opts.Stream == "" {
		opts.Stream = fmt.Sprintf("test%d", streams.Add(1))
	}
	if opts.Logger == nil {
		opts.Logger = quiet()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	q, err := Dial(ctx, srv.URL, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	return q
}

func TestQueue(t *testing.T) {
	srv := natstest.Start(t)
	queuetest.Run(t, func(t *testing.T) queue.Queue {
		return dial(t, srv, Options{Backoff: -1})
	})
}

// TestNATS runs the tests of this implementation itself on one server.
func TestNATS(t *testing.T) {
	srv := natstest.Start(t)
	for _, tt := range []struct {
		name string
		fn   func(t *testing.T, srv *natstest.Server)
	}{
		{"Backpressure", testBackpressure},
		{"MaxDeliver", testMaxDeliver},
		{"SharedAcrossConnections", testSharedAcrossConnections},
		{"Temporary", testTemporary},
		{"PendingAndOrphans", testPendingAndOrphans},
		{"BadNames", testBadNames},
		{"Seq", testSeq},
		{"PublishBatch", testPublishBatch},
	} {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, srv) })
	}
}

// testBackpressure checks that Publish waits while the stream is full:
// with no consumer, the third message can only wait for its context, and
// goes through once a consumer makes room.
func testBackpressure(t *testing.T, srv *natstest.Server) {
	q := dial(t, srv, Options{Buffer: 2})
	ctx := context.Background()
	for _, d := range []string{"1", "2"} {
		if err := q.Publish(ctx, "work", []byte(d)); err != nil {
			t.Fatal(err)
		}
	}
	short, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
	defer cancel()
	if err := q.Publish(short, "work", []byte("3")); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Publish on a full stream = %v, want DeadlineExceeded", err)
	}
	cctx, stop := context.WithCancel(ctx)
	defer stop()
	got := make(chan string, 3)
	go q.Consume(cctx, "work", func(_ context.Context, m queue.Message) error {
		got <- string(m.Data)
		return nil
	})
	if err := q.Publish(ctx, "work", []byte("3")); err != nil {
		t.Fatalf("Publish once a consumer makes room: %v", err)
	}
	for _, want := range []string{"1", "2", "3"} {
		if d := <-got; d != want {
			t.Errorf("handled %q, want %q", d, want)
		}
	}
}

// testMaxDeliver checks the exact number of attempts before a dead letter,
// and that the dead letter left the stream.
func testMaxDeliver(t *testing.T, srv *natstest.Server) {
	q := dial(t, srv, Options{MaxDeliver: 3, Backoff: -1})
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
	// The acks travel asynchronously: wait (bounded) for the stream to empty.
	for deadline := time.Now().Add(10 * time.Second); ; {
		info, err := q.stream.Info(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if info.State.Msgs == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("stream holds %d messages after the dead letter, want 0", info.State.Msgs)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// testSharedAcrossConnections: two queues on the same stream, as two
// processes would have, share the subject's messages; none is lost or
// handled twice.
func testSharedAcrossConnections(t *testing.T, srv *natstest.Server) {
	a := dial(t, srv, Options{})
	b := dial(t, srv, Options{Stream: a.opts.Stream})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	const n = 40
	seen := make(chan string, 2*n)
	var byA, byB atomic.Int64
	for _, c := range []struct {
		q     *Queue
		count *atomic.Int64
	}{{a, &byA}, {b, &byB}} {
		go c.q.Consume(ctx, "work", func(_ context.Context, m queue.Message) error {
			c.count.Add(1)
			seen <- string(m.Data)
			return nil
		})
	}
	for i := range n {
		q := a
		if i%2 == 1 {
			q = b
		}
		if err := q.Publish(ctx, "work", fmt.Appendf(nil, "m%02d", i)); err != nil {
			t.Fatal(err)
		}
	}
	got := map[string]int{}
	for range n {
		got[<-seen]++
	}
	if len(got) != n {
		t.Errorf("%d distinct messages handled, want %d: %v", len(got), n, got)
	}
	t.Logf("handled by the first queue %d, by the second %d", byA.Load(), byB.Load())
}

// testTemporary: a Temporary queue's stream is gone after Close.
func testTemporary(t *testing.T, srv *natstest.Server) {
	q := dial(t, srv, Options{Temporary: true})
	if err := q.Publish(context.Background(), "work", []byte("left over")); err != nil {
		t.Fatal(err)
	}
	name := q.opts.Stream
	if err := q.Close(); err != nil {
		t.Fatal(err)
	}
	probe := dial(t, srv, Options{Stream: name + "probe"})
	if _, err := probe.js.Stream(context.Background(), name); err == nil {
		t.Errorf("stream %s still exists after Close", name)
	}
}

func testBadNames(t *testing.T, srv *natstest.Server) {
	if _, err := Dial(context.Background(), srv.URL, Options{Stream: "a.b"}); !errors.Is(err, ErrBadName) {
		t.Errorf("Dial with stream a.b: err = %v, want ErrBadName", err)
	}
	q := dial(t, srv, Options{})
	for _, s := range []string{"", "a..b", "a.*", ">", "a b"} {
		if err := q.Publish(context.Background(), s, nil); !errors.Is(err, ErrBadSubject) {
			t.Errorf("Publish(%q): err = %v, want ErrBadSubject", s, err)
		}
	}
	if consumerName("a.b") == consumerName("a_b") {
		t.Error("consumer names of a.b and a_b collide")
	}
}

// testPendingAndOrphans: Pending counts what no one acknowledged yet, and
// a message taken by a process that dies before its ack goes, after
// AckWait, to a consumer in another process: nothing is orphaned.
func testPendingAndOrphans(t *testing.T, srv *natstest.Server) {
	a := dial(t, srv, Options{AckWait: time.Second})
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for i := range 3 {
		if err := a.Publish(ctx, "work", fmt.Appendf(nil, "m%d", i)); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := a.Pending(ctx, "work"); err != nil || n != 3 {
		t.Fatalf("Pending = %d, %v; want 3", n, err)
	}
	taken := make(chan string, 1)
	actx, acancel := context.WithCancel(ctx)
	go a.Consume(actx, "work", func(hctx context.Context, m queue.Message) error {
		taken <- string(m.Data)
		<-hctx.Done() // the process dies while handling it
		return hctx.Err()
	})
	first := <-taken
	a.nc.Close() // crash: no ack, no nak
	acancel()

	b := dial(t, srv, Options{Stream: a.opts.Stream, AckWait: time.Second})
	got := map[string]int{}
	bctx, bcancel := context.WithCancel(ctx)
	defer bcancel()
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = b.Consume(bctx, "work", func(_ context.Context, m queue.Message) error {
			got[string(m.Data)]++
			if len(got) == 3 {
				bcancel()
			}
			return nil
		})
	}()
	<-done
	if len(got) != 3 || got[first] != 1 {
		t.Errorf("second process handled %v; want m0..m2 once each, including the orphan %s", got, first)
	}
	for { // acks travel asynchronously
		n, err := b.Pending(ctx, "work")
		if err == nil && n == 0 {
			break
		}
		if ctx.Err() != nil {
			t.Fatalf("Pending after all acks = %d, %v; want 0", n, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
