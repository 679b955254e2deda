package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"parallax/internal/brief"
	"parallax/internal/cluster"
	"parallax/internal/dedupe"
	"parallax/internal/follow"
	"parallax/internal/ingest/files"
	"parallax/internal/model"
	"parallax/internal/queue"
	"parallax/internal/store"
)

// Options configure a Pipeline; the zero value uses the defaults.
type Options struct {
	Cluster cluster.Options
	Brief   brief.Options
	Near    dedupe.NearOptions
	// Now is the clock (tests set it); default time.Now.
	Now func() time.Time
	// StateEvery is how many articles ClusterPending places per
	// transaction, each saved with the state after it; default
	// DefaultStateEvery.
	StateEvery int
}

// DefaultStateEvery articles are clustered per transaction: saving the
// state (about 10 MB) costs about what clustering 2,000 articles does.
const DefaultStateEvery = 5000

// Phase names a long phase of a batch, for progress reports.
type Phase string

const (
	PhaseCluster Phase = "clustering"
	PhaseBriefs  Phase = "briefs"
)

// OnProgress sets f to be told how far each long phase of a batch is
// (done of total), at least every few hundred items. Set it before the
// batch starts.
func (p *Pipeline) OnProgress(f func(ph Phase, done, total int)) { p.onProgress = f }

// progress reports done of total in phase, if anyone listens.
func (p *Pipeline) progress(ph Phase, done, total int) {
	if p.onProgress != nil {
		p.onProgress(ph, done, total)
	}
}

// DefaultBriefArticles is how many of a story's articles its brief reads
// (brief.Select: the most central half, the latest the rest): a story of
// 1,450 articles then costs what one of 100 does.
const DefaultBriefArticles = 100

// DefaultOptions returns the documented defaults of every stage.
func DefaultOptions() Options {
	return Options{Cluster: cluster.DefaultOptions(), Brief: brief.Options{MaxArticles: DefaultBriefArticles},
		Near: dedupe.DefaultNearOptions(), Now: time.Now, StateEvery: DefaultStateEvery}
}

// Pipeline holds the state that outlives one article: the store and the
// online clusterer. Add is safe for concurrent use; clustering and brief
// writing are serialised.
type Pipeline struct {
	st   store.Store
	opts Options
	log  *slog.Logger

	mu   sync.Mutex // guards cl, seen, mine and stateDirty: clustering is one ordered stream
	cl   *cluster.Clusterer
	seen int64               // highest assignment sequence number the clusterer knows
	mine map[string]struct{} // articles this process assigned since seen
	// stateDirty: the state changed without being saved (rebuilt, or
	// caught up with another writer): the next batch saves it.
	stateDirty bool
	// unsaved counts the articles placed or caught up with since the
	// state was last saved: a batch's last transaction saves the state
	// only when they are at least minSave, so that a small batch (one
	// article from a feed) does not rewrite the whole state; a restart
	// catches up with them from the store.
	unsaved int
	// broken: a batch failed to be stored after the clusterer made its
	// decisions: the clusterer must start again from the store.
	broken bool

	onProgress func(Phase, int, int)
	obs        Observer // nil: none (observe.go)

	// near is the near-duplicate index, which the clusterer fills as it
	// places articles (under mu); nearLinked counts the links it made.
	near       *dedupe.NearIndex
	nearLinked int

	// acked, when set, is the shared work queue: the clusterer places
	// only articles queued up to its acknowledgement floor; waiting are
	// the pending articles the last pass left for later, with the time
	// each was first left (floor.go). Both under mu.
	acked   queue.Acked
	waiting map[string]time.Time

	// failed: the stories whose brief failed, not tried again until their
	// articles change (briefretry.go).
	failed briefFailures
}

// New builds a Pipeline over st and its clustering state: the state saved
// with the latest batch, caught up with what was placed after it, or, when
// there is none, rebuilt from the assignments already stored, so that a
// restart resumes where it stopped.
func New(ctx context.Context, st store.Store, opts Options, log *slog.Logger) (*Pipeline, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.StateEvery <= 0 {
		opts.StateEvery = DefaultStateEvery
	}
	if log == nil {
		log = slog.Default()
	}
	p := &Pipeline{st: st, opts: opts, log: log}
	if err := p.start(ctx); err != nil {
		return nil, err
	}
	return p, nil
}

// Status is what became of one input.
type Status int

const (
	Added Status = iota
	Duplicate
	Rejected
)

