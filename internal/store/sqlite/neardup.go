package sqlite

import (
	"context"
	"fmt"

	"parallax/internal/store"
)

// LinkNearDuplicate sets article id's near-duplicate link.
func (db *DB) LinkNearDuplicate(ctx context.Context, id, original string) error {
	if id == original {
		return fmt.Errorf("%w: link article %s to itself", ErrInvalid, id)
	}
	var orig any
	if original != "" {
		orig = original
	}
	res, err := db.write.ExecContext(ctx, `UPDATE articles SET duplicate_of = ?1 WHERE id = ?2
		AND (?1 IS NULL OR EXISTS (SELECT 1 FROM articles o WHERE o.id = ?1))`, orig, id)
	if err != nil {
		return fmt.Errorf("sqlite: link near-duplicate %s: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("sqlite: link near-duplicate %s to %q: %w", id, original, store.ErrNotFound)
	}
	return nil
}
