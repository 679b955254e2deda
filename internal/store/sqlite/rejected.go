package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"parallax/internal/store"
)

// Rejections summarises the rejections per input (store.RejectionLister).
func (db *DB) Rejections(ctx context.Context, limit, examples int) ([]store.RejectedSummary, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	out, err := rejections(ctx, tx, limit, examples)
	if err != nil {
		return nil, fmt.Errorf("sqlite: rejections: %w", err)
	}
	return out, nil
}

func rejections(ctx context.Context, tx *sql.Tx, limit, examples int) ([]store.RejectedSummary, error) {
	rows, err := tx.QueryContext(ctx, `SELECT input, total FROM rejected_inputs ORDER BY total DESC, input LIMIT ?`, limit)
	if err != nil {
		return nil, err
	}
	var out []store.RejectedSummary
	for rows.Next() {
		var s store.RejectedSummary
		if err := rows.Scan(&s.Input, &s.Total); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		ex, err := tx.QueryContext(ctx, `SELECT origin, reason FROM rejected WHERE input = ? ORDER BY rowid LIMIT ?`, out[i].Input, examples)
		if err != nil {
			return nil, err
		}
		for ex.Next() {
			var r store.Rejection
			if err := ex.Scan(&r.Origin, &r.Reason); err != nil {
				ex.Close()
				return nil, err
			}
			out[i].Examples = append(out[i].Examples, r)
		}
		ex.Close()
		if err := ex.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// RecordRejected notes an input that could not be used, with why: the
// first store.RejectedPerInput rejections of each input are kept (reason
// cut to store.MaxReasonBytes), the rest only counted.
func (db *DB) RecordRejected(ctx context.Context, origin, reason string) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := recordRejected(ctx, tx, origin, store.ShortReason(reason), formatTime(db.now())); err != nil {
		return fmt.Errorf("sqlite: record rejected %s: %w", origin, err)
	}
	return commit(tx)
}

func recordRejected(ctx context.Context, tx *sql.Tx, origin, reason, now string) error {
	var one int
	err := tx.QueryRowContext(ctx, `SELECT 1 FROM rejected WHERE origin = ? AND reason = ?`, origin, reason).Scan(&one)
	if err == nil {
		return nil // recorded before
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	input := store.RejectedInput(origin)
	var kept int
	if err := tx.QueryRowContext(ctx, `INSERT INTO rejected_inputs (input, kept, total) VALUES (?, 0, 1)
		ON CONFLICT (input) DO UPDATE SET total = total + 1 RETURNING kept`, input).Scan(&kept); err != nil {
		return err
	}
	if kept >= store.RejectedPerInput {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO rejected (origin, reason, recorded, input) VALUES (?, ?, ?, ?)`,
		origin, reason, now, input); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE rejected_inputs SET kept = kept + 1 WHERE input = ?`, input)
	return err
}
