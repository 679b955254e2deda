package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"parallax/internal/model"
	"parallax/internal/store"
)

// MergeStory moves every article of story from into story into, keeping
// their events, deletes the emptied story and records that from now
// leads to into, all in one transaction. It returns the moved articles.
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
	type row struct {
		id, event string
		passages  []model.Passage
	}
	rows, err := tx.Query(ctx, `SELECT id, COALESCE(event_id, ''), COALESCE(passages, '') FROM articles
		WHERE story_id = $1 ORDER BY assign_seq, id`, from)
	if err != nil {
		return nil, err
	}
	arts, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (row, error) {
		var a row
		var ps string
		if err := r.Scan(&a.id, &a.event, &ps); err != nil {
			return a, err
		}
		var err error
		a.passages, err = store.DecodePassages(ps)
		return a, err
	})
	if err != nil {
		return nil, err
	}
	now := db.now()
	moved := make([]string, 0, len(arts))
	for _, a := range arts {
		if err := assign(ctx, tx, a.id, into, a.event, a.passages, now); err != nil {
			return nil, err
		}
		moved = append(moved, a.id)
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
