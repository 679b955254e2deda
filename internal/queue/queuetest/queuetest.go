// Package queuetest is the conformance suite every queue.Queue
// implementation must pass. The suite uses timeouts only as guards against
// hangs, never to assert speed.
package queuetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"parallax/internal/queue"
)

// guard bounds every wait, so that a broken implementation fails instead
// of hanging the test run.
const guard = 20 * time.Second

// Run runs the whole suite. newQueue must return a new, empty queue; Run
// closes it at the end of each test. Redelivery tests assume the queue
// redelivers a failed message at least twice and at most 100 times.
func Run(t *testing.T, newQueue func(t *testing.T) queue.Queue) {
	tests := []struct {
		name string
		fn   func(t *testing.T, q queue.Queue)
	}{
		{"PublishThenConsume", testPublishThenConsume},
		{"ConsumeThenPublish", testConsumeThenPublish},
		{"OrderPerSubject", testOrderPerSubject},
		{"Redelivery", testRedelivery},
		{"DeadLetter", testDeadLetter},
		{"HandlerPanic", testHandlerPanic},
		{"DataCopied", testDataCopied},
		{"CompetingConsumers", testCompetingConsumers},
		{"CancelStopsConsume", testCancelStopsConsume},
		{"Close", testClose},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := newQueue(t)
			t.Cleanup(func() { q.Close() })
			tt.fn(t, q)
		})
	}
}

// consumer runs Consume in the background and records what it handled.
type consumer struct {
	mu   sync.Mutex
	got  []queue.Message
	more chan struct{} // signalled after each handled message
	done chan error    // Consume's result
	stop context.CancelFunc
}

// consume starts a consumer of subject; fail decides whether a delivery
// fails (nil: never).
func consume(t *testing.T, q queue.Queue, subject string, fail func(m queue.Message) error) *consumer {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	c := &consumer{more: make(chan struct{}, 1), done: make(chan error, 1), stop: cancel}
	go func() {
		c.done <- q.Consume(ctx, subject, func(_ context.Context, m queue.Message) error {
			m.Data = slices.Clone(m.Data)
			c.mu.Lock()
			c.got = append(c.got, m)
			c.mu.Unlock()
			select {
			case c.more <- struct{}{}:
			default:
			}
			if fail != nil {
				return fail(m)
			}
			return nil
		})
	}()
	t.Cleanup(func() { c.stop() })
	return c
}

// waitFor waits until ok holds for the handled messages.
func (c *consumer) waitFor(t *testing.T, what string, ok func(got []queue.Message) bool) []queue.Message {
	t.Helper()
	deadline := time.After(guard)
	for {
		c.mu.Lock()
		got := slices.Clone(c.got)
		c.mu.Unlock()
		if ok(got) {
			return got
		}
		select {
		case <-c.more:
		case <-deadline:
			t.Fatalf("timed out waiting for %s; handled %d messages: %s", what, len(got), datas(got))
		}
	}
}

// waitN waits for n handled messages.
func (c *consumer) waitN(t *testing.T, n int) []queue.Message {
	t.Helper()
	return c.waitFor(t, fmt.Sprintf("%d messages", n), func(got []queue.Message) bool { return len(got) >= n })
}

func datas(ms []queue.Message) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = string(m.Data)
	}
	return out
}

func publish(t *testing.T, q queue.Queue, subject string, datas ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), guard)
	defer cancel()
	for _, d := range datas {
		if err := q.Publish(ctx, subject, []byte(d)); err != nil {
			t.Fatalf("Publish(%s, %s): %v", subject, d, err)
		}
	}
}

func numbered(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s%03d", prefix, i)
	}
	return out
}

func testPublishThenConsume(t *testing.T, q queue.Queue) {
	publish(t, q, "work", "one", "two", "three")
	got := consume(t, q, "work", nil).waitN(t, 3)
	if want := []string{"one", "two", "three"}; !slices.Equal(datas(got), want) {
		t.Errorf("handled %v, want %v", datas(got), want)
	}
	for _, m := range got {
		if m.Subject != "work" || m.Attempt != 1 {
			t.Errorf("message %q: subject %q attempt %d", m.Data, m.Subject, m.Attempt)
		}
	}
}

func testConsumeThenPublish(t *testing.T, q queue.Queue) {
	c := consume(t, q, "work", nil)
	publish(t, q, "work", "late")
	if got := c.waitN(t, 1); string(got[0].Data) != "late" {
		t.Errorf("handled %q", got[0].Data)
	}
}

