package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"parallax/internal/model"
	"parallax/internal/store"
)

// storyColumns is the column list read by queryStories: with whether no
// article has a publication date, and how many have no outlet.
const storyColumns = `id, title, articles, outlets, first_time, last_time, pub_min IS NULL,
	COALESCE((SELECT n FROM story_sources u WHERE u.story_id = stories.id AND u.source = ''), 0)`

// storyColumnsOf is storyColumns for a query that names the stories table
// alias.
func storyColumnsOf(alias string) string {
	return strings.ReplaceAll(storyColumns, "stories.id", alias+".id")
}

// StaleStories returns the ids of stories whose brief must be rebuilt,
// least recently active first.
func (db *DB) StaleStories(ctx context.Context) ([]string, error) {
	rows, err := db.pool.Query(ctx, `SELECT id FROM stories WHERE stale ORDER BY activity_seq, id`)
	if err != nil {
		return nil, fmt.Errorf("postgres: stale stories: %w", err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("postgres: stale stories: %w", err)
	}
	return ids, nil
}

// StoryArticles returns a story's articles with text, by publication time
// then id (store.ErrNotFound if the story does not exist): those whose own
// story it is and those placed there as an extra story, each with the
// event and passages of its placement there.
func (db *DB) StoryArticles(ctx context.Context, storyID string) ([]*model.Article, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer rollback(ctx, tx)
	var version int64
	err = tx.QueryRow(ctx, `SELECT version FROM stories WHERE id = $1`, storyID).Scan(&version)
	if errors.Is(err, pgx.ErrNoRows) {
		err = fmt.Errorf("story %s: %w", storyID, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: story articles: %w", err)
	}
	as, err := queryArticles(ctx, tx, `SELECT `+articleColumns+` FROM `+placedIn+`
		ORDER BY sort_time, id`, storyID)
	if err != nil {
		return nil, fmt.Errorf("postgres: story %s articles: %w", storyID, err)
	}
	db.basis.Record(storyID, version)
	return as, nil
}

// SaveBrief stores a story's brief as JSON, takes its title (when not
// empty) and clears the stale mark, unless the story changed since this
// process last read it with StoryArticles: then the brief is stored but
// the story stays stale, so that the newer articles get into a later brief.
func (db *DB) SaveBrief(ctx context.Context, storyID string, b *model.Brief) error {
	if b == nil {
		return fmt.Errorf("%w: save brief %s: nil brief", ErrInvalid, storyID)
	}
	data, err := json.Marshal(b)
	if err != nil {
		return fmt.Errorf("postgres: save brief %s: %w", storyID, err)
	}
	version, known := db.basis.Take(storyID)
	tag, err := db.pool.Exec(ctx, `UPDATE stories SET brief = $1, brief_time = $2,
		stale = CASE WHEN $3 AND version <> $4 THEN stale ELSE FALSE END,
		title = CASE WHEN $5 <> '' THEN $5 ELSE title END
		WHERE id = $6`, string(data), formatTime(db.now()), known, version, b.Title, storyID)
	if err != nil {
		return fmt.Errorf("postgres: save brief %s: %w", storyID, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("postgres: save brief %s: story %s: %w", storyID, storyID, store.ErrNotFound)
	}
	return nil
}

// Stories lists stories, most recent activity (the story that last got an
// article) first. A limit <= 0 means no limit.
func (db *DB) Stories(ctx context.Context, limit, offset int) ([]model.Story, error) {
	query := `SELECT ` + storyColumns + ` FROM stories ORDER BY activity_seq DESC, id`
	var args []any
	switch {
	case limit > 0:
		query += ` LIMIT $1 OFFSET $2`
		args = append(args, limit, max(offset, 0))
	case offset > 0:
		query += ` OFFSET $1`
		args = append(args, offset)
	}
	ss, err := queryStories(ctx, db.pool, query, args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: stories: %w", err)
	}
	return ss, nil
}

// Story returns one story, its brief (nil until built) and its articles by
// publication time, from one snapshot.
func (db *DB) Story(ctx context.Context, id string) (*model.Story, *model.Brief, []model.ArticleRef, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, nil, nil, err
	}
	defer rollback(ctx, tx)
	ss, err := queryStories(ctx, tx, `SELECT `+storyColumns+` FROM stories WHERE id = $1`, id)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("postgres: story %s: %w", id, err)
	}
	if len(ss) == 0 {
		return nil, nil, nil, fmt.Errorf("postgres: story: story %s: %w", id, store.ErrNotFound)
	}
	b, err := storyBrief(ctx, tx, id)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("postgres: story %s brief: %w", id, err)
	}
	refs, err := articleRefs(ctx, tx, id)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("postgres: story %s articles: %w", id, err)
	}
	return &ss[0], b, refs, nil
}

// storyBrief decodes a story's brief, nil if none.
func storyBrief(ctx context.Context, tx pgx.Tx, id string) (*model.Brief, error) {
	var data []byte
	err := tx.QueryRow(ctx, `SELECT brief FROM stories WHERE id = $1`, id).Scan(&data)
	if errors.Is(err, pgx.ErrNoRows) || (err == nil && data == nil) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var b model.Brief
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, err
	}
	return &b, nil
}

// articleRefs lists a story's articles without text, as StoryArticles
// does, with the event and passages of their placement there.
func articleRefs(ctx context.Context, tx pgx.Tx, storyID string) ([]model.ArticleRef, error) {
	rows, err := tx.Query(ctx, `SELECT id, url, source, title, published, event_id, duplicate_of, passages
		FROM `+placedRefs+` ORDER BY sort_time, id`, storyID)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (model.ArticleRef, error) {
		var r model.ArticleRef
		var published, event, dupOf, passages *string
		if err := row.Scan(&r.ID, &r.URL, &r.Source, &r.Title, &published, &event, &dupOf, &passages); err != nil {
			return r, err
		}
		var err error
		if r.Passages, err = store.DecodePassages(str(passages)); err != nil {
			return r, err
		}
		r.Published, err = parseTime(published)
		r.EventID, r.DuplicateOf = str(event), str(dupOf)
		return r, err
	})
}

// queryStories runs a query selecting storyColumns.
func queryStories(ctx context.Context, q querier, query string, args ...any) ([]model.Story, error) {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (model.Story, error) {
		var s model.Story
		var first, last *string
		if err := row.Scan(&s.ID, &s.Title, &s.Articles, &s.Outlets, &first, &last, &s.Undated, &s.NoOutlet); err != nil {
			return s, err
		}
		var err error
		if s.First, err = parseTime(first); err != nil {
			return s, err
		}
		s.Last, err = parseTime(last)
		return s, err
	})
}