func (s Status) String() string {
	return [...]string{"added", "duplicate", "rejected"}[s]
}

// Outcome reports one input's fate.
type Outcome struct {
	Origin string
	Status Status
	ID     string // the new article, or the one it duplicates
	Err    error  // why it was rejected
}

// Add runs extract -> dedupe -> store for one input: exact duplicates are
// found by the store, near-duplicates when the article is clustered
// (ClusterPending). Rejections are recorded in the store; only a store
// failure is returned as an error.
func (p *Pipeline) Add(ctx context.Context, it files.Item) (Outcome, error) {
	a, err := p.prepare(it)
	return p.store(ctx, it, a, err)
}

// prepare is Add's CPU-bound half: extraction, safe to run in parallel.
func (p *Pipeline) prepare(it files.Item) (*model.Article, error) {
	for _, w := range it.Warn {
		p.log.Warn(w)
	}
	start := time.Now()
	a, err := Prepare(it, p.opts.Now())
	if p.obs != nil {
		p.obs.Extracted(time.Since(start))
	}
	return a, err
}

// store is Add's second half: it stores a prepared article, or records why
// there is none. Stores run in input order in a batch, so that which of two
// identical inputs wins does not depend on timing.
func (p *Pipeline) store(ctx context.Context, it files.Item, a *model.Article, prepErr error) (Outcome, error) {
	out, err := p.storeOne(ctx, it, a, prepErr)
	if err == nil && p.obs != nil {
		p.obs.Stored(out.Status)
	}
	return out, err
}

func (p *Pipeline) storeOne(ctx context.Context, it files.Item, a *model.Article, prepErr error) (Outcome, error) {
	out := Outcome{Origin: it.Origin}
	if prepErr != nil {
		out.Status, out.Err = Rejected, prepErr
		if rerr := p.st.RecordRejected(ctx, it.Origin, prepErr.Error()); rerr != nil {
			return out, fmt.Errorf("pipeline: record rejection of %s: %w", it.Origin, rerr)
		}
		return out, nil
	}
	pr, err := provenance(a.ID, it, a)
	if err != nil {
		return out, fmt.Errorf("pipeline: provenance of %s: %w", it.Origin, err)
	}
	// One transaction: the article with its provenance, or the input
	// recorded as a duplicate of the article it repeats (or, the same
	// input again, that article's provenance).
	added, existing, err := p.st.AddInput(ctx, a, pr)
	if err != nil {
		return out, fmt.Errorf("pipeline: store %s: %w", it.Origin, err)
	}
	if added {
		out.Status, out.ID = Added, a.ID
	} else {
		out.Status, out.ID = Duplicate, existing
	}
	return out, nil
}

// ClusterPending places every stored article that has no story yet, in
// publication-time order, first linking it to its original when it is a
// near-duplicate of an article placed before it, with the passages about its story when it is a
// roundup of several (and its placements in the other stories it covers),
// and returns how many it placed. When the clusterer merges two stories,
// the younger one's articles move to the older one and the store records
// the lineage (StoryAlias). Decisions are stored StateEvery articles at a
// time, each batch in one transaction with the state after it.
func (p *Pipeline) ClusterPending(ctx context.Context) (int, error) {
	start := time.Now()
	n, err := p.clusterPending(ctx)
	if n > 0 && p.obs != nil {
		p.obs.Clustered(n, time.Since(start))
	}
	return n, err
}

