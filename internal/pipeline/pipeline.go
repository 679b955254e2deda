package pipeline

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"parallax/internal/brief"
	"parallax/internal/cluster"
	"parallax/internal/dedupe"
	"parallax/internal/ingest/files"
	"parallax/internal/model"
	"parallax/internal/store"
)

// Options configure a Pipeline; the zero value uses the defaults.
type Options struct {
	Cluster cluster.Options
	Brief   brief.Options
	Near    dedupe.NearOptions
	// Now is the clock (tests set it); default time.Now.
	Now func() time.Time
}

// DefaultBriefArticles is how many of a story's articles its brief reads
// (brief.Select: the most central half, the latest the rest): a story of
// 1,450 articles then costs what one of 100 does.
const DefaultBriefArticles = 100

// DefaultOptions returns the documented defaults of every stage.
func DefaultOptions() Options {
	return Options{Cluster: cluster.DefaultOptions(), Brief: brief.Options{MaxArticles: DefaultBriefArticles},
		Near: dedupe.DefaultNearOptions(), Now: time.Now}
}

// Pipeline holds the state that outlives one article: the store and the
// online clusterer. Add is safe for concurrent use; clustering and brief
// writing are serialised.
type Pipeline struct {
	st   store.Store
	opts Options
	log  *slog.Logger

	mu   sync.Mutex // guards cl, seen and mine: clustering is one ordered stream
	cl   *cluster.Clusterer
	seen int64               // highest assignment sequence number the clusterer knows
	mine map[string]struct{} // articles this process assigned since seen

	nearMu sync.Mutex // one near-duplicate lookup and store at a time
	near   *dedupe.NearIndex
}

// New builds a Pipeline over st and rebuilds the clusterer's state from the
// assignments already stored, so that a restart resumes where it stopped.
func New(ctx context.Context, st store.Store, opts Options, log *slog.Logger) (*Pipeline, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if log == nil {
		log = slog.Default()
	}
	p := &Pipeline{st: st, opts: opts, log: log, cl: cluster.New(opts.Cluster), near: dedupe.NewNearIndex(opts.Near)}
	done, last, err := st.AssignedSince(ctx, 0)
	if err != nil {
		return nil, fmt.Errorf("pipeline: restore clusters: %w", err)
	}
	for _, a := range done {
		p.restore(a)
	}
	p.seen, p.mine = last, map[string]struct{}{}
	if len(done) > 0 {
		log.Debug("clusters restored", "articles", len(done))
	}
	pending, err := st.PendingArticles(ctx)
	if err != nil {
		return nil, fmt.Errorf("pipeline: restore near-duplicate index: %w", err)
	}
	p.restoreNear(done, pending)
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
	// DuplicateOf is set when an added article is a near-duplicate: the id
	// of its original.
	DuplicateOf string
}

// Add runs extract -> dedupe -> store for one input. Rejections are
// recorded in the store; only a store failure is returned as an error.
func (p *Pipeline) Add(ctx context.Context, it files.Item) (Outcome, error) {
	a, err := p.prepare(it)
	return p.store(ctx, it, a, err)
}

// prepare is Add's CPU-bound half: extraction, safe to run in parallel.
func (p *Pipeline) prepare(it files.Item) (*model.Article, error) {
	for _, w := range it.Warn {
		p.log.Warn(w)
	}
	return Prepare(it, p.opts.Now())
}

// store is Add's second half: it stores a prepared article, or records why
// there is none. Stores run in input order in a batch, so that which of two
// identical inputs wins does not depend on timing.
func (p *Pipeline) store(ctx context.Context, it files.Item, a *model.Article, prepErr error) (Outcome, error) {
	out := Outcome{Origin: it.Origin}
	if prepErr != nil {
		out.Status, out.Err = Rejected, prepErr
		if rerr := p.st.RecordRejected(ctx, it.Origin, prepErr.Error()); rerr != nil {
			return out, fmt.Errorf("pipeline: record rejection of %s: %w", it.Origin, rerr)
		}
		return out, nil
	}
	p.nearMu.Lock()
	sig := p.linkNear(a)
	added, existing, err := p.st.AddArticle(ctx, a)
	if err == nil && added && a.DuplicateOf == "" {
		p.near.Add(a.ID, sig)
	}
	p.nearMu.Unlock()
	if err != nil {
		return out, fmt.Errorf("pipeline: store %s: %w", it.Origin, err)
	}
	if added {
		out.Status, out.ID, out.DuplicateOf = Added, a.ID, a.DuplicateOf
		return out, p.saveProvenance(ctx, a.ID, it, a)
	}
	out.Status, out.ID = Duplicate, existing
	if prev, err := p.st.Article(ctx, existing); err == nil && prev.Origin == it.Origin {
		// The same input again (a rerun, or a restart after a crash that
		// came between storing the article and its provenance).
		return out, p.saveProvenance(ctx, existing, it, a)
	}
	if err := p.st.RecordDuplicate(ctx, it.Origin, existing); err != nil {
		return out, fmt.Errorf("pipeline: record duplicate %s: %w", it.Origin, err)
	}
	return out, nil
}

