package postgres

import (
	"context"
	"errors"
	"fmt"
	"parallax/internal/model"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// foreignKeyViolation is PostgreSQL's SQLSTATE foreign_key_violation.
const foreignKeyViolation = "23503"

const feedColumns = `url, title, site_url, category, added, etag, last_modified,
	last_poll, next_poll, interval_seconds, errors, last_error`

// Feeds returns every followed feed, ordered by URL.
func (db *DB) Feeds(ctx context.Context) ([]model.Feed, error) {
	rows, err := db.pool.Query(ctx, `SELECT `+feedColumns+` FROM feeds ORDER BY url`)
	if err != nil {
		return nil, fmt.Errorf("postgres: feeds: %w", err)
	}
	fs, err := pgx.CollectRows(rows, scanFeed)
	if err != nil {
		return nil, fmt.Errorf("postgres: feeds: %w", err)
	}
	return fs, nil
}

func scanFeed(row pgx.CollectableRow) (model.Feed, error) {
	var (
		f                  model.Feed
		added              string
		lastPoll, nextPoll *string
		interval           int64
	)
	if err := row.Scan(&f.URL, &f.Title, &f.SiteURL, &f.Category, &added, &f.ETag, &f.LastModified,
		&lastPoll, &nextPoll, &interval, &f.Errors, &f.LastError); err != nil {
		return f, err
	}
	var err error
	if f.Added, err = parseTime(&added); err != nil {
		return f, err
	}
	if f.LastPoll, err = parseTime(lastPoll); err != nil {
		return f, err
	}
	if f.NextPoll, err = parseTime(nextPoll); err != nil {
		return f, err
	}
	f.Interval = time.Duration(interval) * time.Second
	return f, nil
}

// SaveFeed inserts a feed or updates the one with the same URL, keeping
// its seen items.
func (db *DB) SaveFeed(ctx context.Context, f model.Feed) error {
	if f.URL == "" {
		return fmt.Errorf("%w: feed without URL", ErrInvalid)
	}
	if f.Added.IsZero() {
		f.Added = db.now()
	}
	_, err := db.pool.Exec(ctx, `INSERT INTO feeds (`+feedColumns+`)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
		ON CONFLICT (url) DO UPDATE SET
			title = excluded.title, site_url = excluded.site_url, category = excluded.category,
			added = excluded.added, etag = excluded.etag, last_modified = excluded.last_modified,
			last_poll = excluded.last_poll, next_poll = excluded.next_poll,
			interval_seconds = excluded.interval_seconds, errors = excluded.errors,
			last_error = excluded.last_error`,
		f.URL, f.Title, f.SiteURL, f.Category, formatTime(f.Added), f.ETag, f.LastModified,
		nullTime(f.LastPoll), nullTime(f.NextPoll), int64(f.Interval/time.Second), f.Errors, f.LastError)
	if err != nil {
		return fmt.Errorf("postgres: save feed %s: %w", f.URL, err)
	}
	return nil
}

// UpdateFeed replaces a stored feed's fields; a feed that is not stored
// stays absent.
func (db *DB) UpdateFeed(ctx context.Context, f model.Feed) error {
	_, err := db.pool.Exec(ctx, `UPDATE feeds SET
			title = $1, site_url = $2, category = $3, added = $4, etag = $5, last_modified = $6,
			last_poll = $7, next_poll = $8, interval_seconds = $9, errors = $10, last_error = $11
		WHERE url = $12`,
		f.Title, f.SiteURL, f.Category, formatTime(f.Added), f.ETag, f.LastModified,
		nullTime(f.LastPoll), nullTime(f.NextPoll), int64(f.Interval/time.Second), f.Errors, f.LastError, f.URL)
	if err != nil {
		return fmt.Errorf("postgres: update feed %s: %w", f.URL, err)
	}
	return nil
}

// RemoveFeed forgets a feed and its seen items (model.ErrNoFeed if absent).
func (db *DB) RemoveFeed(ctx context.Context, url string) error {
	tag, err := db.pool.Exec(ctx, `DELETE FROM feeds WHERE url = $1`, url) // feed_items cascade
	if err != nil {
		return fmt.Errorf("postgres: remove feed %s: %w", url, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("%w: %s", model.ErrNoFeed, url)
	}
	return nil
}

// SeenItems reports which of keys are marked seen for the feed.
func (db *DB) SeenItems(ctx context.Context, feedURL string, keys []string) (map[string]bool, error) {
	out := map[string]bool{}
	if len(keys) == 0 {
		return out, nil
	}
	rows, err := db.pool.Query(ctx, `SELECT item_key FROM feed_items
		WHERE feed_url = $1 AND item_key = ANY($2)`, feedURL, keys)
	if err != nil {
		return nil, fmt.Errorf("postgres: seen items of %s: %w", feedURL, err)
	}
	seen, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("postgres: seen items of %s: %w", feedURL, err)
	}
	for _, k := range seen {
		out[k] = true
	}
	return out, nil
}

// MarkSeen records keys as seen at time at, in one statement. Keys of a
// feed that is not stored (removed meanwhile) are ignored.
func (db *DB) MarkSeen(ctx context.Context, feedURL string, keys []string, at time.Time) error {
	if len(keys) == 0 {
		return nil
	}
	_, err := db.pool.Exec(ctx, `INSERT INTO feed_items (feed_url, item_key, seen)
		SELECT $1, k, $3 FROM (SELECT DISTINCT unnest($2::text[]) AS k) keys
		WHERE EXISTS (SELECT 1 FROM feeds WHERE url = $1)
		ON CONFLICT (feed_url, item_key) DO UPDATE SET seen = excluded.seen`,
		feedURL, keys, formatTime(at))
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == foreignKeyViolation {
		return nil // the feed was removed between the check and the insert
	}
	if err != nil {
		return fmt.Errorf("postgres: mark seen for %s: %w", feedURL, err)
	}
	return nil
}

// ForgetSeen drops the feed's item keys last seen before the given time.
func (db *DB) ForgetSeen(ctx context.Context, feedURL string, before time.Time) error {
	if _, err := db.pool.Exec(ctx, `DELETE FROM feed_items WHERE feed_url = $1 AND seen < $2`,
		feedURL, formatTime(before)); err != nil {
		return fmt.Errorf("postgres: forget seen items of %s: %w", feedURL, err)
	}
	return nil
}
