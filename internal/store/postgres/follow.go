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

// followSelect reads a follow with its counts and delivery state.
const followSelect = `SELECT f.id, f.name, f.kind, f.target, f.webhook_url, f.webhook_secret, f.created, f.seen_at,
	(SELECT COUNT(*) FROM follow_entries e WHERE e.follow_id = f.id AND e.seen > f.seen_at),
	(SELECT COUNT(*) FROM follow_entries e WHERE e.follow_id = f.id),
	(SELECT COUNT(*) FROM deliveries d WHERE d.follow_id = f.id AND d.next_at IS NOT NULL),
	(SELECT COUNT(*) FROM deliveries d WHERE d.follow_id = f.id AND d.next_at IS NULL AND d.delivered IS NULL),
	COALESCE((SELECT d.attempts FROM deliveries d WHERE d.follow_id = f.id AND d.attempts > 0 ORDER BY d.id DESC LIMIT 1), 0),
	COALESCE((SELECT d.last_error FROM deliveries d WHERE d.follow_id = f.id AND d.attempts > 0 ORDER BY d.id DESC LIMIT 1), ''),
	(SELECT MAX(d.delivered) FROM deliveries d WHERE d.follow_id = f.id)
	FROM follows f`

// AddFollow stores a new follow and returns its id.
func (db *DB) AddFollow(ctx context.Context, f model.Follow) (int64, error) {
	if err := store.CheckFollow(&f, db.now()); err != nil {
		return 0, err
	}
	var id int64
	err := db.pool.QueryRow(ctx, `INSERT INTO follows (name, kind, target, webhook_url, webhook_secret, created, seen_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, f.Name, f.Kind, f.Target, f.WebhookURL, f.WebhookSecret,
		formatTime(f.Created), formatTime(f.SeenAt)).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("postgres: add follow: %w", err)
	}
	return id, nil
}

// Follows lists every follow by id.
func (db *DB) Follows(ctx context.Context) ([]model.Follow, error) {
	rows, err := db.pool.Query(ctx, followSelect+` ORDER BY f.id`)
	if err != nil {
		return nil, fmt.Errorf("postgres: follows: %w", err)
	}
	fs, err := pgx.CollectRows(rows, scanFollow)
	if err != nil {
		return nil, fmt.Errorf("postgres: follows: %w", err)
	}
	return fs, nil
}

// Follow returns one follow.
func (db *DB) Follow(ctx context.Context, id int64) (model.Follow, error) {
	rows, err := db.pool.Query(ctx, followSelect+` WHERE f.id = $1`, id)
	if err != nil {
		return model.Follow{}, fmt.Errorf("postgres: follow %d: %w", id, err)
	}
	f, err := pgx.CollectExactlyOneRow(rows, scanFollow)
	if errors.Is(err, pgx.ErrNoRows) {
		return f, fmt.Errorf("follow %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return f, fmt.Errorf("postgres: follow %d: %w", id, err)
	}
	return f, nil
}

func scanFollow(row pgx.CollectableRow) (model.Follow, error) {
	var (
		f             model.Follow
		created, seen string
		delivered     *string
	)
	if err := row.Scan(&f.ID, &f.Name, &f.Kind, &f.Target, &f.WebhookURL, &f.WebhookSecret, &created, &seen,
		&f.New, &f.Entries, &f.Delivery.Pending, &f.Delivery.Failed, &f.Delivery.Attempts, &f.Delivery.LastError,
		&delivered); err != nil {
		return f, err
	}
	var err error
	if f.Created, err = parseTime(&created); err != nil {
		return f, err
	}
	if f.SeenAt, err = parseTime(&seen); err != nil {
		return f, err
	}
	f.Delivery.Delivered, err = parseTime(delivered)
	return f, err
}

// DeleteFollow deletes a follow with its entries and deliveries (cascade).
func (db *DB) DeleteFollow(ctx context.Context, id int64) error {
	tag, err := db.pool.Exec(ctx, `DELETE FROM follows WHERE id = $1`, id)
	if err != nil {
		return fmt.Errorf("postgres: delete follow %d: %w", id, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("follow %d: %w", id, store.ErrNotFound)
	}
	return nil
}

// MarkFollowSeen sets a follow's SeenAt.
func (db *DB) MarkFollowSeen(ctx context.Context, id int64, at time.Time) error {
	tag, err := db.pool.Exec(ctx, `UPDATE follows SET seen_at = $1 WHERE id = $2`, formatTime(at), id)
	if err != nil {
		return fmt.Errorf("postgres: mark follow %d seen: %w", id, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("follow %d: %w", id, store.ErrNotFound)
	}
	return nil
}

// RecordFollowEntries records the entries a follow has not recorded yet,
// queueing a delivery of them when asked and the follow has a webhook.
func (db *DB) RecordFollowEntries(ctx context.Context, id int64, entries []model.FollowEntry, at time.Time, deliver bool) ([]model.FollowEntry, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return nil, err
	}
	defer rollback(ctx, tx)
	var hook string
	// FOR UPDATE: two processes recording at once take turns.
	if err := tx.QueryRow(ctx, `SELECT webhook_url FROM follows WHERE id = $1 FOR UPDATE`, id).Scan(&hook); err != nil {
		if errors.Is(err, pgx.ErrNoRows) {
			return nil, fmt.Errorf("follow %d: %w", id, store.ErrNotFound)
		}
		return nil, fmt.Errorf("postgres: record entries of %d: %w", id, err)
	}
	var fresh []model.FollowEntry
	for _, e := range entries {
		tag, err := tx.Exec(ctx, `INSERT INTO follow_entries (follow_id, entry_id, title, path, updated, seen)
			VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`, id, e.ID, e.Title, e.Path, formatTime(e.Updated), formatTime(at))
		if err != nil {
			return nil, fmt.Errorf("postgres: record entry %s of %d: %w", e.ID, id, err)
		}
		if tag.RowsAffected() == 1 {
			e.Seen = at
			fresh = append(fresh, e)
		}
	}
	if deliver && hook != "" && len(fresh) > 0 {
		body, err := store.EncodeEntries(fresh)
		if err != nil {
			return nil, err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO deliveries (follow_id, entries, created, next_at) VALUES ($1, $2, $3, $4)`,
			id, body, formatTime(at), formatTime(at)); err != nil {
			return nil, fmt.Errorf("postgres: queue delivery of %d: %w", id, err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return nil, fmt.Errorf("postgres: commit: %w", err)
	}
	return fresh, nil
}

// FollowEntries returns a follow's recorded entries, newest first.
func (db *DB) FollowEntries(ctx context.Context, id int64, limit int) ([]model.FollowEntry, error) {
	rows, err := db.pool.Query(ctx, `SELECT entry_id, title, path, updated, seen FROM follow_entries
		WHERE follow_id = $1 ORDER BY seen DESC, updated DESC, entry_id LIMIT $2`, id, limit)
	if err != nil {
		return nil, fmt.Errorf("postgres: entries of %d: %w", id, err)
	}
	es, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (model.FollowEntry, error) {
		var e model.FollowEntry
		var updated, seen string
		if err := row.Scan(&e.ID, &e.Title, &e.Path, &updated, &seen); err != nil {
			return e, err
		}
		var err error
		if e.Updated, err = parseTime(&updated); err != nil {
			return e, err
		}
		e.Seen, err = parseTime(&seen)
		return e, err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: entries of %d: %w", id, err)
	}
	return es, nil
}