// ClusterPending places every stored article that has no story yet, in
// publication-time order, with the passages about its story when it is a
// roundup of several (and its placements in the other stories it covers,
// stored with it in one Assign), and returns how many it placed. When the
// clusterer merges two stories, the younger one's articles move to the
// older one and the store records the lineage (StoryAlias).
func (p *Pipeline) ClusterPending(ctx context.Context) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := p.catchUp(ctx); err != nil {
		return 0, err
	}
	pending, err := p.st.PendingArticles(ctx)
	if err != nil {
		return 0, fmt.Errorf("pipeline: pending articles: %w", err)
	}
	for i, a := range pending {
		if err := ctx.Err(); err != nil {
			return i, err
		}
		as := p.cl.Add(ClusterDoc(a))
		in := model.Placement{StoryID: as.Story, EventID: as.Event, Passages: ModelPassages(p.cl.Passages())}
		if err := p.st.Assign(ctx, a.ID, in, ModelPlacements(p.cl.Also())); err != nil {
			return i, fmt.Errorf("pipeline: assign %s: %w", a.ID, err)
		}
		p.mine[a.ID] = struct{}{}
		for _, m := range p.cl.Merges() { // as.Story is already the survivor
			moved, err := p.st.MergeStory(ctx, m.From, m.Into)
			if err != nil {
				return i, fmt.Errorf("pipeline: merge story %s into %s: %w", m.From, m.Into, err)
			}
			for _, id := range moved {
				p.mine[id] = struct{}{}
			}
		}
		for _, m := range p.cl.Moves() { // after the merges, as the clusterer made them
			if err := p.move(ctx, m); err != nil {
				return i, err
			}
			p.mine[m.Article] = struct{}{}
		}
	}
	return len(pending), nil
}

// move stores a move the clusterer made: the article's own placement goes
// to the new story and event, for all of its text (the passages were about
// the story it left); its extra placements, if any, stay.
func (p *Pipeline) move(ctx context.Context, m cluster.Move) error {
	a, err := p.st.Article(ctx, m.Article)
	if err != nil {
		return fmt.Errorf("pipeline: move %s: %w", m.Article, err)
	}
	in := model.Placement{StoryID: m.To, EventID: m.Event}
	in, also := store.ResolvePlacements(in, a.Also, func(id string) string { return id })
	if err := p.st.Assign(ctx, m.Article, in, also); err != nil {
		return fmt.Errorf("pipeline: move %s from %s to %s: %w", m.Article, m.From, m.To, err)
	}
	return nil
}

// catchUp replays into the clusterer the assignments that another process
// (an `ingest` beside a running `serve`) made in the same store since this
// one last looked, so that both place new articles against all stories.
func (p *Pipeline) catchUp(ctx context.Context) error {
	arts, last, err := p.st.AssignedSince(ctx, p.seen)
	if err != nil {
		return fmt.Errorf("pipeline: catch up with other writers: %w", err)
	}
	n := 0
	for _, a := range arts {
		if _, ok := p.mine[a.ID]; ok {
			continue
		}
		p.restore(a)
		n++
	}
	if n > 0 {
		p.log.Debug("caught up with assignments made elsewhere", "articles", n)
	}
	p.seen, p.mine = last, map[string]struct{}{}
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
// many it wrote.
func (p *Pipeline) BriefStale(ctx context.Context) (int, error) {
	ids, err := p.st.StaleStories(ctx)
	if err != nil {
		return 0, fmt.Errorf("pipeline: stale stories: %w", err)
	}
	for i, id := range ids {
		if err := ctx.Err(); err != nil {
			return i, err
		}
		arts, err := p.st.StoryArticles(ctx, id)
		if err != nil {
			return i, fmt.Errorf("pipeline: story %s: %w", id, err)
		}
		b := brief.Build(arts, p.opts.Brief)
		if err := p.st.SaveBrief(ctx, id, b); err != nil {
			return i, fmt.Errorf("pipeline: save brief of %s: %w", id, err)
		}
	}
	return len(ids), nil
}

// Settle runs the later stages over everything stored: cluster what is
// pending, then rewrite stale briefs.
func (p *Pipeline) Settle(ctx context.Context) (clustered, briefs int, err error) {
	if clustered, err = p.ClusterPending(ctx); err != nil {
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
