package sqlstore

import (
	"context"

	"parallax/internal/model"
)

// Stats returns store-wide counts, from one snapshot. Sources counts the
// distinct non-empty Article.Source values.
func (db *Store) Stats(ctx context.Context) (model.Stats, error) {
	var s model.Stats
	tx, err := db.beginRead(ctx)
	if err != nil {
		return s, err
	}
	defer tx.Rollback()
	err = tx.QueryRow(ctx, `SELECT
		(SELECT COUNT(*) FROM articles),
		(SELECT COUNT(*) FROM duplicates),
		(SELECT COALESCE(SUM(total), 0) FROM rejected_inputs),
		(SELECT COUNT(*) FROM stories),
		(SELECT COUNT(*) FROM events),
		(SELECT COUNT(DISTINCT source) FROM articles WHERE source <> '')`).
		Scan(&s.Articles, &s.Duplicates, &s.Rejected, &s.Stories, &s.Events, &s.Sources)
	if err != nil {
		return s, db.errorf("stats: %w", err)
	}
	return s, nil
}
