package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"parallax/internal/store"
)

// MergeStory moves every article of story from into story into, keeping
// their events and passages, and so every extra placement in from (see
// store.ResolvePlacements), deletes the emptied story and records that
// from now leads to into, all in one transaction. It returns the articles
// with a placement moved.
func (db *Store) MergeStory(ctx context.Context, from, into string) ([]string, error) {
	if from == "" || into == "" || from == into {
		return nil, fmt.Errorf("%w: merge story %q into %q", db.d.Invalid, from, into)
	}
	tx, err := db.beginMembership(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	moved, err := mergeStory(ctx, tx, from, into, db)
	if err != nil {
		return nil, db.errorf("merge story %s into %s: %w", from, into, err)
	}
	return moved, tx.Commit()
}

func mergeStory(ctx context.Context, tx *Tx, from, into string, db *Store) ([]string, error) {
	rows, err := tx.Query(ctx, `SELECT id FROM articles
		WHERE story_id = ? OR id IN (SELECT article_id FROM placements WHERE story_id = ?)
		ORDER BY assign_seq, id`, from, from)
	if err != nil {
		return nil, err
	}
	var moved []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		moved = append(moved, id)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
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
	stamp := FormatTime(now)
	if _, err := tx.Exec(ctx, `UPDATE story_aliases SET into_id = ? WHERE into_id = ?`, into, from); err != nil {
		return nil, err
	}
	if _, err := tx.Exec(ctx, `DELETE FROM story_aliases WHERE from_id = ?`, into); err != nil {
		return nil, err
	}
	_, err = tx.Exec(ctx, `INSERT INTO story_aliases (from_id, into_id, merged) VALUES (?, ?, ?)
		ON CONFLICT (from_id) DO UPDATE SET into_id = excluded.into_id, merged = excluded.merged`, from, into, stamp)
	return moved, err
}

// StoryAlias returns the story that a merged story's articles now belong
// to, or store.ErrNotFound when id was never merged.
func (db *Store) StoryAlias(ctx context.Context, id string) (string, error) {
	var into string
	err := db.reader().QueryRow(ctx, `SELECT into_id FROM story_aliases WHERE from_id = ?`, id).Scan(&into)
	if errors.Is(err, sql.ErrNoRows) {
		return "", db.errorf("story alias %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return "", db.errorf("story alias %s: %w", id, err)
	}
	return into, nil
}
