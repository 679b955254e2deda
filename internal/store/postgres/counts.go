package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
)

// member is what one article adds to the aggregates of a story it is
// placed in: its source, its times and assignment sequence number, and
// its event there ("" for none).
type member struct {
	source          string
	published, seen *string
	seq             int64
	event           string
}

// storyCounts is a story's aggregates as stored (migration 0006).
type storyCounts struct {
	articles, outlets int
	pubMin, pubMax    *string
	seenMin, seenMax  *string
	seq               int64
}

// adjustStory updates story id's aggregates for one article whose
// placement there changed: it joins (was false), leaves (is false) or
// stays with another event or sequence number. Counts move by one; the
// first and last times and the listing sequence are recounted over the
// story only when the leaving article held one of them. A story left
// empty is deleted. It marks the story stale, and moves its activity time
// when gained.
func adjustStory(ctx context.Context, tx pgx.Tx, id string, was, is bool, old, cur member, gained bool, now time.Time) error {
	var c storyCounts
	err := tx.QueryRow(ctx, `SELECT articles, outlets, pub_min, pub_max, seen_min, seen_max, activity_seq
		FROM stories WHERE id = $1`, id).Scan(&c.articles, &c.outlets, &c.pubMin, &c.pubMax, &c.seenMin, &c.seenMax, &c.seq)
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
	eq := func(a, b *string) bool { return a != nil && b != nil && *a == *b }
	return eq(c.pubMin, m.published) || eq(c.pubMax, m.published) ||
		eq(c.seenMin, m.seen) || eq(c.seenMax, m.seen) || c.seq == m.seq
}

// addSource moves the story's count of articles from source by delta,
// and its outlet count when a named source appears or disappears.
func (c *storyCounts) addSource(ctx context.Context, tx pgx.Tx, id, source string, delta int) error {
	var n int
	if err := tx.QueryRow(ctx, `INSERT INTO story_sources (story_id, source, n) VALUES ($1, $2, $3)
		ON CONFLICT (story_id, source) DO UPDATE SET n = story_sources.n + excluded.n RETURNING n`,
		id, source, delta).Scan(&n); err != nil {
		return err
	}
	if n <= 0 {
		if _, err := tx.Exec(ctx, `DELETE FROM story_sources WHERE story_id = $1 AND source = $2`, id, source); err != nil {
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
func addEvent(ctx context.Context, tx pgx.Tx, story, event string, delta int) error {
	if event == "" {
		return nil
	}
	var n int
	if err := tx.QueryRow(ctx, `INSERT INTO events (story_id, id, articles) VALUES ($1, $2, $3)
		ON CONFLICT (story_id, id) DO UPDATE SET articles = events.articles + excluded.articles RETURNING articles`,
		story, event, delta).Scan(&n); err != nil {
		return err
	}
	if n <= 0 {
		_, err := tx.Exec(ctx, `DELETE FROM events WHERE story_id = $1 AND id = $2`, story, event)
		return err
	}
	return nil
}

// recountExtremes reads the story's times and listing sequence from the
// articles placed in it.
func (c *storyCounts) recountExtremes(ctx context.Context, tx pgx.Tx, id string) error {
	return tx.QueryRow(ctx, `SELECT MIN(published), MAX(published), MIN(sort_time), MAX(sort_time),
		COALESCE(MAX(assign_seq), 0) FROM `+placedAgg, id).Scan(&c.pubMin, &c.pubMax, &c.seenMin, &c.seenMax, &c.seq)
}

// write stores the aggregates, marks the story stale and bumps its
// version; gained moves its activity time.
func (c *storyCounts) write(ctx context.Context, tx pgx.Tx, id string, gained bool, now time.Time) error {
	first, last := c.pubMin, c.pubMax
	if first == nil { // no known publication date: fall back to fetch/store times
		first, last = c.seenMin, c.seenMax
	}
	var activity *string
	if gained {
		activity = new(formatTime(now))
	}
	_, err := tx.Exec(ctx, `UPDATE stories SET articles = $1, outlets = $2, pub_min = $3, pub_max = $4,
		seen_min = $5, seen_max = $6, first_time = $7, last_time = $8, activity_seq = $9, stale = TRUE,
		version = version + 1, activity = COALESCE($10, activity) WHERE id = $11`,
		c.articles, c.outlets, c.pubMin, c.pubMax, c.seenMin, c.seenMax, first, last, c.seq, activity, id)
	return err
}

// deleteStory deletes an emptied story with its events and source counts.
func deleteStory(ctx context.Context, tx pgx.Tx, id string) error {
	for _, q := range []string{
		`DELETE FROM events WHERE story_id = $1`,
		`DELETE FROM story_sources WHERE story_id = $1`,
		`DELETE FROM stories WHERE id = $1`,
	} {
		if _, err := tx.Exec(ctx, q, id); err != nil {
			return err
		}
	}
	return nil
}

// minNull and maxNull compare fixed-width time texts, nil being no value.
func minNull(a, b *string) *string {
	if a == nil || (b != nil && *b < *a) {
		return b
	}
	return a
}

func maxNull(a, b *string) *string {
	if a == nil || (b != nil && *b > *a) {
		return b
	}
	return a
}
