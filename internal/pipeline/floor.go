package pipeline

import (
	"context"
	"fmt"
	"time"

	"parallax/internal/model"
	"parallax/internal/queue"
)

// Of exact duplicates, the store keeps the one queued first on the shared
// work queue, replacing one queued later while that is still pending
// (store.Store.AddArticle). So that the clusterer never places an article
// that an input queued before it could still replace, it places only the
// articles queued up to the queue's acknowledgement floor, read before the
// pending articles: every input queued before them is then stored. An
// article queued above the floor waits for a later pass, for at most
// DefaultMaxWait (the floor would stay below it for good if the stream
// were recreated, its numbers starting again).

// watchQueue makes the clusterer place only what the shared queue q has
// acknowledged all inputs before, when q numbers its messages.
func (p *Pipeline) watchQueue(q any) {
	a, ok := q.(queue.Acked)
	if !ok {
		return
	}
	p.mu.Lock()
	p.acked = a
	p.mu.Unlock()
}

// ackFloor is the queue's acknowledgement floor, or -1 without a numbered
// queue (no article waits).
func (p *Pipeline) ackFloor(ctx context.Context) (int64, error) {
	if p.acked == nil {
		return -1, nil
	}
	f, err := p.acked.AckFloor(ctx, SubjectInput)
	if err != nil {
		return 0, fmt.Errorf("pipeline: queue acknowledgement floor: %w", err)
	}
	return f, nil
}

// placeable keeps, of the pending articles, those that may be placed now
// (see above), and remembers since when each of the others waits.
func (p *Pipeline) placeable(pending []*model.Article, floor int64, now time.Time) []*model.Article {
	if floor < 0 {
		p.waiting = nil
		return pending
	}
	ready := pending[:0:0]
	waiting := map[string]time.Time{}
	for _, a := range pending {
		since, ok := p.waiting[a.ID]
		if !ok {
			since = now
		}
		if a.QueueSeq <= floor || now.Sub(since) >= DefaultMaxWait {
			ready = append(ready, a)
			continue
		}
		waiting[a.ID] = since
	}
	p.waiting = waiting
	return ready
}

// Waiting is how many pending articles the last clustering pass left for
// a later one because inputs queued before them were not all stored yet.
func (p *Pipeline) Waiting() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.waiting)
}
