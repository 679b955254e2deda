package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

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
	tx, err := db.beginCluster(ctx)
	if err != nil {
		return err
	}
	defer rollback(ctx, tx)
	if err := assign(ctx, tx, articleID, storyID, eventID, passages, db.now()); err != nil {
		return fmt.Errorf("postgres: assign %s to %s: %w", articleID, storyID, err)
	}
	return commit(ctx, tx)
}

// assign does Assign's work in tx, which holds the membership lock;
// passages have been checked for order.
func assign(ctx context.Context, tx pgx.Tx, articleID, storyID, eventID string, passages []model.Passage, now time.Time) error {
	var oldStory, oldEvent, oldPassages *string
	var title string
	var size int
	err := tx.QueryRow(ctx, `SELECT story_id, event_id, title, passages, octet_length(body)
		FROM articles WHERE id = $1`, articleID).Scan(&oldStory, &oldEvent, &title, &oldPassages, &size)
	if errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("article %s: %w", articleID, store.ErrNotFound)
	}
	if err != nil {
		return err
	}
	if n := len(passages); n > 0 && passages[n-1].End > size {
		return fmt.Errorf("%w: passage %v past the end of the text (%d bytes)", ErrInvalid, passages[n-1], size)
	}
	ps := store.EncodePassages(passages)
	if str(oldStory) == storyID && str(oldEvent) == eventID && str(oldPassages) == ps {
		return nil
	}
	if err := ensureStory(ctx, tx, storyID, title, now); err != nil {
		return err
	}
	event := nullString(eventID)
	if str(oldStory) == storyID {
		_, err = tx.Exec(ctx, `UPDATE articles SET event_id = $1, passages = $2 WHERE id = $3`,
			event, nullString(ps), articleID)
	} else {
		_, err = tx.Exec(ctx, `UPDATE articles SET story_id = $1, event_id = $2, passages = $3,
			assign_seq = (SELECT COALESCE(MAX(assign_seq), 0) + 1 FROM articles)
			WHERE id = $4`, storyID, event, nullString(ps), articleID)
	}
	if err != nil {
		return err
	}
	if err := refreshStory(ctx, tx, storyID, str(oldStory) != storyID, now); err != nil {
		return err
	}
	if oldStory != nil && *oldStory != storyID {
		return refreshStory(ctx, tx, *oldStory, false, now)
	}
	return nil
}

// ensureStory creates story id if new, titled title. A story without a
// brief and without a title takes title.
func ensureStory(ctx context.Context, tx pgx.Tx, id, title string, now time.Time) error {
	if _, err := tx.Exec(ctx, `INSERT INTO stories (id, title, activity) VALUES ($1, $2, $3)
		ON CONFLICT DO NOTHING`, id, title, formatTime(now)); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, `UPDATE stories SET title = $1
		WHERE id = $2 AND title = '' AND brief IS NULL`, title, id)
	return err
}

// refreshStory recomputes a story's aggregates and events from its
// articles and marks it stale; gained says it just got an article, which
// moves its activity time. A story left without articles is deleted.
func refreshStory(ctx context.Context, tx pgx.Tx, id string, gained bool, now time.Time) error {
	var n, outlets int
	var first, last, firstSeen, lastSeen *string
	var seq *int64
	err := tx.QueryRow(ctx, `SELECT COUNT(*), COUNT(DISTINCT NULLIF(source, '')),
		MIN(published), MAX(published), MIN(sort_time), MAX(sort_time), MAX(assign_seq)
		FROM articles WHERE story_id = $1`, id).Scan(&n, &outlets, &first, &last, &firstSeen, &lastSeen, &seq)
	if err != nil {
		return err
	}
	if n == 0 {
		if _, err := tx.Exec(ctx, `DELETE FROM events WHERE story_id = $1`, id); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `DELETE FROM stories WHERE id = $1`, id)
		return err
	}
	if first == nil { // no known publication date: fall back to fetch/store times
		first, last = firstSeen, lastSeen
	}
	var activity *string
	if gained {
		activity = new(formatTime(now))
	}
	if _, err := tx.Exec(ctx, `UPDATE stories SET articles = $1, outlets = $2, first_time = $3, last_time = $4,
		activity_seq = $5, stale = TRUE, version = version + 1, activity = COALESCE($6, activity)
		WHERE id = $7`, n, outlets, first, last, seq, activity, id); err != nil {
		return err
	}
	return refreshEvents(ctx, tx, id)
}

// refreshEvents rebuilds a story's event rows from its articles.
func refreshEvents(ctx context.Context, tx pgx.Tx, storyID string) error {
	if _, err := tx.Exec(ctx, `DELETE FROM events WHERE story_id = $1`, storyID); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, `INSERT INTO events (story_id, id, articles)
		SELECT story_id, event_id, COUNT(*) FROM articles
		WHERE story_id = $1 AND event_id IS NOT NULL
		GROUP BY story_id, event_id`, storyID)
	return err
}