func (p *Pipeline) clusterPending(ctx context.Context) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.broken {
		if err := p.start(ctx); err != nil {
			return 0, err
		}
		p.broken = false
	}
	if err := p.catchUp(ctx); err != nil {
		return 0, err
	}
	floor, err := p.ackFloor(ctx) // before the pending articles: see floor.go
	if err != nil {
		return 0, err
	}
	pending, err := p.st.PendingArticles(ctx)
	if err != nil {
		return 0, fmt.Errorf("pipeline: pending articles: %w", err)
	}
	pending = p.placeable(pending, floor, time.Now())
	if len(pending) == 0 && p.stateDirty && p.unsaved >= p.minSave() {
		return 0, p.apply(ctx, nil, nil, true)
	}
	var (
		ops   []store.ClusterOp
		batch []string
	)
	for i, a := range pending {
		if err := ctx.Err(); err != nil {
			return i - len(batch), err
		}
		if err := p.linkNear(ctx, a); err != nil {
			p.broken = true // the index is ahead of the store
			return i - len(batch), err
		}
		as := p.cl.Add(ClusterDoc(a))
		p.unsaved++
		in := model.Placement{StoryID: as.Story, EventID: as.Event, Passages: ModelPassages(p.cl.Passages())}
		ops = append(ops, store.ClusterOp{Kind: store.OpAssign, Article: a.ID, In: in, Also: ModelPlacements(p.cl.Also())})
		batch = append(batch, a.ID)
		for _, m := range p.cl.Merges() { // as.Story is already the survivor
			ops = append(ops, store.ClusterOp{Kind: store.OpMerge, From: m.From, Into: m.Into})
		}
		for _, m := range p.cl.Moves() { // after the merges, as the clusterer made them
			ops = append(ops, store.ClusterOp{Kind: store.OpMove, Article: m.Article, Into: m.To, Event: m.Event})
			batch = append(batch, m.Article)
		}
		n := i + 1
		if n%p.opts.StateEvery == 0 || n == len(pending) {
			if err := p.apply(ctx, ops, batch, n%p.opts.StateEvery == 0 || p.unsaved >= p.minSave()); err != nil {
				return n - len(batch), err
			}
			ops, batch = ops[:0], batch[:0]
		}
		if n%250 == 0 || n == len(pending) {
			p.progress(PhaseCluster, n, len(pending))
		}
	}
	return len(pending), nil
}

// minSave is how many unsaved placements make a batch's end save the
// state (a twentieth of StateEvery).
func (p *Pipeline) minSave() int { return max(1, p.opts.StateEvery/20) }

// apply stores a batch of decisions, with the state after them when save
// is set. When the state is not saved, or the store refuses it (another
// writer placed articles meanwhile), the batch's articles are remembered
// so that catching up skips them.
func (p *Pipeline) apply(ctx context.Context, ops []store.ClusterOp, ids []string, save bool) error {
	var state []byte
	if save {
		var err error
		if state, err = p.encodeState(); err != nil {
			p.broken = true
			return fmt.Errorf("pipeline: save state: %w", err)
		}
	}
	last, saved, err := p.st.ApplyClustering(ctx, ops, state, p.seen)
	if err != nil {
		p.broken = true // the clusterer is ahead of the store
		return fmt.Errorf("pipeline: store %d clustering decisions: %w", len(ops), err)
	}
	if saved {
		p.seen, p.mine, p.stateDirty, p.unsaved = last, map[string]struct{}{}, false, 0
		return nil
	}
	for _, id := range ids {
		p.mine[id] = struct{}{}
	}
	p.stateDirty = true
	return nil
}

// restore replays a stored article's placements into the clusterer: its
// own story, then each other story a roundup covers.
func (p *Pipeline) restore(a *model.Article) {
	d := ClusterDoc(a)
	p.cl.Restore(d, cluster.Assignment{Story: a.StoryID, Event: a.EventID})
	for _, x := range a.Also {
		p.cl.RestoreAlso(d, cluster.Placement{Story: x.StoryID, Event: x.EventID, Passages: clusterPassages(x.Passages)})
	}
}

// BriefStale rewrites the brief of every story that changed and returns how
// many it wrote. With a store that several processes share
// (store.BriefClaimer) it writes only the briefs it claims, so that each
// is written once per change however many processes write briefs; a story
// merged away meanwhile is skipped.
func (p *Pipeline) BriefStale(ctx context.Context) (int, error) {
	ids, err := p.st.StaleStories(ctx)
	if err != nil {
		return 0, fmt.Errorf("pipeline: stale stories: %w", err)
	}
	claimer, _ := p.st.(store.BriefClaimer)
	written := 0
	for i, id := range ids {
		if err := ctx.Err(); err != nil {
			return written, err
		}
		ok, err := p.briefClaimed(ctx, claimer, id)
		if err != nil {
			return written, err
		}
		if ok {
			written++
		}
		if n := i + 1; n%20 == 0 || n == len(ids) {
			p.progress(PhaseBriefs, n, len(ids))
		}
	}
	if written > 0 {
		p.checkFollows(ctx)
	}
	return written, nil
}

// checkFollows records the new entries of every saved follow once briefs
// are rewritten (the one place an ingest, the poller, reprocess and the
// briefs role all pass), queueing their webhook deliveries; `serve` sends
// them (follow.Deliverer). A failure is logged: the next batch checks
// again, and the entries are still new then.
func (p *Pipeline) checkFollows(ctx context.Context) {
	if _, err := follow.Check(ctx, p.st, p.opts.Now(), p.log); err != nil && ctx.Err() == nil {
		p.log.Warn("pipeline: could not check the saved follows", "err", err)
	}
}

