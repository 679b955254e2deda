package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"parallax/internal/model"
	"parallax/internal/store"
)

// ClaimDeliveries returns the deliveries due at now and makes them due
// again only after lease; rows another sender holds are skipped.
func (db *DB) ClaimDeliveries(ctx context.Context, now time.Time, lease time.Duration, limit int) ([]model.Delivery, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return nil, err
	}
	defer rollback(ctx, tx)
	rows, err := tx.Query(ctx, `SELECT d.id, d.follow_id, f.webhook_url, f.webhook_secret, d.entries, d.created,
		d.attempts, d.last_error FROM deliveries d JOIN follows f ON f.id = d.follow_id
		WHERE d.next_at IS NOT NULL AND d.next_at <= $1 ORDER BY d.next_at, d.id LIMIT $2
		FOR UPDATE OF d SKIP LOCKED`, formatTime(now), limit)
	if err != nil {
		return nil, fmt.Errorf("postgres: due deliveries: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (model.Delivery, error) {
		var (
			d                model.Delivery
			entries, created string
		)
		if err := row.Scan(&d.ID, &d.FollowID, &d.URL, &d.Secret, &entries, &created, &d.Attempts, &d.LastError); err != nil {
			return d, err
		}
		var err error
		if d.Entries, err = store.DecodeEntries(entries); err != nil {
			return d, err
		}
		d.Created, err = parseTime(&created)
		return d, err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: due deliveries: %w", err)
	}
	for _, d := range out {
		if _, err := tx.Exec(ctx, `UPDATE deliveries SET next_at = $1 WHERE id = $2`, formatTime(now.Add(lease)), d.ID); err != nil {
			return nil, fmt.Errorf("postgres: claim delivery %d: %w", d.ID, err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return nil, fmt.Errorf("postgres: commit: %w", err)
	}
	return out, nil
}

// DeliveryAttempt records one attempt of a delivery.
func (db *DB) DeliveryAttempt(ctx context.Context, id int64, at time.Time, errMsg string, next time.Time) error {
	var err error
	var n int64
	if errMsg == "" {
		tag, e := db.pool.Exec(ctx, `UPDATE deliveries SET attempts = attempts + 1, last_attempt = $1, next_at = NULL,
			delivered = $1 WHERE id = $2`, formatTime(at), id)
		n, err = tag.RowsAffected(), e
	} else {
		tag, e := db.pool.Exec(ctx, `UPDATE deliveries SET attempts = attempts + 1, last_attempt = $1, next_at = $2,
			last_error = $3 WHERE id = $4`, formatTime(at), nullTime(next), errMsg, id)
		n, err = tag.RowsAffected(), e
	}
	if err != nil {
		return fmt.Errorf("postgres: delivery %d attempt: %w", id, err)
	}
	if n == 0 {
		return fmt.Errorf("delivery %d: %w", id, store.ErrNotFound)
	}
	return nil
}
