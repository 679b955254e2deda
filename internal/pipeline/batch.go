package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"parallax/internal/ingest/files"
	"parallax/internal/queue"
)

// SubjectInput carries input Items from the reader to the extraction
// workers.
const SubjectInput = "parallax.input"

// Summary counts what one batch did.
type Summary struct {
	Read, Added, Duplicate, Rejected int
	NearDuplicate                    int // articles linked to an original as they were clustered
	Clustered, Briefs                int
	Reasons                          map[string]int // rejection reason -> count
}

// Count adds one input's outcome.
func (s *Summary) Count(o Outcome) { s.add(o) }

func (s *Summary) add(o Outcome) {
	s.Read++
	switch o.Status {
	case Added:
		s.Added++
	case Duplicate:
		s.Duplicate++
	case Rejected:
		s.Rejected++
		if s.Reasons == nil {
			s.Reasons = map[string]int{}
		}
		s.Reasons[Reason(o.Err)]++
	}
}

// Reason is an error's kind without the input's name: its innermost text.
func Reason(err error) string {
	for err != nil {
		u := errors.Unwrap(err)
		if u == nil {
			break
		}
		err = u
	}
	if err == nil {
		return ""
	}
	return err.Error()
}

// wireItem is an Item as it travels through a queue.
type wireItem struct {
	Seq    int64      `json:"seq"`
	Origin string     `json:"origin"`
	Kind   files.Kind `json:"kind"`
	Data   []byte     `json:"data,omitempty"`
	Rec    *files.Rec `json:"rec,omitempty"`
	Pub    string     `json:"published,omitempty"`
	Err    string     `json:"err,omitempty"`
	Reason string     `json:"reason,omitempty"`
	Warn   []string   `json:"warn,omitempty"`
	Read   time.Time  `json:"read,omitzero"`
}

// Ingest runs one batch: walk emits inputs, which travel through q to
// `workers` extraction workers (extract -> dedupe -> store); once all are
// stored, the batch is clustered in publication-time order and the briefs
// of the stories it touched are rewritten. progress is called once per
// input, from one goroutine at a time. Rerunning a batch adds nothing.
func (p *Pipeline) Ingest(ctx context.Context, q queue.Queue, walk func(emit func(files.Item) error) error, workers int, progress func(Outcome)) (Summary, error) {
	var (
		sum      Summary
		mu       sync.Mutex
		pending  sync.WaitGroup
		firstErr error
	)
	if workers < 1 {
		workers = 1
	}
	if bl, ok := q.(queue.Backlog); ok {
		return p.ingestShared(ctx, q, bl, walk, workers, progress)
	}
	cctx, stop := context.WithCancel(ctx)
	defer stop()
	turn := newSequencer(cctx)
	var seq int64
	var consumers sync.WaitGroup
	for range workers {
		consumers.Add(1)
		go func() {
			defer consumers.Done()
			_ = q.Consume(cctx, SubjectInput, func(ctx context.Context, m queue.Message) error {
				defer pending.Done()
				seq, it, err := decodeItem(m.Data)
				if err != nil {
					it = files.Item{Origin: "queue message", Err: err}
				}
				a, perr := p.prepare(it)
				if seq >= 0 && !turn.wait(ctx, seq) {
					return nil
				}
				o, err := p.store(ctx, it, a, perr)
				if seq >= 0 {
					turn.done(seq)
				}
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					if firstErr == nil {
						firstErr = err
					}
					stop()
					return nil
				}
				sum.add(o)
				if progress != nil {
					progress(o)
				}
				return nil
			})
		}()
	}
	walkErr := walk(func(it files.Item) error {
		stampRead(&it, p.opts.Now())
		data, err := encodeItem(seq, it)
		seq++
		if err != nil {
			return err
		}
		pending.Add(1)
		if err := q.Publish(cctx, SubjectInput, data); err != nil {
			pending.Done()
			return fmt.Errorf("pipeline: queue %s: %w", it.Origin, err)
		}
		return nil
	})
	waitOrCancel(cctx, &pending)
	stop()
	consumers.Wait()
	if firstErr != nil && (walkErr == nil || ctx.Err() == nil) {
		walkErr = firstErr // the cause: the walk only saw the cancellation it made
	}
	if walkErr != nil {
		return sum, walkErr
	}
	return p.settleSummary(ctx, sum)
}