// briefClaimed writes story id's brief, claimed first when claimer is set;
// false when it was not written (claimed elsewhere, no longer stale, or
// merged away).
func (p *Pipeline) briefClaimed(ctx context.Context, claimer store.BriefClaimer, id string) (bool, error) {
	if claimer != nil {
		release, ok, err := claimer.ClaimBrief(ctx, id)
		if err != nil || !ok {
			return false, err
		}
		defer release()
	}
	arts, err := p.st.StoryArticles(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return false, nil // merged away since it was listed
	}
	if err != nil {
		return false, fmt.Errorf("pipeline: story %s: %w", id, err)
	}
	fp := storyPrint(arts)
	if p.failed.known(id, fp) {
		return false, nil // failed with these very articles: logged then
	}
	start := time.Now()
	b, err := safeBrief(arts, p.opts.Brief)
	if err != nil {
		// a bug in a stage of the brief must not stop the others' briefs
		// (nor the batch): the story stays stale, and says why, once
		// until its articles change
		p.failed.record(id, fp)
		p.log.Error("pipeline: brief not written; tried again when the story changes", "story", id, "err", err)
		return false, nil
	}
	p.failed.forget(id)
	err = p.st.SaveBrief(ctx, id, b)
	if err == nil && p.obs != nil {
		p.obs.Briefed(time.Since(start))
	}
	if errors.Is(err, store.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("pipeline: save brief of %s: %w", id, err)
	}
	return true, nil
}

// buildBrief writes a brief; a variable so that a test can make it fail.
var buildBrief = brief.Build

// safeBrief is buildBrief with a panic turned into an error.
func safeBrief(arts []*model.Article, opts brief.Options) (b *model.Brief, err error) {
	defer func() {
		if r := recover(); r != nil {
			b, err = nil, fmt.Errorf("brief: panic: %v", r)
		}
	}()
	return buildBrief(arts, opts), nil
}

// Settle runs the later stages over everything stored: cluster what is
// pending (as the elected clusterer when the store is shared), then
// rewrite stale briefs.
func (p *Pipeline) Settle(ctx context.Context) (clustered, briefs int, err error) {
	if clustered, err = p.clusterElected(ctx); err != nil {
		return clustered, 0, err
	}
	briefs, err = p.BriefStale(ctx)
	return clustered, briefs, err
}

// ModelPassages converts the clusterer's roundup passages to the model's
// (nil when all of the text belongs).
func ModelPassages(ps []cluster.Passage) []model.Passage {
	if len(ps) == 0 {
		return nil
	}
	out := make([]model.Passage, len(ps))
	for i, p := range ps {
		out[i] = model.Passage{Start: p.Start, End: p.End}
	}
	return out
}

// ModelPlacements converts the clusterer's extra placements of a roundup
// to the model's (nil for none).
func ModelPlacements(ps []cluster.Placement) []model.Placement {
	if len(ps) == 0 {
		return nil
	}
	out := make([]model.Placement, len(ps))
	for i, p := range ps {
		out[i] = model.Placement{StoryID: p.Story, EventID: p.Event, Passages: ModelPassages(p.Passages)}
	}
	return out
}

// clusterPassages converts stored passages to the clusterer's.
func clusterPassages(ps []model.Passage) []cluster.Passage {
	if len(ps) == 0 {
		return nil
	}
	out := make([]cluster.Passage, len(ps))
	for i, p := range ps {
		out[i] = cluster.Passage{Start: p.Start, End: p.End}
	}
	return out
}

// ClusterDoc is the view of an article that clustering uses; Doc.Text is
// the text that roundup passages index (Article.Text).
func ClusterDoc(a *model.Article) cluster.Doc {
	return cluster.Doc{ID: a.ID, Title: a.Title, Text: a.Text, Lang: a.Language, Published: a.Published}
}

// NewWorker builds a Pipeline for a worker process that only extracts and
// stores (Work): the clustering state is loaded only if it ever clusters.
func NewWorker(st store.Store, opts Options, log *slog.Logger) *Pipeline {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.StateEvery <= 0 {
		opts.StateEvery = DefaultStateEvery
	}
	if log == nil {
		log = slog.Default()
	}
	return &Pipeline{st: st, opts: opts, log: log, broken: true}
}
