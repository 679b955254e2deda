package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"parallax/internal/model"
)

// Of exact duplicates (the same canonical URL or content hash under other
// ids), one process storing its inputs in queue order keeps the first and
// records the others as its duplicates. Workers sharing a queue store in
// whatever order they finish, so an article that meets a stored exact
// duplicate queued after it (both with a queue sequence number) takes that
// one's place while it is still pending: the later one is deleted with its
// provenance, and its input, and those recorded as its duplicates, become
// the earlier one's duplicates. Once placed in a story an article stays,
// and an earlier duplicate arriving after that is recorded as its
// duplicate, as before: the clusterer places articles only once the queue
// is drained, when every earlier input is stored.

// collider is a stored article that a new one collides with.
type collider struct {
	id, origin       string
	canonical, story sql.NullString
	queueSeq         sql.NullInt64
	referenced       bool // another article names it as its near-duplicate original
	sameID, sameURL  bool // as the new article's
}

// colliders returns the stored articles that a collides with on id,
// canonical URL or content hash, locked for update where rows lock.
func (db *Store) colliders(ctx context.Context, tx *Tx, a *model.Article) ([]collider, error) {
	rows, err := tx.Query(ctx, `SELECT id, origin, canonical_url, story_id, queue_seq,
		EXISTS (SELECT 1 FROM articles d WHERE d.duplicate_of = articles.id)
		FROM articles WHERE id = ? OR canonical_url = ? OR content_hash = ?
		ORDER BY id`+db.forUpdate(" OF articles"), // one lock order
		a.ID, NullString(a.CanonicalURL), NullString(a.ContentHash))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var cs []collider
	for rows.Next() {
		var c collider
		if err := rows.Scan(&c.id, &c.origin, &c.canonical, &c.story, &c.queueSeq, &c.referenced); err != nil {
			return nil, err
		}
		c.sameID = c.id == a.ID
		c.sameURL = a.CanonicalURL != "" && c.canonical.String == a.CanonicalURL
		cs = append(cs, c)
	}
	return cs, rows.Err()
}

// replaces reports whether a takes the place of every article it collides
// with: each is another article, still pending, not a near-duplicate
// original, and was queued after a.
func replaces(a *model.Article, cs []collider) bool {
	if a.QueueSeq <= 0 {
		return false
	}
	for _, c := range cs {
		if c.sameID || c.story.Valid || c.referenced || !c.queueSeq.Valid || c.queueSeq.Int64 <= a.QueueSeq {
			return false
		}
	}
	return true
}

// preferred is the id of the article a duplicates: the one with its id,
// else its canonical URL, else its content hash.
func preferred(a *model.Article, cs []collider) string {
	best, rank := cs[0].id, 3
	for _, c := range cs {
		r := 2
		switch {
		case c.sameID:
			r = 0
		case c.sameURL:
			r = 1
		}
		if r < rank {
			best, rank = c.id, r
		}
	}
	return best
}

// duplicateRow is one recorded duplicate input.
type duplicateRow struct{ origin, recorded string }

// replace deletes the articles cs (their provenance and recorded
// duplicates with them), inserts a, and records the deleted articles'
// inputs, and their recorded duplicates, as a's duplicates.
func replace(ctx context.Context, tx *Tx, a *model.Article, cs []collider, now time.Time) error {
	var dups []duplicateRow
	for _, c := range cs {
		moved, err := removeArticle(ctx, tx, c.id)
		if err != nil {
			return fmt.Errorf("replace %s: %w", c.id, err)
		}
		if c.origin != a.Origin {
			dups = append(dups, duplicateRow{c.origin, FormatTime(now)})
		}
		dups = append(dups, moved...)
	}
	inserted, err := insertArticle(ctx, tx, a, now)
	if err == nil && !inserted {
		err = errors.New("another article took the place of those it replaced")
	}
	if err != nil {
		return err
	}
	for _, d := range dups {
		if _, err := tx.Exec(ctx, `INSERT INTO duplicates (origin, article_id, recorded)
			VALUES (?, ?, ?) ON CONFLICT DO NOTHING`, d.origin, a.ID, d.recorded); err != nil {
			return fmt.Errorf("record duplicate %s: %w", d.origin, err)
		}
	}
	return nil
}

// removeArticle deletes a pending article with its provenance and
// recorded duplicates, and returns those.
func removeArticle(ctx context.Context, tx *Tx, id string) ([]duplicateRow, error) {
	rows, err := tx.Query(ctx, `SELECT origin, recorded FROM duplicates WHERE article_id = ?`, id)
	if err != nil {
		return nil, err
	}
	var dups []duplicateRow
	for rows.Next() {
		var d duplicateRow
		if err := rows.Scan(&d.origin, &d.recorded); err != nil {
			rows.Close()
			return nil, err
		}
		dups = append(dups, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, q := range []string{
		`DELETE FROM duplicates WHERE article_id = ?`,
		`DELETE FROM provenance WHERE article_id = ?`,
		`DELETE FROM articles WHERE id = ? AND story_id IS NULL`,
	} {
		if _, err := tx.Exec(ctx, q, id); err != nil {
			return nil, err
		}
	}
	return dups, nil
}
