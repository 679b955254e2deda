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
func (db *Store) AddFollow(ctx context.Context, f model.Follow) (int64, error) {
	if err := store.CheckFollow(&f, db.now()); err != nil {
		return 0, err
	}
	var id int64
	err := db.writer().QueryRow(ctx, `INSERT INTO follows (name, kind, target, webhook_url, webhook_secret, created, seen_at)
		VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`, f.Name, f.Kind, f.Target, f.WebhookURL, f.WebhookSecret,
		FormatTime(f.Created), FormatTime(f.SeenAt)).Scan(&id)
	if err != nil {
		return 0, db.errorf("add follow: %w", err)
	}
	return id, nil
}

// Follows lists every follow by id.
func (db *Store) Follows(ctx context.Context) ([]model.Follow, error) {
	rows, err := db.reader().Query(ctx, followSelect+` ORDER BY f.id`)
	if err != nil {
		return nil, db.errorf("follows: %w", err)
	}
	defer rows.Close()
	var out []model.Follow
	for rows.Next() {
		f, err := scanFollow(rows)
		if err != nil {
			return nil, db.errorf("follows: %w", err)
		}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, db.errorf("follows: %w", err)
	}
	return out, nil
}

// Follow returns one follow.
func (db *Store) Follow(ctx context.Context, id int64) (model.Follow, error) {
	rows, err := db.reader().Query(ctx, followSelect+` WHERE f.id = ?`, id)
	if err != nil {
		return model.Follow{}, db.errorf("follow %d: %w", id, err)
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return model.Follow{}, db.errorf("follow %d: %w", id, err)
		}
		return model.Follow{}, fmt.Errorf("follow %d: %w", id, store.ErrNotFound)
	}
	f, err := scanFollow(rows)
	if err != nil {
		return f, db.errorf("follow %d: %w", id, err)
	}
	return f, nil
}

func scanFollow(rows *sql.Rows) (model.Follow, error) {
	var (
		f             model.Follow
		created, seen string
		delivered     sql.NullString
	)
	if err := rows.Scan(&f.ID, &f.Name, &f.Kind, &f.Target, &f.WebhookURL, &f.WebhookSecret, &created, &seen,
		&f.New, &f.Entries, &f.Delivery.Pending, &f.Delivery.Failed, &f.Delivery.Attempts, &f.Delivery.LastError,
		&delivered); err != nil {
		return f, err
	}
	var err error
	if f.Created, err = ParseTime(sql.NullString{String: created, Valid: true}); err != nil {
		return f, err
	}
	if f.SeenAt, err = ParseTime(sql.NullString{String: seen, Valid: true}); err != nil {
		return f, err
	}
	f.Delivery.Delivered, err = ParseTime(delivered)
	return f, err
}

// DeleteFollow deletes a follow with its entries and deliveries.
func (db *Store) DeleteFollow(ctx context.Context, id int64) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, q := range []string{`DELETE FROM follow_entries WHERE follow_id = ?`, `DELETE FROM deliveries WHERE follow_id = ?`} {
		if _, err := tx.Exec(ctx, q, id); err != nil {
			return db.errorf("delete follow %d: %w", id, err)
		}
	}
	res, err := tx.Exec(ctx, `DELETE FROM follows WHERE id = ?`, id)
	if err != nil {
		return db.errorf("delete follow %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("follow %d: %w", id, store.ErrNotFound)
	}
	return tx.Commit()
}

// MarkFollowSeen sets a follow's SeenAt.
func (db *Store) MarkFollowSeen(ctx context.Context, id int64, at time.Time) error {
	res, err := db.writer().Exec(ctx, `UPDATE follows SET seen_at = ? WHERE id = ?`, FormatTime(at), id)
	if err != nil {
		return db.errorf("mark follow %d seen: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("follow %d: %w", id, store.ErrNotFound)
	}
	return nil
}

// RecordFollowEntries records the entries a follow has not recorded yet,
// queueing a delivery of them when asked and the follow has a webhook.
func (db *Store) RecordFollowEntries(ctx context.Context, id int64, entries []model.FollowEntry, at time.Time, deliver bool) ([]model.FollowEntry, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	var hook string
	// Locked (where rows lock): two processes recording at once take turns.
	if err := tx.QueryRow(ctx, `SELECT webhook_url FROM follows WHERE id = ?`+db.forUpdate(""), id).Scan(&hook); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, fmt.Errorf("follow %d: %w", id, store.ErrNotFound)
		}
		return nil, db.errorf("record entries of %d: %w", id, err)
	}
	var fresh []model.FollowEntry
	for _, e := range entries {
		res, err := tx.Exec(ctx, `INSERT INTO follow_entries (follow_id, entry_id, title, path, updated, seen)
			VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`, id, e.ID, e.Title, e.Path, FormatTime(e.Updated), FormatTime(at))
		if err != nil {
			return nil, db.errorf("record entry %s of %d: %w", e.ID, id, err)
		}
		if n, _ := res.RowsAffected(); n == 1 {
			e.Seen = at
			fresh = append(fresh, e)
		}
	}
	if deliver && hook != "" && len(fresh) > 0 {
		body, err := store.EncodeEntries(fresh)
		if err != nil {
			return nil, err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO deliveries (follow_id, entries, created, next_at) VALUES (?, ?, ?, ?)`,
			id, body, FormatTime(at), FormatTime(at)); err != nil {
			return nil, db.errorf("queue delivery of %d: %w", id, err)
		}
	}
	return fresh, tx.Commit()
}

// FollowEntries returns a follow's recorded entries, newest first.
func (db *Store) FollowEntries(ctx context.Context, id int64, limit int) ([]model.FollowEntry, error) {
	rows, err := db.reader().Query(ctx, `SELECT entry_id, title, path, updated, seen FROM follow_entries
		WHERE follow_id = ? ORDER BY seen DESC, updated DESC, entry_id LIMIT ?`, id, limit)
	if err != nil {
		return nil, db.errorf("entries of %d: %w", id, err)
	}
	defer rows.Close()
	var out []model.FollowEntry
	for rows.Next() {
		var e model.FollowEntry
		var updated, seen string
		if err := rows.Scan(&e.ID, &e.Title, &e.Path, &updated, &seen); err != nil {
			return nil, db.errorf("entries of %d: %w", id, err)
		}
		if e.Updated, err = ParseTime(sql.NullString{String: updated, Valid: true}); err != nil {
			return nil, err
		}
		if e.Seen, err = ParseTime(sql.NullString{String: seen, Valid: true}); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
