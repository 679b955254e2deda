package sqlstore

import (
	"context"

	"parallax/internal/store"
)

var _ store.WorkCounter = (*Store)(nil)

// WorkCounts counts the articles waiting for a story and the stale briefs.
func (db *Store) WorkCounts(ctx context.Context) (store.Work, error) {
	var w store.Work
	err := db.reader().QueryRow(ctx, `SELECT
		(SELECT COUNT(*) FROM articles WHERE story_id IS NULL),
		(SELECT COUNT(*) FROM stories WHERE stale = `+db.d.True+`)`).Scan(&w.PendingArticles, &w.StaleStories)
	if err != nil {
		return w, db.errorf("work counts: %w", err)
	}
	return w, nil
}
