package sqlstore

import (
	"context"

	"parallax/internal/model"
)

// AssignedSince returns articles whose assignment sequence number is above
// seq, in assignment order, with their extra placements, and the highest
// sequence number, all read from one snapshot. Assignments commit in
// sequence order (they run one at a time: beginMembership), so a caller
// that passes the last number it saw never misses one.
func (db *Store) AssignedSince(ctx context.Context, seq int64) ([]*model.Article, int64, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, 0, err
	}
	defer tx.Rollback()
	var last int64
	if err := tx.QueryRow(ctx, `SELECT COALESCE(MAX(assign_seq), 0) FROM articles`).Scan(&last); err != nil {
		return nil, 0, db.errorf("assigned since %d: %w", seq, err)
	}
	if last <= seq {
		return nil, last, nil
	}
	as, err := queryArticles(ctx, tx, `SELECT `+articleColumns+` FROM articles
		WHERE assign_seq > ? ORDER BY assign_seq`, seq)
	if err == nil {
		err = withAlso(ctx, tx, as, `SELECT `+placementColumns+` FROM placements p
			JOIN articles a ON a.id = p.article_id WHERE a.assign_seq > ?`, seq)
	}
	if err != nil {
		return nil, 0, db.errorf("assigned since %d: %w", seq, err)
	}
	return as, last, nil
}
