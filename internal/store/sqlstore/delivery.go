package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"parallax/internal/model"
	"parallax/internal/store"
)

// ClaimDeliveries returns the deliveries due at now and makes them due
// again only after lease; where rows lock, rows another sender holds are
// skipped.
func (db *Store) ClaimDeliveries(ctx context.Context, now time.Time, lease time.Duration, limit int) ([]model.Delivery, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	rows, err := tx.Query(ctx, `SELECT d.id, d.follow_id, f.webhook_url, f.webhook_secret, d.entries, d.created,
		d.attempts, d.last_error FROM deliveries d JOIN follows f ON f.id = d.follow_id
		WHERE d.next_at IS NOT NULL AND d.next_at <= ? ORDER BY d.next_at, d.id LIMIT ?`+
		db.forUpdate(" OF d SKIP LOCKED"), FormatTime(now), limit)
	if err != nil {
		return nil, db.errorf("due deliveries: %w", err)
	}
	var out []model.Delivery
	for rows.Next() {
		var (
			d                model.Delivery
			entries, created string
		)
		if err := rows.Scan(&d.ID, &d.FollowID, &d.URL, &d.Secret, &entries, &created, &d.Attempts, &d.LastError); err != nil {
			rows.Close()
			return nil, db.errorf("due deliveries: %w", err)
		}
		if d.Entries, err = store.DecodeEntries(entries); err != nil {
			rows.Close()
			return nil, err
		}
		if d.Created, err = ParseTime(sql.NullString{String: created, Valid: true}); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, db.errorf("due deliveries: %w", err)
	}
	for _, d := range out {
		if _, err := tx.Exec(ctx, `UPDATE deliveries SET next_at = ? WHERE id = ?`, FormatTime(now.Add(lease)), d.ID); err != nil {
			return nil, db.errorf("claim delivery %d: %w", d.ID, err)
		}
	}
	return out, tx.Commit()
}

// DeliveryAttempt records one attempt of a delivery.
func (db *Store) DeliveryAttempt(ctx context.Context, id int64, at time.Time, errMsg string, next time.Time) error {
	var (
		res sql.Result
		err error
	)
	if errMsg == "" {
		res, err = db.writer().Exec(ctx, `UPDATE deliveries SET attempts = attempts + 1, last_attempt = ?, next_at = NULL,
			delivered = ? WHERE id = ?`, FormatTime(at), FormatTime(at), id)
	} else {
		res, err = db.writer().Exec(ctx, `UPDATE deliveries SET attempts = attempts + 1, last_attempt = ?, next_at = ?,
			last_error = ? WHERE id = ?`, FormatTime(at), NullTime(next), errMsg, id)
	}
	if err != nil {
		return db.errorf("delivery %d attempt: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("delivery %d: %w", id, store.ErrNotFound)
	}
	return nil
}
