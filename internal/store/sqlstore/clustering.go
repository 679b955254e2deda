package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"parallax/internal/model"
	"parallax/internal/store"
)

// ApplyClustering records ops in order and, when state is given and no
// other writer placed an article since seen, the clusterer's state after
// them, in one transaction that may change membership (beginMembership).
func (db *Store) ApplyClustering(ctx context.Context, ops []store.ClusterOp, state []byte, seen int64) (int64, bool, error) {
	for i, op := range ops {
		if err := op.Check(); err != nil {
			return 0, false, fmt.Errorf("%w: clustering op %d: %v", db.d.Invalid, i, err)
		}
	}
	tx, err := db.beginMembership(ctx)
	if err != nil {
		return 0, false, err
	}
	defer tx.Rollback()
	first, err := lastAssigned(ctx, tx)
	if err != nil {
		return 0, false, db.errorf("apply clustering: %w", err)
	}
	now := db.now()
	for _, op := range ops {
		if err := applyOp(ctx, tx, op, db); err != nil {
			return 0, false, db.errorf("apply clustering: %w", err)
		}
	}
	last, err := lastAssigned(ctx, tx)
	if err != nil {
		return 0, false, db.errorf("apply clustering: %w", err)
	}
	saved := state != nil && first == seen
	if saved {
		if _, err := tx.Exec(ctx, `INSERT INTO cluster_state (id, seq, data, saved) VALUES (1, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, data = excluded.data, saved = excluded.saved`,
			last, state, FormatTime(now)); err != nil {
			return 0, false, db.errorf("save clusterer state: %w", err)
		}
	}
	return last, saved, tx.Commit()
}

// applyOp records one decision in tx.
func applyOp(ctx context.Context, tx *Tx, op store.ClusterOp, db *Store) error {
	switch op.Kind {
	case store.OpAssign:
		if err := db.assign(ctx, tx, op.Article, op.In, op.Also, db.now()); err != nil {
			return fmt.Errorf("assign %s to %s: %w", op.Article, op.In.StoryID, err)
		}
	case store.OpMerge:
		if _, err := mergeStory(ctx, tx, op.From, op.Into, db); err != nil {
			return fmt.Errorf("merge story %s into %s: %w", op.From, op.Into, err)
		}
	case store.OpMove:
		old, err := readPlaced(ctx, tx, op.Article)
		if err != nil {
			return fmt.Errorf("move %s: %w", op.Article, err)
		}
		in, also := store.ResolvePlacements(model.Placement{StoryID: op.Into, EventID: op.Event}, old.also,
			func(id string) string { return id })
		if err := db.assign(ctx, tx, op.Article, in, also, db.now()); err != nil {
			return fmt.Errorf("move %s to %s: %w", op.Article, op.Into, err)
		}
	}
	return nil
}

// lastAssigned is the highest assignment sequence number.
func lastAssigned(ctx context.Context, tx *Tx) (int64, error) {
	var last int64
	err := tx.QueryRow(ctx, `SELECT COALESCE(MAX(assign_seq), 0) FROM articles`).Scan(&last)
	return last, err
}

// ClusterState returns the saved clusterer state, if any.
func (db *Store) ClusterState(ctx context.Context) (store.ClusterState, error) {
	var s store.ClusterState
	err := db.reader().QueryRow(ctx, `SELECT seq, data FROM cluster_state WHERE id = 1`).Scan(&s.Seq, &s.Data)
	if errors.Is(err, sql.ErrNoRows) {
		return store.ClusterState{}, nil
	}
	if err != nil {
		return store.ClusterState{}, db.errorf("clusterer state: %w", err)
	}
	return s, nil
}
