package sqlstore

import (
	"context"
	"database/sql"
	"time"
)

// member is what one article adds to the aggregates of a story it is
// placed in: its source, its times and assignment sequence number, and
// its event there ("" for none).
type member struct {
	source          string
	published, seen sql.NullString
	seq             int64
	event           string
}

// storyCounts is a story's aggregates as stored (the story_counts
// migrations, SQLite 0009, PostgreSQL 0006).
type storyCounts struct {
	articles, outlets int
	pubMin, pubMax    sql.NullString
	seenMin, seenMax  sql.NullString
	seq               int64
}

// adjustStory updates story id's aggregates for one article whose
// placement there changed: it joins (was false), leaves (is false) or
// stays with another event or sequence number. Counts move by one; the
// first and last times and the listing sequence are recounted over the
// story only when the leaving article held one of them. A story left
// empty is deleted. It marks the story stale, and moves its activity time
// when gained.
func adjustStory(ctx context.Context, tx *Tx, id string, was, is bool, old, cur member, gained bool, now time.Time) error {
	var c storyCounts
	err := tx.QueryRow(ctx, `SELECT articles, outlets, pub_min, pub_max, seen_min, seen_max, activity_seq
		FROM stories WHERE id = ?`, id).Scan(&c.articles, &c.outlets, &c.pubMin, &c.pubMax, &c.seenMin, &c.seenMax, &c.seq)
	if err != nil {
		return err
	}
	switch {
	case !was && is:
		c.articles++
		if err := c.addSource(ctx, tx, id, cur.source, 1); err != nil {
			return err
		}
		c.pubMin, c.pubMax = minNull(c.pubMin, cur.published), maxNull(c.pubMax, cur.published)
		c.seenMin, c.seenMax = minNull(c.seenMin, cur.seen), maxNull(c.seenMax, cur.seen)
		c.seq = max(c.seq, cur.seq)
		if err := addEvent(ctx, tx, id, cur.event, 1); err != nil {
			return err
		}
	case was && !is:
		c.articles--
		if c.articles <= 0 {
			return deleteStory(ctx, tx, id)
		}
		if err := c.addSource(ctx, tx, id, old.source, -1); err != nil {
			return err
		}
		if err := addEvent(ctx, tx, id, old.event, -1); err != nil {
			return err
		}
		if c.holds(old) {
			if err := c.recountExtremes(ctx, tx, id); err != nil {
				return err
			}
		}
	case was && is:
		if old.event != cur.event {
			if err := addEvent(ctx, tx, id, old.event, -1); err != nil {
				return err
			}
			if err := addEvent(ctx, tx, id, cur.event, 1); err != nil {
				return err
			}
		}
		if cur.seq >= old.seq {
			c.seq = max(c.seq, cur.seq)
		} else if err := c.recountExtremes(ctx, tx, id); err != nil {
			return err
		}
	}
	return c.write(ctx, tx, id, gained, now)
}

// holds reports whether m gives one of the story's extremes.
func (c *storyCounts) holds(m member) bool {
	eq := func(a, b sql.NullString) bool { return a.Valid && b.Valid && a.String == b.String }
	return eq(c.pubMin, m.published) || eq(c.pubMax, m.published) ||
		eq(c.seenMin, m.seen) || eq(c.seenMax, m.seen) || c.seq == m.seq
}

// addSource moves the story's count of articles from source by delta,
// and its outlet count when a named source appears or disappears.
func (c *storyCounts) addSource(ctx context.Context, tx *Tx, id, source string, delta int) error {
	var n int
	if err := tx.QueryRow(ctx, `INSERT INTO story_sources (story_id, source, n) VALUES (?, ?, ?)
		ON CONFLICT (story_id, source) DO UPDATE SET n = story_sources.n + excluded.n RETURNING n`, id, source, delta).Scan(&n); err != nil {
		return err
	}
	if n <= 0 {
		if _, err := tx.Exec(ctx, `DELETE FROM story_sources WHERE story_id = ? AND source = ?`, id, source); err != nil {
			return err
		}
	}
	if source != "" {
		switch {
		case delta > 0 && n == delta:
			c.outlets++
		case delta < 0 && n <= 0:
			c.outlets--
		}
	}
	return nil
}

// addEvent moves the article count of the story's event by delta,
// deleting an event left empty. No event, nothing to count.
func addEvent(ctx context.Context, tx *Tx, story, event string, delta int) error {
	if event == "" {
		return nil
	}
	var n int
	if err := tx.QueryRow(ctx, `INSERT INTO events (story_id, id, articles) VALUES (?, ?, ?)
		ON CONFLICT (story_id, id) DO UPDATE SET articles = events.articles + excluded.articles RETURNING articles`,
		story, event, delta).Scan(&n); err != nil {
		return err
	}
	if n <= 0 {
		_, err := tx.Exec(ctx, `DELETE FROM events WHERE story_id = ? AND id = ?`, story, event)
		return err
	}
	return nil
}

// recountExtremes reads the story's times and listing sequence from the
// articles placed in it.
func (c *storyCounts) recountExtremes(ctx context.Context, tx *Tx, id string) error {
	return tx.QueryRow(ctx, `SELECT MIN(published), MAX(published), MIN(sort_time), MAX(sort_time),
		COALESCE(MAX(assign_seq), 0) FROM `+placedAgg, id, id).Scan(&c.pubMin, &c.pubMax, &c.seenMin, &c.seenMax, &c.seq)
}

// write stores the aggregates, marks the story stale and bumps its
// version; gained moves its activity time.
func (c *storyCounts) write(ctx context.Context, tx *Tx, id string, gained bool, now time.Time) error {
	first, last := c.pubMin, c.pubMax
	if !first.Valid { // no known publication date: fall back to fetch/store times
		first, last = c.seenMin, c.seenMax
	}
	query := `UPDATE stories SET articles = ?, outlets = ?, pub_min = ?, pub_max = ?, seen_min = ?, seen_max = ?,
		first_time = ?, last_time = ?, activity_seq = ?, stale = TRUE, version = version + 1`
	args := []any{c.articles, c.outlets, c.pubMin, c.pubMax, c.seenMin, c.seenMax, first, last, c.seq}
	if gained {
		query += `, activity = ?`
		args = append(args, FormatTime(now))
	}
	_, err := tx.Exec(ctx, query+` WHERE id = ?`, append(args, id)...)
	return err
}

// deleteStory deletes an emptied story with its events and source counts.
func deleteStory(ctx context.Context, tx *Tx, id string) error {
	for _, q := range []string{
		`DELETE FROM events WHERE story_id = ?`,
		`DELETE FROM story_sources WHERE story_id = ?`,
		`DELETE FROM stories WHERE id = ?`,
	} {
		if _, err := tx.Exec(ctx, q, id); err != nil {
			return err
		}
	}
	return nil
}

// minNull and maxNull compare fixed-width time texts, a NULL being no
// value.
func minNull(a, b sql.NullString) sql.NullString {
	if !a.Valid || (b.Valid && b.String < a.String) {
		return b
	}
	return a
}

func maxNull(a, b sql.NullString) sql.NullString {
	if !a.Valid || (b.Valid && b.String > a.String) {
		return b
	}
	return a
}
