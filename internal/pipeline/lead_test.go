package pipeline

import (
	"context"
	"sync"
	"testing"
	"time"

	"parallax/internal/store"
)

// fakeBacklog reports a scripted backlog and records, at each question,
// how many stored articles were still pending.
type fakeBacklog struct {
	mu      sync.Mutex
	script  []int // answers in turn; the last repeats
	st      store.Store
	pending []int
}

func (b *fakeBacklog) Pending(ctx context.Context, _ string) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	arts, err := b.st.PendingArticles(ctx)
	if err != nil {
		return 0, err
	}
	b.pending = append(b.pending, len(arts))
	n := b.script[min(len(b.pending), len(b.script))-1]
	return n, nil
}

// TestClustererWaitsForDrain: the clusterer places nothing while the work
// queue holds items, then everything once it is drained.
func TestClustererWaitsForDrain(t *testing.T) {
	st := openTestStore(t)
	p := newTestPipeline(t, st)
	for _, it := range records(9) {
		if _, err := p.Add(context.Background(), it); err != nil {
			t.Fatal(err)
		}
	}
	bl := &fakeBacklog{script: []int{3, 2, 1, 0}, st: st}
	var placed []int
	err := p.RunClusterer(context.Background(), ClustererOptions{Backlog: bl, Retry: time.Millisecond, Once: true,
		OnPass: func(n int) { placed = append(placed, n) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(bl.pending) != 4 || bl.pending[0] != 9 || bl.pending[2] != 9 {
		t.Errorf("pending articles at each look at the queue: %v; want 9 until it drained, 4 looks", bl.pending)
	}
	if len(placed) != 1 || placed[0] != 9 {
		t.Errorf("passes placed %v, want one pass of 9", placed)
	}
}

// TestClustererMaxWait: under a flow that never drains the queue, the
// clusterer still places what is stored every MaxWait.
func TestClustererMaxWait(t *testing.T) {
	st := openTestStore(t)
	p := newTestPipeline(t, st)
	for _, it := range records(6) {
		if _, err := p.Add(context.Background(), it); err != nil {
			t.Fatal(err)
		}
	}
	bl := &fakeBacklog{script: []int{5}, st: st}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute) // a guard, not a measure
	defer cancel()
	total := 0
	err := p.RunClusterer(ctx, ClustererOptions{Backlog: bl, Retry: time.Millisecond, MaxWait: 5 * time.Millisecond,
		OnPass: func(n int) {
			if total += n; total == 6 {
				cancel()
			}
		}})
	if err != nil || total != 6 {
		t.Errorf("RunClusterer = %v after placing %d of 6", err, total)
	}
}
