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

// Assign places an article in its own story and event, with the passages
// of its text about the story (nil: all of it), and in the other stories
// of a roundup (also), replacing its former placements. It creates stories
// on first use (titled after the article until a brief sets the title),
// refreshes the aggregates of every story the article enters, leaves or
// changes in (deleting one left empty) and marks them stale. Repeating an
// assignment is a no-op. An empty event id means no event.
func (db *DB) Assign(ctx context.Context, articleID string, in model.Placement, also []model.Placement) error {
	if err := store.CheckPlacements(in, also); err != nil {
		return fmt.Errorf("%w: assign %s: %v", ErrInvalid, articleID, err)
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := assign(ctx, tx, articleID, in, also, db.now()); err != nil {
		return fmt.Errorf("sqlite: assign %s to %s: %w", articleID, in.StoryID, err)
	}
	return commit(tx)
}

// assign does Assign's work in tx; the placements have been checked.
func assign(ctx context.Context, tx *sql.Tx, articleID string, in model.Placement, also []model.Placement, now time.Time) error {
	old, err := readPlaced(ctx, tx, articleID)
	if err != nil {
		return err
	}
	if err := store.CheckFits(in, also, old.size); err != nil {
		return fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	return place(ctx, tx, articleID, old, in, also, now)
}

// placed is an article's placements as stored, with what Assign needs of
// the article.
type placed struct {
	in    model.Placement // StoryID "" while pending
	also  []model.Placement
	title string
	size  int // of the text, in bytes
}

// readPlaced reads an article's placements, store.ErrNotFound if absent.
func readPlaced(ctx context.Context, tx *sql.Tx, articleID string) (placed, error) {
	var p placed
	var story, event, passages sql.NullString
	err := tx.QueryRowContext(ctx, `SELECT story_id, event_id, title, passages, length(CAST(body AS BLOB))
		FROM articles WHERE id = ?`, articleID).Scan(&story, &event, &p.title, &passages, &p.size)
	if errors.Is(err, sql.ErrNoRows) {
		return p, fmt.Errorf("article %s: %w", articleID, store.ErrNotFound)
	}
	if err != nil {
		return p, err
	}
	p.in = model.Placement{StoryID: story.String, EventID: event.String}
	if p.in.Passages, err = store.DecodePassages(passages.String); err != nil {
		return p, err
	}
	p.also, err = queryAlso(ctx, tx, articleID)
	return p, err
}

// queryAlso reads one article's extra placements, sorted.
func queryAlso(ctx context.Context, tx *sql.Tx, articleID string) ([]model.Placement, error) {
	byArticle, err := queryPlacements(ctx, tx, `SELECT `+placementColumns+` FROM placements p WHERE p.article_id = ?`, articleID)
	return byArticle[articleID], err
}

// place replaces an article's placements old with in and also (checked to
// fit) and refreshes the stories that changed.
func place(ctx context.Context, tx *sql.Tx, articleID string, old placed, in model.Placement, also []model.Placement, now time.Time) error {
	also = sortedCopy(also)
	changes := store.PlacementChanges(old.in, old.also, in, also)
	if len(changes) == 0 {
		return nil
	}
	for _, c := range changes {
		if c.Kept {
			if err := ensureStory(ctx, tx, c.Story, old.title, now); err != nil {
				return err
			}
		}
	}
	var err error
	ps := nullString(store.EncodePassages(in.Passages))
	if old.in.StoryID == in.StoryID {
		_, err = tx.ExecContext(ctx, `UPDATE articles SET event_id = ?, passages = ? WHERE id = ?`,
			nullString(in.EventID), ps, articleID)
	} else {
		_, err = tx.ExecContext(ctx, `UPDATE articles SET story_id = ?, event_id = ?, passages = ?,
			assign_seq = (SELECT COALESCE(MAX(assign_seq), 0) + 1 FROM articles)
			WHERE id = ?`, in.StoryID, nullString(in.EventID), ps, articleID)
	}
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM placements WHERE article_id = ?`, articleID); err != nil {
		return err
	}
	for _, p := range also {
		if _, err := tx.ExecContext(ctx, `INSERT INTO placements (article_id, story_id, event_id, passages)
			VALUES (?, ?, ?, ?)`, articleID, p.StoryID, nullString(p.EventID), store.EncodePassages(p.Passages)); err != nil {
			return err
		}
	}
	for _, c := range changes {
		if err := refreshStory(ctx, tx, c.Story, c.Gained, now); err != nil {
			return err
		}
	}
	return nil
}

// sortedCopy returns the extra placements sorted as they are read back.
func sortedCopy(also []model.Placement) []model.Placement {
	if len(also) == 0 {
		return nil
	}
	out := append([]model.Placement(nil), also...)
	store.SortPlacements(out)
	return out
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

// placedIn is a derived table of the articles in story ? with every
// column (store.PlacedIn).
var placedIn = store.PlacedIn("?", "id", "url", "canonical_url", "source", "title", "byline", "published",
	"lang", "body", "content_hash", "origin", "fetched", "story_id", "event_id", "duplicate_of", "passages",
	"sort_time", "assign_seq")

// placedAgg is placedIn with only what a story's aggregates and events
// are counted from.
var placedAgg = store.PlacedIn("?", "source", "published", "sort_time", "assign_seq", "story_id", "event_id")

// placedRefs is placedIn with what a story's article list shows.
var placedRefs = store.PlacedIn("?", "id", "url", "source", "title", "published", "event_id", "duplicate_of",
	"passages", "sort_time")

// refreshStory recomputes a story's aggregates and events from the
// articles placed in it (placedIn) and marks it stale; gained says it
// just got an article, which moves its activity time. A story left
// without articles is deleted.
func refreshStory(ctx context.Context, tx *sql.Tx, id string, gained bool, now time.Time) error {
	var n, outlets int
	var first, last, firstSeen, lastSeen sql.NullString
	var seq sql.NullInt64
	err := tx.QueryRowContext(ctx, `SELECT COUNT(*), COUNT(DISTINCT NULLIF(source, '')),
		MIN(published), MAX(published), MIN(sort_time), MAX(sort_time), MAX(assign_seq)
		FROM `+placedAgg, id, id).Scan(&n, &outlets, &first, &last, &firstSeen, &lastSeen, &seq)
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

// refreshEvents rebuilds a story's event rows from its placed articles.
func refreshEvents(ctx context.Context, tx *sql.Tx, storyID string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM events WHERE story_id = ?`, storyID); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO events (story_id, id, articles)
		SELECT story_id, event_id, COUNT(*) FROM `+placedAgg+`
		WHERE event_id IS NOT NULL
		GROUP BY story_id, event_id`, storyID, storyID)
	return err
}
