package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"parallax/internal/model"
	"parallax/internal/store"
)

// Assign puts an article in a story and event, with the passages of its
// text about the story (nil: all of it). It creates the story on first
// use (titled after the article until a brief sets the title), refreshes
// the aggregates of the story (and of the story the article leaves, which
// is deleted when it becomes empty) and marks them stale. Repeating an
// assignment is a no-op. An empty eventID means no event.
func (db *DB) Assign(ctx context.Context, articleID, storyID, eventID string, passages []model.Passage) error {
	if storyID == "" {
		return fmt.Errorf("%w: assign %s: empty story id", ErrInvalid, articleID)
	}
	if !model.ValidPassages(passages) {
		return fmt.Errorf("%w: assign %s: passages %v out of order", ErrInvalid, articleID, passages)
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := assign(ctx, tx, articleID, storyID, eventID, passages, db.now()); err != nil {
		return fmt.Errorf("sqlite: assign %s to %s: %w", articleID, storyID, err)
	}
	return commit(tx)
}

// assign does Assign's work in tx; passages have been checked for order.
func assign(ctx context.Context, tx *sql.Tx, articleID, storyID, eventID string, passages []model.Passage, now time.Time) error {
	var oldStory, oldEvent, oldPassages sql.NullString
	var title string
	var size int
	err := tx.QueryRowContext(ctx, `SELECT story_id, event_id, title, passages, length(CAST(body AS BLOB))
		FROM articles WHERE id = ?`, articleID).Scan(&oldStory, &oldEvent, &title, &oldPassages, &size)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("article %s: %w", articleID, store.ErrNotFound)
	}
	if err != nil {
		return err
	}
	if n := len(passages); n > 0 && passages[n-1].End > size {
		return fmt.Errorf("%w: passage %v past the end of the text (%d bytes)", ErrInvalid, passages[n-1], size)
	}
	ps := store.EncodePassages(passages)
	if oldStory.String == storyID && oldEvent.String == eventID && oldPassages.String == ps {
		return nil
	}
	if err := ensureStory(ctx, tx, storyID, title, now); err != nil {
		return err
	}
	event := nullString(eventID)
	if oldStory.String == storyID {
		_, err = tx.ExecContext(ctx, `UPDATE articles SET event_id = ?, passages = ? WHERE id = ?`,
			event, nullString(ps), articleID)
	} else {
		_, err = tx.ExecContext(ctx, `UPDATE articles SET story_id = ?, event_id = ?, passages = ?,
			assign_seq = (SELECT COALESCE(MAX(assign_seq), 0) + 1 FROM articles)
			WHERE id = ?`, storyID, event, nullString(ps), articleID)
	}
	if err != nil {
		return err
	}
	if err := refreshStory(ctx, tx, storyID, oldStory.String != storyID, now); err != nil {
		return err
	}
	if oldStory.Valid && oldStory.String != storyID {
		return refreshStory(ctx, tx, oldStory.String, false, now)
	}
	return nil
}

// ensureStory creates story id if new, titled title. A story without a
// brief and without a title takes title.
func ensureStory(ctx context.Context, tx *sql.Tx, id, title string, now time.Time) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO stories (id, title, activity) VALUES (?, ?, ?)
		ON CONFLICT DO NOTHING`, id, title, formatTime(now)); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `UPDATE stories SET title = ?
		WHERE id = ? AND title = '' AND brief IS NULL`, title, id)
	return err
}

// refreshStory recomputes a story's aggregates and events from its
// articles and marks it stale; gained says it just got an article, which
// moves its activity time. A story left without articles is deleted.
func refreshStory(ctx context.Context, tx *sql.Tx, id string, gained bool, now time.Time) error {
	var n, outlets int
	var first, last, firstSeen, lastSeen sql.NullString
	var seq sql.NullInt64
	err := tx.QueryRowContext(ctx, `SELECT COUNT(*), COUNT(DISTINCT NULLIF(source, '')),
		MIN(published), MAX(published), MIN(sort_time), MAX(sort_time), MAX(assign_seq)
		FROM articles WHERE story_id = ?`, id).Scan(&n, &outlets, &first, &last, &firstSeen, &lastSeen, &seq)
	if err != nil {
		return err
	}
	if n == 0 {
		if _, err := tx.ExecContext(ctx, `DELETE FROM events WHERE story_id = ?`, id); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM stories WHERE id = ?`, id)
		return err
	}
	if !first.Valid { // no known publication date: fall back to fetch/store times
		first, last = firstSeen, lastSeen
	}
	query := `UPDATE stories SET articles = ?, outlets = ?, first_time = ?, last_time = ?,
		activity_seq = ?, stale = 1, version = version + 1 WHERE id = ?`
	args := []any{n, outlets, first, last, seq.Int64, id}
	if gained {
		query = `UPDATE stories SET articles = ?, outlets = ?, first_time = ?, last_time = ?,
			activity_seq = ?, stale = 1, version = version + 1, activity = ? WHERE id = ?`
		args = []any{n, outlets, first, last, seq.Int64, formatTime(now), id}
	}
	if _, err := tx.ExecContext(ctx, query, args...); err != nil {
		return err
	}
	return refreshEvents(ctx, tx, id)
}

// refreshEvents rebuilds a story's event rows from its articles.
func refreshEvents(ctx context.Context, tx *sql.Tx, storyID string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM events WHERE story_id = ?`, storyID); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO events (story_id, id, articles)
		SELECT story_id, event_id, COUNT(*) FROM articles
		WHERE story_id = ? AND event_id IS NOT NULL
		GROUP BY story_id, event_id`, storyID)
	return err
}
