package sqlite

import (
	"context"
	"fmt"

	"parallax/internal/store"
)

var _ store.WorkCounter = (*DB)(nil)

// WorkCounts counts the articles waiting for a story and the stale briefs.
func (db *DB) WorkCounts(ctx context.Context) (store.Work, error) {
	var w store.Work
	err := db.read.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM articles WHERE story_id IS NULL),
		(SELECT COUNT(*) FROM stories WHERE stale = 1)`).Scan(&w.PendingArticles, &w.StaleStories)
	if err != nil {
		return w, fmt.Errorf("sqlite: work counts: %w", err)
	}
	return w, nil
}
