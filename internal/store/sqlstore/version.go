package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"parallax/internal/store"
)

// StoryVersion returns a value that changes with any change to a story's
// articles (its version), brief (its time), title or the outlet labels: what a page cache
// checks before serving a story's page again. store.ErrNotFound if no
// such story (a merged one included).
func (db *Store) StoryVersion(ctx context.Context, id string) (string, error) {
	var v int64
	var briefTime sql.NullString
	var title string
	var labels int64 // the outlet labels' version: coverage changes with them
	err := db.reader().QueryRow(ctx, `SELECT version, brief_time, title, (SELECT version FROM outlet_groups_version) FROM stories WHERE id = ?`, id).
		Scan(&v, &briefTime, &title, &labels)
	if errors.Is(err, sql.ErrNoRows) {
		return "", db.errorf("story version %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return "", db.errorf("story version %s: %w", id, err)
	}
	return fmt.Sprintf("%d\x00%s\x00%s\x00%d", v, briefTime.String, title, labels), nil
}
