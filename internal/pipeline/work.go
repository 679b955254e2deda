package pipeline

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"parallax/internal/ingest/files"
	"parallax/internal/queue"
)

// Work takes input items from q until ctx ends, with `workers` consumers:
// each item is extracted and stored, and its message acknowledged only
// once the store committed it, so that an item whose worker dies goes to
// another. Exact duplicates are found atomically by the store; near
// duplicates and stories are the clusterer's (ClusterPending), so any
// number of processes may run Work on one store and one shared queue.
// progress is called once per item handled here, one call at a time. A
// store failure asks for the item's redelivery; Work returns nil when ctx
// ends, or the queue's error.
func (p *Pipeline) Work(ctx context.Context, q queue.Queue, workers int, progress func(Outcome)) error {
	var (
		mu       sync.Mutex
		wg       sync.WaitGroup
		firstErr error
	)
	for range max(workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := q.Consume(ctx, SubjectInput, func(ctx context.Context, m queue.Message) error {
				o, err := p.work(ctx, m)
				if err != nil {
					p.log.Warn("worker: item not stored; it will be redelivered", "attempt", m.Attempt, "err", err)
					return err
				}
				if progress != nil {
					mu.Lock()
					progress(o)
					mu.Unlock()
				}
				return nil
			})
			if err != nil && !errors.Is(err, queue.ErrClosed) {
				mu.Lock()
				firstErr = cmpOr(firstErr, err)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return firstErr
}

// work extracts and stores one queued item.
func (p *Pipeline) work(ctx context.Context, m queue.Message) (Outcome, error) {
	_, it, err := decodeItem(m.Data)
	if err != nil {
		it = files.Item{Origin: "queue message", Err: err}
	}
	a, perr := p.prepare(it)
	if a != nil {
		a.QueueSeq = m.Seq // of exact duplicates, the store keeps the first queued
	}
	return p.store(ctx, it, a, perr)
}

func cmpOr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

// PublishItem queues one input on q for the workers.
func PublishItem(ctx context.Context, q queue.Queue, it files.Item) error {
	stampRead(&it, time.Now())
	data, err := encodeItem(0, it)
	if err != nil {
		return fmt.Errorf("pipeline: queue %s: %w", it.Origin, err)
	}
	if err := q.Publish(ctx, SubjectInput, data); err != nil {
		return fmt.Errorf("pipeline: queue %s: %w", it.Origin, err)
	}
	return nil
}

// publishBatch is how many items PublishItems sends at once to a queue
// that stores batches (queue.Batcher).
const publishBatch = 64

// PublishItems queues every item walk emits on q for workers, in order,
// and returns how many it queued: publishBatch at a time when q stores
// batches.
func PublishItems(ctx context.Context, q queue.Queue, walk func(emit func(files.Item) error) error) (int, error) {
	bq, ok := q.(queue.Batcher)
	if !ok {
		n := 0
		err := walk(func(it files.Item) error {
			if err := PublishItem(ctx, q, it); err != nil { // dates it as read
				return err
			}
			n++
			return nil
		})
		return n, err
	}
	var (
		n     int
		batch [][]byte
		first string // the origin of the batch's first item, for errors
	)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if err := bq.PublishBatch(ctx, SubjectInput, batch); err != nil {
			return fmt.Errorf("pipeline: queue %d items from %s: %w", len(batch), first, err)
		}
		n += len(batch)
		batch = batch[:0]
		return nil
	}
	err := walk(func(it files.Item) error {
		stampRead(&it, time.Now())
		data, err := encodeItem(0, it)
		if err != nil {
			return fmt.Errorf("pipeline: queue %s: %w", it.Origin, err)
		}
		if len(batch) == 0 {
			first = it.Origin
		}
		if batch = append(batch, data); len(batch) == publishBatch {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	return n, err
}

// drainPoll is the shortest pause between two questions a process asks a
// shared queue about its backlog: a worker with --drain exits at most
// this long after the last item is handled (each question is one small
// request to the queue's server).
const drainPoll = 20 * time.Millisecond

// drainPerItem and drainPollMax set the pause after a question that found
// n items left: n times drainPerItem (less than the fastest fleet takes
// per item, so that the pause ends before the backlog does), between
// drainPoll and drainPollMax. A long backlog is then asked about a few
// dozen times instead of every drainPoll: with 4 workers on 4,901 items
// each asked about 550 times, each question a JSON request to the server.
const (
	drainPerItem = 100 * time.Microsecond
	drainPollMax = time.Second
)

// drainPause is the pause after a question that found n items left.
func drainPause(n int) time.Duration {
	return min(max(time.Duration(n)*drainPerItem, drainPoll), drainPollMax)
}

// WaitDrained returns once no input item waits or is being handled in any
// process (the backlog of the shared queue is empty), or ctx ends. It
// asks about the backlog less often while much is left (drainPause).
func WaitDrained(ctx context.Context, bl queue.Backlog) error {
	t := time.NewTimer(drainPoll)
	defer t.Stop()
	for {
		n, err := bl.Pending(ctx, SubjectInput)
		if err != nil {
			return fmt.Errorf("pipeline: queue backlog: %w", err)
		}
		if n == 0 {
			return nil
		}
		t.Reset(drainPause(n))
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}

// ingestShared runs a batch on a queue shared with other processes: it
// publishes the batch, works on the queue (its items or anyone's) until
// the queue is drained, then settles the store as the elected clusterer
// (or waits for the one elected) and writes the stale briefs it can claim.
// The summary counts what this process did.
func (p *Pipeline) ingestShared(ctx context.Context, q queue.Queue, bl queue.Backlog, walk func(emit func(files.Item) error) error, workers int, progress func(Outcome)) (Summary, error) {
	var (
		sum Summary
		mu  sync.Mutex
	)
	p.watchQueue(q)
	wctx, stop := context.WithCancel(ctx)
	defer stop()
	workErr := make(chan error, 1)
	go func() {
		workErr <- p.Work(wctx, q, workers, func(o Outcome) {
			mu.Lock()
			defer mu.Unlock()
			sum.add(o)
			if progress != nil {
				progress(o)
			}
		})
	}()
	_, err := PublishItems(ctx, q, walk)
	if err == nil {
		err = WaitDrained(ctx, bl)
	}
	stop()
	err = cmpOr(err, <-workErr)
	if err != nil {
		return sum, err
	}
	return p.settleSummary(ctx, sum)
}