// settleSummary settles the store and adds what that did to sum.
func (p *Pipeline) settleSummary(ctx context.Context, sum Summary) (Summary, error) {
	near := p.NearLinked()
	var err error
	sum.Clustered, sum.Briefs, err = p.Settle(ctx)
	sum.NearDuplicate += p.NearLinked() - near
	return sum, err
}

// NearLinked counts the near-duplicate links this pipeline made.
func (p *Pipeline) NearLinked() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.nearLinked
}

// waitOrCancel waits for wg, or for ctx to end.
func waitOrCancel(ctx context.Context, wg *sync.WaitGroup) {
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
	}
}

// stampRead dates an input when it is read, in input order, unless its
// walker did (files.Item.Read).
func stampRead(it *files.Item, now time.Time) {
	if it.Read.IsZero() {
		it.Read = now.UTC()
	}
}

func encodeItem(seq int64, it files.Item) ([]byte, error) {
	w := wireItem{Seq: seq, Origin: it.Origin, Kind: it.Kind, Data: it.Data, Rec: it.Rec, Warn: it.Warn, Read: it.Read}
	if it.Err != nil {
		w.Err, w.Reason = it.Err.Error(), Reason(it.Err)
	}
	if it.Rec != nil && !it.Rec.Published.IsZero() {
		w.Pub = it.Rec.Published.Format("2006-01-02T15:04:05.999999999Z07:00")
	}
	return json.Marshal(w)
}

func decodeItem(b []byte) (int64, files.Item, error) {
	var w wireItem
	if err := json.Unmarshal(b, &w); err != nil {
		return -1, files.Item{}, fmt.Errorf("pipeline: decode queued item: %w", err)
	}
	it := files.Item{Origin: w.Origin, Kind: w.Kind, Data: w.Data, Rec: w.Rec, Warn: w.Warn, Read: w.Read}
	if w.Err != "" {
		it.Err = &queuedErr{msg: w.Err, reason: errors.New(w.Reason)}
	}
	if w.Rec != nil && w.Pub != "" {
		t, err := files.ParseTime(w.Pub)
		if err != nil {
			return w.Seq, it, err
		}
		it.Rec.Published = t
	}
	return w.Seq, it, nil
}

// queuedErr is an input error that crossed a queue: its message, and its
// reason as the error it wraps.
type queuedErr struct {
	msg    string
	reason error
}

func (e *queuedErr) Error() string { return e.msg }
func (e *queuedErr) Unwrap() error { return e.reason }

// sequencer lets parallel workers take turns in input order.
type sequencer struct {
	mu   sync.Mutex
	cond *sync.Cond
	next int64
	ctx  context.Context
}

func newSequencer(ctx context.Context) *sequencer {
	s := &sequencer{ctx: ctx}
	s.cond = sync.NewCond(&s.mu)
	context.AfterFunc(ctx, func() {
		s.mu.Lock()
		s.cond.Broadcast()
		s.mu.Unlock()
	})
	return s
}

// wait blocks until it is n's turn; false if the batch was cancelled.
func (s *sequencer) wait(ctx context.Context, n int64) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for s.next != n {
		if s.ctx.Err() != nil || ctx.Err() != nil {
			return false
		}
		s.cond.Wait()
	}
	return true
}

// done passes the turn to n+1.
func (s *sequencer) done(n int64) {
	s.mu.Lock()
	s.next = n + 1
	s.cond.Broadcast()
	s.mu.Unlock()
}
