package sqlstore

import (
	"context"
	"fmt"

	"parallax/internal/store"
)

// LinkNearDuplicate sets article id's near-duplicate link.
func (db *Store) LinkNearDuplicate(ctx context.Context, id, original string) error {
	if id == original {
		return fmt.Errorf("%w: link article %s to itself", db.d.Invalid, id)
	}
	var orig any
	if original != "" {
		orig = original
	}
	res, err := db.writer().Exec(ctx, `UPDATE articles SET duplicate_of = ?1 WHERE id = ?2
		AND (CAST(?1 AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM articles o WHERE o.id = ?1))`, orig, id)
	if err != nil {
		return db.errorf("link near-duplicate %s: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return db.errorf("link near-duplicate %s to %q: %w", id, original, store.ErrNotFound)
	}
	return nil
}
