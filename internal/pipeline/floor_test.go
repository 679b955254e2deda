package pipeline

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"parallax/internal/ingest/files"
	"parallax/internal/model"
	"parallax/internal/queue"
	"parallax/internal/store"
)

// fakeAcked is a drained queue whose acknowledgement floor follows a
// script (the last answer repeats).
type fakeAcked struct {
	mu     sync.Mutex
	floors []int64
	asked  int
}

func (q *fakeAcked) Pending(context.Context, string) (int, error) { return 0, nil }

func (q *fakeAcked) AckFloor(context.Context, string) (int64, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	f := q.floors[min(q.asked, len(q.floors)-1)]
	q.asked++
	return f, nil
}

// TestClustererWaitsForEarlierInputs: a worker stores what it takes with
// its queue number, an input queued earlier replaces its pending exact
// duplicate queued later, and the clusterer places only the articles
// queued up to the queue's acknowledgement floor, the rest in a later pass.
func TestClustererWaitsForEarlierInputs(t *testing.T) {
	st := openTestStore(t)
	p := newTestPipeline(t, st)
	ctx := context.Background()
	items := records(9)
	copyRec := *items[0].Rec
	copyRec.ID = "late"
	late := items[0]
	late.Origin, late.Rec = "late.jsonl:1", &copyRec
	work := func(seq int64, it files.Item) {
		t.Helper()
		data, err := encodeItem(0, it)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.work(ctx, queue.Message{Subject: SubjectInput, Data: data, Attempt: 1, Seq: seq}); err != nil {
			t.Fatal(err)
		}
	}
	work(20, late) // an exact duplicate of items[0], queued last, stored first
	for i, it := range items {
		work(int64(i+1), it)
	}
	if _, err := st.Article(ctx, "late"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("the copy queued last is still stored (err %v)", err)
	}
	if a, err := st.Article(ctx, "a000"); err != nil || a.QueueSeq != 1 {
		t.Errorf("Article(a000) = %+v, %v; want it stored with queue number 1", a, err)
	}
	var placed []int
	err := p.RunClusterer(ctx, ClustererOptions{Backlog: &fakeAcked{floors: []int64{5, 20}}, Retry: time.Millisecond,
		Once: true, OnPass: func(n int) { placed = append(placed, n) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(placed) != 2 || placed[0] != 5 || placed[1] != 4 {
		t.Errorf("passes placed %v, want [5 4]: up to the floor, then the rest", placed)
	}
}

// TestPlaceableWaitsAtMost: an article queued above the floor waits, for
// at most DefaultMaxWait; without a numbered queue none waits.
func TestPlaceableWaitsAtMost(t *testing.T) {
	p := &Pipeline{}
	pending := []*model.Article{{ID: "a", QueueSeq: 3}, {ID: "b", QueueSeq: 8}, {ID: "c"}}
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		floor int64
		at    time.Duration
		want  []string
	}{
		{5, 0, []string{"a", "c"}},
		{5, DefaultMaxWait / 2, []string{"a", "c"}},
		{5, DefaultMaxWait, []string{"a", "b", "c"}},
		{-1, 0, []string{"a", "b", "c"}},
	} {
		got := ids(p.placeable(pending, tc.floor, t0.Add(tc.at)))
		if len(got) != len(tc.want) || got[0] != tc.want[0] || got[len(got)-1] != tc.want[len(tc.want)-1] {
			t.Errorf("floor %d after %v: placeable %v, want %v", tc.floor, tc.at, got, tc.want)
		}
	}
}

func ids(as []*model.Article) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.ID
	}
	return out
}
