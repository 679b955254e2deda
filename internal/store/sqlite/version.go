package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"parallax/internal/store"
)

// StoryVersion returns a value that changes with any change to a story's
// articles (its version), brief (its time) or title: what a page cache
// checks before serving a story's page again. store.ErrNotFound if no
// such story (a merged one included).
func (db *DB) StoryVersion(ctx context.Context, id string) (string, error) {
	var v int64
	var briefTime sql.NullString
	var title string
	err := db.read.QueryRowContext(ctx, `SELECT version, brief_time, title FROM stories WHERE id = ?`, id).
		Scan(&v, &briefTime, &title)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("sqlite: story version %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("sqlite: story version %s: %w", id, err)
	}
	return fmt.Sprintf("%d\x00%s\x00%s", v, briefTime.String, title), nil
}
