package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

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
func (db *Store) StaleStories(ctx context.Context) ([]string, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	rows, err := tx.Query(ctx, `SELECT id FROM stories WHERE stale = `+db.d.True+` ORDER BY activity_seq, id`)
	if err != nil {
		return nil, db.errorf("stale stories: %w", err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, db.errorf("stale stories: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// StoryArticles returns a story's articles with text, by publication time
// then id (store.ErrNotFound if the story does not exist): those whose own
// story it is and those placed there as an extra story, each with the
// event and passages of its placement there.
func (db *Store) StoryArticles(ctx context.Context, storyID string) ([]*model.Article, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	version, err := storyVersion(ctx, tx, storyID)
	if err != nil {
		return nil, db.errorf("story articles: %w", err)
	}
	as, err := queryArticles(ctx, tx, `SELECT `+articleColumns+` FROM `+placedIn+`
		ORDER BY sort_time, id`, storyID, storyID)
	if err != nil {
		return nil, db.errorf("story %s articles: %w", storyID, err)
	}
	db.basis.Record(storyID, version)
	return as, nil
}

// SaveBrief stores a story's brief as JSON, takes its title (when not
// empty) and clears the stale mark, unless the story changed since this
// process last read it with StoryArticles: then the brief is stored but
// the story stays stale, so that the newer articles get into a later brief.
func (db *Store) SaveBrief(ctx context.Context, storyID string, b *model.Brief) error {
	if b == nil {
		return fmt.Errorf("%w: save brief %s: nil brief", db.d.Invalid, storyID)
	}
	data, err := json.Marshal(b)
	if err != nil {
		return db.errorf("save brief %s: %w", storyID, err)
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	version, known := db.basis.Take(storyID)
	if err := db.saveBrief(ctx, tx, storyID, b.Title, data, version, known, db.now()); err != nil {
		return db.errorf("save brief %s: %w", storyID, err)
	}
	return tx.Commit()
}

// saveBrief stores a brief built from the given story version (any
// version when known is false).
func (db *Store) saveBrief(ctx context.Context, tx *Tx, storyID, title string, data []byte, version int64, known bool, now time.Time) error {
	res, err := tx.Exec(ctx, `UPDATE stories SET brief = ?, brief_time = ?,
		stale = CASE WHEN ? AND version <> ? THEN stale ELSE FALSE END,
		title = CASE WHEN ? <> '' THEN ? ELSE title END
		WHERE id = ?`, string(data), FormatTime(now), known, version, title, title, storyID)
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("story %s: %w", storyID, store.ErrNotFound)
	}
	return nil
}

// Stories lists stories, most recent activity (the story that last got an
// article) first. A limit <= 0 means no limit.
func (db *Store) Stories(ctx context.Context, limit, offset int) ([]model.Story, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	query := `SELECT ` + storyColumns + ` FROM stories ORDER BY activity_seq DESC, id`
	var args []any
	switch {
	case limit > 0:
		query += ` LIMIT ? OFFSET ?`
		args = append(args, limit, max(offset, 0))
	case offset > 0:
		query += ` LIMIT ` + db.d.NoLimit + ` OFFSET ?`
		args = append(args, offset)
	}
	ss, err := queryStories(ctx, tx, query, args...)
	if err != nil {
		return nil, db.errorf("stories: %w", err)
	}
	return ss, nil
}

// Story returns one story, its brief (nil until built) and its articles by
// publication time.
func (db *Store) Story(ctx context.Context, id string) (*model.Story, *model.Brief, []model.ArticleRef, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, nil, nil, err
	}
	defer tx.Rollback()
	s, err := storyByID(ctx, tx, id)
	if err != nil {
		return nil, nil, nil, db.errorf("story: %w", err)
	}
	b, err := storyBrief(ctx, tx, id)
	if err != nil {
		return nil, nil, nil, db.errorf("story %s brief: %w", id, err)
	}
	refs, err := articleRefs(ctx, tx, id)
	if err != nil {
		return nil, nil, nil, db.errorf("story %s articles: %w", id, err)
	}
	return s, b, refs, nil
}

// storyByID reads one story, store.ErrNotFound if absent.
func storyByID(ctx context.Context, tx *Tx, id string) (*model.Story, error) {
	ss, err := queryStories(ctx, tx, `SELECT `+storyColumns+` FROM stories WHERE id = ?`, id)
	if err != nil {
		return nil, err
	}
	if len(ss) == 0 {
		return nil, fmt.Errorf("story %s: %w", id, store.ErrNotFound)
	}
	return &ss[0], nil
}

// storyVersion returns a story's version, store.ErrNotFound if absent.
func storyVersion(ctx context.Context, tx *Tx, id string) (int64, error) {
	var v int64
	err := tx.QueryRow(ctx, `SELECT version FROM stories WHERE id = ?`, id).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("story %s: %w", id, store.ErrNotFound)
	}
	return v, err
}

// storyBrief decodes a story's brief, nil if none.
func storyBrief(ctx context.Context, tx *Tx, id string) (*model.Brief, error) {
	var data sql.NullString
	err := tx.QueryRow(ctx, `SELECT brief FROM stories WHERE id = ?`, id).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && !data.Valid) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var b model.Brief
	if err := json.Unmarshal([]byte(data.String), &b); err != nil {
		return nil, err
	}
	return &b, nil
}

// articleRefs lists a story's articles without text, as StoryArticles
// does, with the event and passages of their placement there.
func articleRefs(ctx context.Context, tx *Tx, storyID string) ([]model.ArticleRef, error) {
	rows, err := tx.Query(ctx, `SELECT id, url, source, title, published, event_id, duplicate_of, passages
		FROM `+placedRefs+` ORDER BY sort_time, id`, storyID, storyID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var refs []model.ArticleRef
	for rows.Next() {
		var r model.ArticleRef
		var published, event, dupOf, passages sql.NullString
		if err := rows.Scan(&r.ID, &r.URL, &r.Source, &r.Title, &published, &event, &dupOf, &passages); err != nil {
			return nil, err
		}
		if r.Passages, err = store.DecodePassages(passages.String); err != nil {
			return nil, err
		}
		if r.Published, err = ParseTime(published); err != nil {
			return nil, err
		}
		r.EventID, r.DuplicateOf = event.String, dupOf.String
		refs = append(refs, r)
	}
	return refs, rows.Err()
}

// queryStories runs a query selecting storyColumns.
func queryStories(ctx context.Context, tx *Tx, query string, args ...any) ([]model.Story, error) {
	rows, err := tx.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ss []model.Story
	for rows.Next() {
		var s model.Story
		var first, last sql.NullString
		if err := rows.Scan(&s.ID, &s.Title, &s.Articles, &s.Outlets, &first, &last, &s.Undated, &s.NoOutlet); err != nil {
			return nil, err
		}
		if s.First, err = ParseTime(first); err != nil {
			return nil, err
		}
		if s.Last, err = ParseTime(last); err != nil {
			return nil, err
		}
		ss = append(ss, s)
	}
	return ss, rows.Err()
}
