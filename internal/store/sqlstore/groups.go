package sqlstore

import (
	"context"
	"database/sql"

	"parallax/internal/groups"
	"parallax/internal/model"
	"parallax/internal/store"
)

var _ store.Grouper = (*Store)(nil)

// ImportLabels replaces the labels of the dimensions labels name.
func (db *Store) ImportLabels(ctx context.Context, labels []model.OutletLabel) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, d := range groups.Dimensions(labels) {
		if _, err := tx.Exec(ctx, `DELETE FROM outlet_groups WHERE dimension = ?`, d); err != nil {
			return db.errorf("import labels: %w", err)
		}
	}
	stmt, err := tx.Prepare(ctx, `INSERT INTO outlet_groups (dimension, outlet, value) VALUES (?, ?, ?)
		ON CONFLICT (dimension, outlet) DO UPDATE SET value = excluded.value`)
	if err != nil {
		return db.errorf("import labels: %w", err)
	}
	defer stmt.Close()
	for _, l := range labels {
		if _, err := stmt.ExecContext(ctx, l.Dimension, l.Outlet, l.Value); err != nil {
			return db.errorf("import label %s/%s: %w", l.Dimension, l.Outlet, err)
		}
	}
	if _, err := tx.Exec(ctx, `UPDATE outlet_groups_version SET version = version + 1`); err != nil {
		return db.errorf("import labels: %w", err)
	}
	return tx.Commit()
}

// Labels returns every label by dimension, outlet.
func (db *Store) Labels(ctx context.Context) ([]model.OutletLabel, error) {
	rows, err := db.reader().Query(ctx, `SELECT outlet, dimension, value FROM outlet_groups ORDER BY dimension, outlet`)
	if err != nil {
		return nil, db.errorf("labels: %w", err)
	}
	defer rows.Close()
	var out []model.OutletLabel
	for rows.Next() {
		var l model.OutletLabel
		if err := rows.Scan(&l.Outlet, &l.Dimension, &l.Value); err != nil {
			return nil, db.errorf("labels: %w", err)
		}
		out = append(out, l)
	}
	if err := rows.Err(); err != nil {
		return nil, db.errorf("labels: %w", err)
	}
	return out, nil
}

// StoryCoverage counts a story's outlets by value along each dimension.
func (db *Store) StoryCoverage(ctx context.Context, storyID string) ([]model.Coverage, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	var outlets int
	err = tx.QueryRow(ctx, `SELECT outlets FROM stories WHERE id = ?`, storyID).Scan(&outlets)
	if err == sql.ErrNoRows {
		return nil, db.errorf("coverage of %s: %w", storyID, store.ErrNotFound)
	}
	if err != nil {
		return nil, db.errorf("coverage of %s: %w", storyID, err)
	}
	dims, err := queryStrings(ctx, tx, `SELECT DISTINCT dimension FROM outlet_groups ORDER BY dimension`)
	if err != nil {
		return nil, db.errorf("coverage of %s: %w", storyID, err)
	}
	rows, err := tx.Query(ctx, store.CoverageSQL, storyID)
	if err != nil {
		return nil, db.errorf("coverage of %s: %w", storyID, err)
	}
	defer rows.Close()
	counts := map[string][]model.CoverageValue{}
	for rows.Next() {
		var d string
		var v model.CoverageValue
		if err := rows.Scan(&d, &v.Value, &v.Outlets); err != nil {
			return nil, db.errorf("coverage of %s: %w", storyID, err)
		}
		counts[d] = append(counts[d], v)
	}
	if err := rows.Err(); err != nil {
		return nil, db.errorf("coverage of %s: %w", storyID, err)
	}
	return store.CoverageOf(outlets, dims, counts), nil
}

func queryStrings(ctx context.Context, tx *Tx, query string, args ...any) ([]string, error) {
	rows, err := tx.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// Blindspots returns the stories covered (almost) only by one side of a
// dimension, newest first.
func (db *Store) Blindspots(ctx context.Context, q store.BlindspotQuery) ([]model.Blindspot, error) {
	q = q.WithDefaults()
	rows, err := db.reader().Query(ctx, store.BlindspotSQL,
		q.Dimension, q.Dimension, q.MinOutlets, q.MinOutlets, q.SharePercent, q.Limit, q.Offset)
	if err != nil {
		return nil, db.errorf("blindspots: %w", err)
	}
	defer rows.Close()
	var out []model.Blindspot
	for rows.Next() {
		var b model.Blindspot
		var first, last sql.NullString
		if err := rows.Scan(&b.Story.ID, &b.Story.Title, &b.Story.Articles, &b.Story.Outlets, &first, &last,
			&b.Dimension, &b.Value, &b.Side, &b.Labelled); err != nil {
			return nil, db.errorf("blindspots: %w", err)
		}
		if b.Story.First, err = ParseTime(first); err != nil {
			return nil, db.errorf("blindspots: %w", err)
		}
		if b.Story.Last, err = ParseTime(last); err != nil {
			return nil, db.errorf("blindspots: %w", err)
		}
		out = append(out, b)
	}
	if err := rows.Err(); err != nil {
		return nil, db.errorf("blindspots: %w", err)
	}
	return out, nil
}
