package sqlstore

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
func (db *Store) Assign(ctx context.Context, articleID string, in model.Placement, also []model.Placement) error {
	if err := store.CheckPlacements(in, also); err != nil {
		return fmt.Errorf("%w: assign %s: %v", db.d.Invalid, articleID, err)
	}
	tx, err := db.beginMembership(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := db.assign(ctx, tx, articleID, in, also, db.now()); err != nil {
		return db.errorf("assign %s to %s: %w", articleID, in.StoryID, err)
	}
	return tx.Commit()
}

// assign does Assign's work in tx; the placements have been checked.
func (db *Store) assign(ctx context.Context, tx *Tx, articleID string, in model.Placement, also []model.Placement, now time.Time) error {
	old, err := readPlaced(ctx, tx, articleID)
	if err != nil {
		return err
	}
	if err := store.CheckFits(in, also, old.size); err != nil {
		return fmt.Errorf("%w: %v", db.d.Invalid, err)
	}
	return place(ctx, tx, articleID, old, in, also, now)
}

// placed is an article's placements as stored, with what Assign needs of
// the article.
type placed struct {
	in    model.Placement // StoryID "" while pending
	also  []model.Placement
	title string
	size  int    // of the text, in bytes
	m     member // what it adds to a story's aggregates (event unset)
}

// readPlaced reads an article's placements, store.ErrNotFound if absent.
func readPlaced(ctx context.Context, tx *Tx, articleID string) (placed, error) {
	var p placed
	var story, event, passages sql.NullString
	var seq sql.NullInt64
	err := tx.QueryRow(ctx, `SELECT story_id, event_id, title, passages, octet_length(body),
		source, published, sort_time, assign_seq
		FROM articles WHERE id = ?`, articleID).Scan(&story, &event, &p.title, &passages, &p.size,
		&p.m.source, &p.m.published, &p.m.seen, &seq)
	p.m.seq = seq.Int64
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
func queryAlso(ctx context.Context, tx *Tx, articleID string) ([]model.Placement, error) {
	byArticle, err := queryPlacements(ctx, tx, `SELECT `+placementColumns+` FROM placements p WHERE p.article_id = ?`, articleID)
	return byArticle[articleID], err
}

// place replaces an article's placements old with in and also (checked to
// fit) and refreshes the stories that changed.
func place(ctx context.Context, tx *Tx, articleID string, old placed, in model.Placement, also []model.Placement, now time.Time) error {
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
	ps := NullString(store.EncodePassages(in.Passages))
	cur := old.m
	if old.in.StoryID == in.StoryID {
		if _, err := tx.Exec(ctx, `UPDATE articles SET event_id = ?, passages = ? WHERE id = ?`,
			NullString(in.EventID), ps, articleID); err != nil {
			return err
		}
	} else if err := tx.QueryRow(ctx, `UPDATE articles SET story_id = ?, event_id = ?, passages = ?,
			assign_seq = (SELECT COALESCE(MAX(assign_seq), 0) + 1 FROM articles)
			WHERE id = ? RETURNING assign_seq`, in.StoryID, NullString(in.EventID), ps, articleID).Scan(&cur.seq); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `DELETE FROM placements WHERE article_id = ?`, articleID); err != nil {
		return err
	}
	for _, p := range also {
		if _, err := tx.Exec(ctx, `INSERT INTO placements (article_id, story_id, event_id, passages)
			VALUES (?, ?, ?, ?)`, articleID, p.StoryID, NullString(p.EventID), store.EncodePassages(p.Passages)); err != nil {
			return err
		}
	}
	for _, c := range changes {
		o, n := old.m, cur
		o.event, n.event = c.OldEvent, c.NewEvent
		if err := adjustStory(ctx, tx, c.Story, !c.Gained, c.Kept, o, n, c.Gained, now); err != nil {
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
func ensureStory(ctx context.Context, tx *Tx, id, title string, now time.Time) error {
	if _, err := tx.Exec(ctx, `INSERT INTO stories (id, title, activity) VALUES (?, ?, ?)
		ON CONFLICT DO NOTHING`, id, title, FormatTime(now)); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, `UPDATE stories SET title = ?
		WHERE id = ? AND title = '' AND brief IS NULL`, title, id)
	return err
}

// placedIn is a derived table of the articles in story ? with every
// column (store.PlacedIn).
var placedIn = store.PlacedIn("?", "id", "url", "canonical_url", "source", "title", "byline", "published",
	"lang", "body", "content_hash", "origin", "fetched", "story_id", "event_id", "duplicate_of", "passages",
	"sort_time", "assign_seq", "published_inferred", "queue_seq")

// placedAgg is placedIn with only what a story's aggregates and events
// are counted from.
var placedAgg = store.PlacedIn("?", "source", "published", "sort_time", "assign_seq", "story_id", "event_id")

// placedRefs is placedIn with what a story's article list shows.
var placedRefs = store.PlacedIn("?", "id", "url", "source", "title", "published", "event_id", "duplicate_of",
	"passages", "sort_time")

// refreshStory recounts a story's aggregates, source counts and events
// from the articles placed in it (placedAgg) and marks it stale; gained
// says it just got an article, which moves its activity time. A story
// left empty is deleted. Placement changes adjust the aggregates instead
// (adjustStory); this is for changes of the articles themselves.
func refreshStory(ctx context.Context, tx *Tx, id string, gained bool, now time.Time) error {
	var c storyCounts
	err := tx.QueryRow(ctx, `SELECT COUNT(*), COUNT(DISTINCT NULLIF(source, '')),
		MIN(published), MAX(published), MIN(sort_time), MAX(sort_time), COALESCE(MAX(assign_seq), 0)
		FROM `+placedAgg, id, id).Scan(&c.articles, &c.outlets, &c.pubMin, &c.pubMax, &c.seenMin, &c.seenMax, &c.seq)
	if err != nil {
		return err
	}
	if c.articles == 0 {
		return deleteStory(ctx, tx, id)
	}
	if _, err := tx.Exec(ctx, `DELETE FROM story_sources WHERE story_id = ?`, id); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `INSERT INTO story_sources (story_id, source, n)
		SELECT ?, source, COUNT(*) FROM `+placedAgg+` GROUP BY source`, id, id, id); err != nil {
		return err
	}
	if err := c.write(ctx, tx, id, gained, now); err != nil {
		return err
	}
	return refreshEvents(ctx, tx, id)
}

// refreshEvents rebuilds a story's event rows from its placed articles.
func refreshEvents(ctx context.Context, tx *Tx, storyID string) error {
	if _, err := tx.Exec(ctx, `DELETE FROM events WHERE story_id = ?`, storyID); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, `INSERT INTO events (story_id, id, articles)
		SELECT story_id, event_id, COUNT(*) FROM `+placedAgg+`
		WHERE event_id IS NOT NULL
		GROUP BY story_id, event_id`, storyID, storyID)
	return err
}