func testOrderPerSubject(t *testing.T, q queue.Queue) {
	a, b := numbered("a", 100), numbered("b", 100)
	ca, cb := consume(t, q, "a", nil), consume(t, q, "b", nil)
	for i := range a {
		publish(t, q, "a", a[i])
		publish(t, q, "b", b[i])
	}
	if got := datas(ca.waitN(t, len(a))); !slices.Equal(got, a) {
		t.Errorf("subject a handled %v", got)
	}
	if got := datas(cb.waitN(t, len(b))); !slices.Equal(got, b) {
		t.Errorf("subject b handled %v", got)
	}
}

var errTest = errors.New("queuetest: handler failure")

func testRedelivery(t *testing.T, q queue.Queue) {
	c := consume(t, q, "work", func(m queue.Message) error {
		if string(m.Data) == "flaky" && m.Attempt < 3 {
			return errTest
		}
		return nil
	})
	publish(t, q, "work", "flaky", "next")
	got := c.waitFor(t, "next", func(got []queue.Message) bool { return slices.Contains(datas(got), "next") })
	var attempts []int
	for _, m := range got {
		if string(m.Data) == "flaky" {
			attempts = append(attempts, m.Attempt)
		}
	}
	if !slices.Equal(attempts, []int{1, 2, 3}) {
		t.Errorf("flaky delivered with attempts %v, want [1 2 3]", attempts)
	}
}

func testDeadLetter(t *testing.T, q queue.Queue) {
	c := consume(t, q, "work", func(m queue.Message) error {
		if string(m.Data) == "poison" {
			return errTest
		}
		return nil
	})
	publish(t, q, "work", "poison", "after")
	got := c.waitFor(t, "the message after the poison one", func(got []queue.Message) bool {
		return slices.Contains(datas(got), "after")
	})
	n := 0
	for _, m := range got {
		if string(m.Data) == "poison" {
			n++
		}
	}
	if n < 2 || n > 100 {
		t.Errorf("poison message delivered %d times, want 2..100", n)
	}
}

func testHandlerPanic(t *testing.T, q queue.Queue) {
	c := consume(t, q, "work", func(m queue.Message) error {
		if string(m.Data) == "boom" && m.Attempt == 1 {
			panic("handler bug")
		}
		return nil
	})
	publish(t, q, "work", "boom", "after")
	got := c.waitN(t, 3)
	if want := []string{"boom", "boom", "after"}; !slices.Equal(datas(got), want) {
		t.Errorf("handled %v, want %v", datas(got), want)
	}
}

func testDataCopied(t *testing.T, q queue.Queue) {
	buf := []byte("original")
	if err := q.Publish(context.Background(), "work", buf); err != nil {
		t.Fatal(err)
	}
	copy(buf, "CHANGED!")
	if got := consume(t, q, "work", nil).waitN(t, 1); string(got[0].Data) != "original" {
		t.Errorf("handled %q: Publish kept the caller's slice", got[0].Data)
	}
}

func testCompetingConsumers(t *testing.T, q queue.Queue) {
	want := numbered("m", 60)
	c1, c2 := consume(t, q, "work", nil), consume(t, q, "work", nil)
	publish(t, q, "work", want...)
	deadline := time.After(guard)
	for {
		c1.mu.Lock()
		c2.mu.Lock()
		got := append(datas(c1.got), datas(c2.got)...)
		c2.mu.Unlock()
		c1.mu.Unlock()
		if len(got) >= len(want) {
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("two consumers handled %v, want each message once", got)
			}
			return
		}
		select {
		case <-c1.more:
		case <-c2.more:
		case <-deadline:
			t.Fatalf("timed out: handled %d of %d", len(got), len(want))
		}
	}
}

func testCancelStopsConsume(t *testing.T, q queue.Queue) {
	c := consume(t, q, "work", nil)
	publish(t, q, "work", "x")
	c.waitN(t, 1)
	c.stop()
	select {
	case err := <-c.done:
		if err != nil && !errors.Is(err, context.Canceled) {
			t.Errorf("Consume after cancel = %v, want nil", err)
		}
	case <-time.After(guard):
		t.Fatal("Consume did not return after its context ended")
	}
}

func testClose(t *testing.T, q queue.Queue) {
	c := consume(t, q, "work", nil)
	if err := q.Close(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-c.done:
	case <-time.After(guard):
		t.Fatal("Consume did not return after Close")
	}
	if err := q.Publish(context.Background(), "work", []byte("x")); !errors.Is(err, queue.ErrClosed) {
		t.Errorf("Publish after Close = %v, want ErrClosed", err)
	}
}
