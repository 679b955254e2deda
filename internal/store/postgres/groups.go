package postgres

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"parallax/internal/groups"
	"parallax/internal/model"
	"parallax/internal/store"
)

var _ store.Grouper = (*DB)(nil)

// ImportLabels replaces the labels of the dimensions labels name.
func (db *DB) ImportLabels(ctx context.Context, labels []model.OutletLabel) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer rollback(ctx, tx)
	if _, err := tx.Exec(ctx, `DELETE FROM outlet_groups WHERE dimension = ANY($1)`, groups.Dimensions(labels)); err != nil {
		return fmt.Errorf("postgres: import labels: %w", err)
	}
	rows := make([][]any, len(labels))
	for i, l := range labels {
		rows[i] = []any{l.Dimension, l.Outlet, l.Value}
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"outlet_groups"}, []string{"dimension", "outlet", "value"},
		pgx.CopyFromRows(rows)); err != nil {
		return fmt.Errorf("postgres: import labels: %w", err)
	}
	if _, err := tx.Exec(ctx, `UPDATE outlet_groups_version SET version = version + 1`); err != nil {
		return fmt.Errorf("postgres: import labels: %w", err)
	}
	return commit(ctx, tx)
}

// Labels returns every label by dimension, outlet.
func (db *DB) Labels(ctx context.Context) ([]model.OutletLabel, error) {
	rows, err := db.pool.Query(ctx, `SELECT outlet, dimension, value FROM outlet_groups ORDER BY dimension, outlet`)
	if err != nil {
		return nil, fmt.Errorf("postgres: labels: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (model.OutletLabel, error) {
		var l model.OutletLabel
		err := row.Scan(&l.Outlet, &l.Dimension, &l.Value)
		return l, err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: labels: %w", err)
	}
	return out, nil
}

// StoryCoverage counts a story's outlets by value along each dimension.
func (db *DB) StoryCoverage(ctx context.Context, storyID string) ([]model.Coverage, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer rollback(ctx, tx)
	var outlets int
	err = tx.QueryRow(ctx, `SELECT outlets FROM stories WHERE id = $1`, storyID).Scan(&outlets)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("postgres: coverage of %s: %w", storyID, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: coverage of %s: %w", storyID, err)
	}
	rows, err := tx.Query(ctx, `SELECT DISTINCT dimension FROM outlet_groups ORDER BY dimension`)
	if err != nil {
		return nil, fmt.Errorf("postgres: coverage of %s: %w", storyID, err)
	}
	dims, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("postgres: coverage of %s: %w", storyID, err)
	}
	rows, err = tx.Query(ctx, dollars(store.CoverageSQL), storyID)
	if err != nil {
		return nil, fmt.Errorf("postgres: coverage of %s: %w", storyID, err)
	}
	counts := map[string][]model.CoverageValue{}
	var (
		d string
		v model.CoverageValue
	)
	_, err = pgx.ForEachRow(rows, []any{&d, &v.Value, &v.Outlets}, func() error {
		counts[d] = append(counts[d], v)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: coverage of %s: %w", storyID, err)
	}
	return store.CoverageOf(outlets, dims, counts), nil
}

// Blindspots returns the stories covered (almost) only by one side of a
// dimension, newest first.
func (db *DB) Blindspots(ctx context.Context, q store.BlindspotQuery) ([]model.Blindspot, error) {
	q = q.WithDefaults()
	rows, err := db.pool.Query(ctx, dollars(store.BlindspotSQL),
		q.Dimension, q.Dimension, q.MinOutlets, q.MinOutlets, q.SharePercent, q.Limit, q.Offset)
	if err != nil {
		return nil, fmt.Errorf("postgres: blindspots: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (model.Blindspot, error) {
		var b model.Blindspot
		var first, last *string
		if err := row.Scan(&b.Story.ID, &b.Story.Title, &b.Story.Articles, &b.Story.Outlets, &first, &last,
			&b.Dimension, &b.Value, &b.Side, &b.Labelled); err != nil {
			return b, err
		}
		var err error
		if b.Story.First, err = parseTime(first); err != nil {
			return b, err
		}
		b.Story.Last, err = parseTime(last)
		return b, err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: blindspots: %w", err)
	}
	return out, nil
}

// dollars numbers a shared query's ? placeholders as $1, $2, ...
func dollars(query string) string {
	var b strings.Builder
	n := 0
	for _, c := range query {
		if c == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}
