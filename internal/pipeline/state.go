package pipeline

import (
	"bytes"
	"context"
	"encoding/gob"
	"errors"
	"fmt"
	"time"

	"parallax/internal/cluster"
	"parallax/internal/dedupe"
	"parallax/internal/model"
)

// The pipeline's state between two batches is the clusterer's and the
// near-duplicate index's. It is saved in the store with each batch of
// clustering decisions, in their transaction (Store.ApplyClustering), so
// that a process starts from it in a fraction of a second whatever the
// size of the store, instead of replaying every stored article with its
// text; and so that after a crash the lost batch is redone exactly as it
// would have been made.

// savedState is what the store keeps: the two snapshots.
type savedState struct {
	Cluster []byte // cluster.Snapshot
	Near    []byte // dedupe.NearIndex.Snapshot
}

// encodeState snapshots the clusterer and the near-duplicate index.
func (p *Pipeline) encodeState() ([]byte, error) {
	var s savedState
	var buf bytes.Buffer
	if err := p.cl.Snapshot(&buf); err != nil {
		return nil, err
	}
	s.Cluster = bytes.Clone(buf.Bytes())
	buf.Reset()
	if err := p.near.Snapshot(&buf); err != nil {
		return nil, err
	}
	s.Near = buf.Bytes()
	var out bytes.Buffer
	if err := gob.NewEncoder(&out).Encode(&s); err != nil {
		return nil, fmt.Errorf("pipeline: encode state: %w", err)
	}
	return out.Bytes(), nil
}

// decodeState loads a saved state.
func decodeState(data []byte, opts Options) (*cluster.Clusterer, *dedupe.NearIndex, error) {
	var s savedState
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&s); err != nil {
		return nil, nil, fmt.Errorf("pipeline: decode state: %w", err)
	}
	cl, err := cluster.Load(bytes.NewReader(s.Cluster), opts.Cluster)
	if err != nil {
		return nil, nil, err
	}
	near, err := dedupe.LoadNearIndex(bytes.NewReader(s.Near), opts.Near)
	if err != nil {
		return nil, nil, err
	}
	return cl, near, nil
}

// start builds the clusterer and the near-duplicate index: from the saved
// state when there is a usable one, then the assignments made after it;
// else by replaying every stored assignment.
func (p *Pipeline) start(ctx context.Context) error {
	t0 := time.Now()
	p.mine = map[string]struct{}{}
	st, err := p.st.ClusterState(ctx)
	if err != nil {
		return fmt.Errorf("pipeline: load state: %w", err)
	}
	if st.Data != nil {
		cl, near, err := decodeState(st.Data, p.opts)
		switch {
		case err == nil:
			p.cl, p.seen = cl, st.Seq
			p.near = near
			if err := p.catchUp(ctx); err != nil {
				return err
			}
			p.log.Debug("state loaded", "bytes", len(st.Data), "active_stories", p.cl.Active(),
				"took", time.Since(t0).Round(time.Millisecond))
			return nil
		case errors.Is(err, cluster.ErrSnapshotOptions), errors.Is(err, cluster.ErrSnapshotVersion):
			p.log.Info("saved clustering state is from another version; rebuilding it from the stored articles", "reason", err)
		default:
			p.log.Warn("saved clustering state unusable; rebuilding it from the stored articles", "err", err)
		}
	}
	p.cl = cluster.New(p.opts.Cluster)
	p.near = dedupe.NewNearIndex(p.opts.Near)
	done, last, err := p.st.AssignedSince(ctx, 0)
	if err != nil {
		return fmt.Errorf("pipeline: restore clusters: %w", err)
	}
	for _, a := range done {
		p.restore(a)
	}
	p.seen = last
	p.restoreNear(done)
	if len(done) > 0 {
		p.log.Info("clusters rebuilt from the stored articles", "articles", len(done),
			"took", time.Since(t0).Round(time.Millisecond))
		p.stateDirty = true // save it with the next batch
		p.unsaved += len(done)
	}
	return nil
}

// catchUp replays into the clusterer the assignments that another process
// (an `ingest` beside a running `serve`) made in the same store since this
// one last looked, so that both place new articles against all stories,
// and indexes their texts for near-duplicates.
func (p *Pipeline) catchUp(ctx context.Context) error {
	arts, last, err := p.st.AssignedSince(ctx, p.seen)
	if err != nil {
		return fmt.Errorf("pipeline: catch up with other writers: %w", err)
	}
	var theirs []*model.Article
	for _, a := range arts {
		if _, ok := p.mine[a.ID]; ok {
			continue
		}
		p.restore(a)
		theirs = append(theirs, a)
	}
	p.restoreNear(theirs)
	if len(theirs) > 0 {
		p.log.Debug("caught up with assignments made elsewhere", "articles", len(theirs))
		p.stateDirty = true
		p.unsaved += len(theirs)
	}
	p.seen, p.mine = last, map[string]struct{}{}
	return nil
}
