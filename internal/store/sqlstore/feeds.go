package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"parallax/internal/model"
	"time"
)

const feedColumns = `url, title, site_url, category, added, etag, last_modified,
	last_poll, next_poll, interval_seconds, errors, last_error`

// Feeds returns every followed feed, ordered by URL.
func (db *Store) Feeds(ctx context.Context) ([]model.Feed, error) {
	rows, err := db.reader().Query(ctx, `SELECT `+feedColumns+` FROM feeds ORDER BY url`)
	if err != nil {
		return nil, db.errorf("feeds: %w", err)
	}
	defer rows.Close()
	var out []model.Feed
	for rows.Next() {
		f, err := scanFeed(rows)
		if err != nil {
			return nil, db.errorf("feeds: %w", err)
		}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, db.errorf("feeds: %w", err)
	}
	return out, nil
}

func scanFeed(rows *sql.Rows) (model.Feed, error) {
	var (
		f                  model.Feed
		added              string
		lastPoll, nextPoll sql.NullString
		interval           int64
	)
	if err := rows.Scan(&f.URL, &f.Title, &f.SiteURL, &f.Category, &added, &f.ETag, &f.LastModified,
		&lastPoll, &nextPoll, &interval, &f.Errors, &f.LastError); err != nil {
		return f, err
	}
	var err error
	if f.Added, err = ParseTime(sql.NullString{String: added, Valid: true}); err != nil {
		return f, err
	}
	if f.LastPoll, err = ParseTime(lastPoll); err != nil {
		return f, err
	}
	if f.NextPoll, err = ParseTime(nextPoll); err != nil {
		return f, err
	}
	f.Interval = time.Duration(interval) * time.Second
	return f, nil
}

// SaveFeed inserts a feed or updates the one with the same URL, keeping
// its seen items.
func (db *Store) SaveFeed(ctx context.Context, f model.Feed) error {
	if f.URL == "" {
		return fmt.Errorf("%w: feed without URL", db.d.Invalid)
	}
	if f.Added.IsZero() {
		f.Added = db.now()
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	_, err = tx.Exec(ctx, `INSERT INTO feeds (`+feedColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (url) DO UPDATE SET
			title = excluded.title, site_url = excluded.site_url, category = excluded.category,
			added = excluded.added, etag = excluded.etag, last_modified = excluded.last_modified,
			last_poll = excluded.last_poll, next_poll = excluded.next_poll,
			interval_seconds = excluded.interval_seconds, errors = excluded.errors,
			last_error = excluded.last_error`,
		f.URL, f.Title, f.SiteURL, f.Category, FormatTime(f.Added), f.ETag, f.LastModified,
		NullTime(f.LastPoll), NullTime(f.NextPoll), int64(f.Interval/time.Second), f.Errors, f.LastError)
	if err != nil {
		return db.errorf("save feed %s: %w", f.URL, err)
	}
	return tx.Commit()
}

// UpdateFeed replaces a stored feed's fields; a feed that is not stored
// stays absent.
func (db *Store) UpdateFeed(ctx context.Context, f model.Feed) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	_, err = tx.Exec(ctx, `UPDATE feeds SET
			title = ?, site_url = ?, category = ?, added = ?, etag = ?, last_modified = ?,
			last_poll = ?, next_poll = ?, interval_seconds = ?, errors = ?, last_error = ?
		WHERE url = ?`,
		f.Title, f.SiteURL, f.Category, FormatTime(f.Added), f.ETag, f.LastModified,
		NullTime(f.LastPoll), NullTime(f.NextPoll), int64(f.Interval/time.Second), f.Errors, f.LastError, f.URL)
	if err != nil {
		return db.errorf("update feed %s: %w", f.URL, err)
	}
	return tx.Commit()
}

// RemoveFeed forgets a feed and its seen items (model.ErrNoFeed if absent).
func (db *Store) RemoveFeed(ctx context.Context, url string) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.Exec(ctx, `DELETE FROM feed_items WHERE feed_url = ?`, url); err != nil {
		return db.errorf("remove feed %s: %w", url, err)
	}
	res, err := tx.Exec(ctx, `DELETE FROM feeds WHERE url = ?`, url)
	if err != nil {
		return db.errorf("remove feed %s: %w", url, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return db.errorf("remove feed %s: %w", url, err)
	} else if n == 0 {
		return fmt.Errorf("%w: %s", model.ErrNoFeed, url)
	}
	return tx.Commit()
}

// seenBatch bounds the parameters of one SeenItems query.
const seenBatch = 400

// SeenItems reports which of keys are marked seen for the feed.
func (db *Store) SeenItems(ctx context.Context, feedURL string, keys []string) (map[string]bool, error) {
	out := map[string]bool{}
	for start := 0; start < len(keys); start += seenBatch {
		part := keys[start:min(start+seenBatch, len(keys))]
		args := make([]any, 0, len(part)+1)
		args = append(args, feedURL)
		ph := make([]byte, 0, 2*len(part))
		for i, k := range part {
			if i > 0 {
				ph = append(ph, ',')
			}
			ph = append(ph, '?')
			args = append(args, k)
		}
		rows, err := db.reader().Query(ctx,
			`SELECT item_key FROM feed_items WHERE feed_url = ? AND item_key IN (`+string(ph)+`)`, args...)
		if err != nil {
			return nil, db.errorf("seen items of %s: %w", feedURL, err)
		}
		for rows.Next() {
			var k string
			if err := rows.Scan(&k); err != nil {
				rows.Close()
				return nil, db.errorf("seen items of %s: %w", feedURL, err)
			}
			out[k] = true
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, db.errorf("seen items of %s: %w", feedURL, err)
		}
	}
	return out, nil
}

// MarkSeen records keys as seen at time at. Keys of a feed that is not
// stored (removed meanwhile) are ignored.
func (db *Store) MarkSeen(ctx context.Context, feedURL string, keys []string, at time.Time) error {
	if len(keys) == 0 {
		return nil
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	stmt, err := tx.Prepare(ctx, `INSERT INTO feed_items (feed_url, item_key, seen)
		SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM feeds WHERE url = ?1)
		ON CONFLICT (feed_url, item_key) DO UPDATE SET seen = excluded.seen`)
	if err != nil {
		return db.errorf("mark seen for %s: %w", feedURL, err)
	}
	defer stmt.Close()
	ts := FormatTime(at)
	for _, k := range keys {
		if _, err := stmt.ExecContext(ctx, feedURL, k, ts); err != nil {
			if db.d.ForeignKeyViolation != nil && db.d.ForeignKeyViolation(err) {
				return nil // the feed was removed between the check and the insert
			}
			return db.errorf("mark seen for %s: %w", feedURL, err)
		}
	}
	return tx.Commit()
}

// ForgetSeen drops the feed's item keys last seen before the given time.
func (db *Store) ForgetSeen(ctx context.Context, feedURL string, before time.Time) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.Exec(ctx, `DELETE FROM feed_items WHERE feed_url = ? AND seen < ?`,
		feedURL, FormatTime(before)); err != nil {
		return db.errorf("forget seen items of %s: %w", feedURL, err)
	}
	return tx.Commit()
}
