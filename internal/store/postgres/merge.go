package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"parallax/internal/store"
)

// MergeStory moves every article of story from into story into, keeping
// their events and passages, and so every extra placement in from (see
// store.ResolvePlacements), deletes the emptied story and records that
// from now leads to into, all in one transaction. It returns the articles
// with a placement moved.
func (db *DB) MergeStory(ctx context.Context, from, into string) ([]string, error) {
	if from == "" || into == "" || from == into {
		return nil, fmt.Errorf("%w: merge story %q into %q", ErrInvalid, from, into)
	}
	tx, err := db.beginCluster(ctx)
	if err != nil {
		return nil, err
	}
	defer rollback(ctx, tx)
	moved, err := db.mergeStory(ctx, tx, from, into)
	if err != nil {
		return nil, fmt.Errorf("postgres: merge story %s into %s: %w", from, into, err)
	}
	return moved, commit(ctx, tx)
}

func (db *DB) mergeStory(ctx context.Context, tx pgx.Tx, from, into string) ([]string, error) {
	rows, err := tx.Query(ctx, `SELECT id FROM articles
		WHERE story_id = $1 OR id IN (SELECT article_id FROM placements WHERE story_id = $1)
		ORDER BY assign_seq, id`, from)
	if err != nil {
		return nil, err
	}
	moved, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, err
	}
	now := db.now()
	resolve := func(s string) string {
		if s == from {
			return into
		}
		return s
	}
	for _, id := range moved {
		old, err := readPlaced(ctx, tx, id)
		if err != nil {
			return nil, err
		}
		in, also := store.ResolvePlacements(old.in, old.also, resolve)
		if err := place(ctx, tx, id, old, in, also, now); err != nil {
			return nil, err
		}
	}
	if _, err := tx.Exec(ctx, `UPDATE story_aliases SET into_id = $1 WHERE into_id = $2`, into, from); err != nil {
		return nil, err
	}
	if _, err := tx.Exec(ctx, `DELETE FROM story_aliases WHERE from_id = $1`, into); err != nil {
		return nil, err
	}
	_, err = tx.Exec(ctx, `INSERT INTO story_aliases (from_id, into_id, merged) VALUES ($1, $2, $3)
		ON CONFLICT (from_id) DO UPDATE SET into_id = excluded.into_id, merged = excluded.merged`,
		from, into, formatTime(now))
	return moved, err
}

// StoryAlias returns the story that a merged story's articles now belong
// to, or store.ErrNotFound when id was never merged.
func (db *DB) StoryAlias(ctx context.Context, id string) (string, error) {
	var into string
	err := db.pool.QueryRow(ctx, `SELECT into_id FROM story_aliases WHERE from_id = $1`, id).Scan(&into)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", fmt.Errorf("postgres: story alias %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("postgres: story alias %s: %w", id, err)
	}
	return into, nil
}
