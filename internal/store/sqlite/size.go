package sqlite

import (
	"context"
	"fmt"
)

// Size returns the database's size in bytes (its pages; the write-ahead
// log aside).
func (db *DB) Size(ctx context.Context) (int64, error) {
	var pages, size int64
	if err := db.read.QueryRowContext(ctx, `PRAGMA page_count`).Scan(&pages); err != nil {
		return 0, fmt.Errorf("sqlite: size: %w", err)
	}
	if err := db.read.QueryRowContext(ctx, `PRAGMA page_size`).Scan(&size); err != nil {
		return 0, fmt.Errorf("sqlite: size: %w", err)
	}
	return pages * size, nil
}
