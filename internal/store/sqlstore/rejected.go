package sqlstore

import (
	"context"
	"database/sql"
	"errors"

	"parallax/internal/store"
)

// Rejections summarises the rejections per input (store.RejectionLister).
func (db *Store) Rejections(ctx context.Context, limit, examples int) ([]store.RejectedSummary, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	out, err := db.rejections(ctx, tx, limit, examples)
	if err != nil {
		return nil, db.errorf("rejections: %w", err)
	}
	return out, nil
}

func (db *Store) rejections(ctx context.Context, tx *Tx, limit, examples int) ([]store.RejectedSummary, error) {
	rows, err := tx.Query(ctx, `SELECT input, total FROM rejected_inputs ORDER BY total DESC, input LIMIT ?`, limit)
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
		ex, err := tx.Query(ctx, `SELECT origin, reason FROM rejected WHERE input = ? ORDER BY `+db.d.InsertOrder+` LIMIT ?`, out[i].Input, examples)
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
func (db *Store) RecordRejected(ctx context.Context, origin, reason string) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	again, err := recordRejected(ctx, tx, origin, store.ShortReason(reason), FormatTime(db.now()))
	if err != nil {
		return db.errorf("record rejected %s: %w", origin, err)
	}
	if again {
		return nil // recorded before, or meanwhile by another process: count it once
	}
	return tx.Commit()
}

// recordRejected counts a rejection in its input and keeps it while the
// input has fewer than store.RejectedPerInput; again reports one recorded
// before (the transaction must then be rolled back).
func recordRejected(ctx context.Context, tx *Tx, origin, reason, now string) (again bool, err error) {
	var one int
	err = tx.QueryRow(ctx, `SELECT 1 FROM rejected WHERE origin = ? AND reason = ?`, origin, reason).Scan(&one)
	if err == nil {
		return true, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return false, err
	}
	input := store.RejectedInput(origin)
	var kept int
	if err := tx.QueryRow(ctx, `INSERT INTO rejected_inputs (input, kept, total) VALUES (?, 0, 1)
		ON CONFLICT (input) DO UPDATE SET total = rejected_inputs.total + 1 RETURNING kept`, input).Scan(&kept); err != nil {
		return false, err
	}
	if kept >= store.RejectedPerInput {
		return false, nil
	}
	res, err := tx.Exec(ctx, `INSERT INTO rejected (origin, reason, recorded, input) VALUES (?, ?, ?, ?)
		ON CONFLICT DO NOTHING`, origin, reason, now, input)
	if err != nil {
		return false, err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return err == nil, err
	}
	_, err = tx.Exec(ctx, `UPDATE rejected_inputs SET kept = kept + 1 WHERE input = ?`, input)
	return false, err
}
