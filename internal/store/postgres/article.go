package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"parallax/internal/model"
	"parallax/internal/store"
)

// articleColumns is the column list read by scanArticle.
const articleColumns = `id, url, canonical_url, source, title, byline, published, lang, body,
	content_hash, origin, fetched, story_id, event_id, duplicate_of, passages, published_inferred`

// AddArticle stores a new article unless one with the same id, canonical
// URL or content hash exists; then it returns that article's id. The
// insert relies on the unique constraints (ON CONFLICT DO NOTHING): of
// concurrent inserts of one article, one wins and the others wait for it,
// then find it. Article.StoryID and EventID are ignored: use Assign.
func (db *DB) AddArticle(ctx context.Context, a *model.Article) (bool, string, error) {
	if a == nil || a.ID == "" {
		return false, "", fmt.Errorf("%w: article without id", ErrInvalid)
	}
	if err := model.CheckArticle(a); err != nil {
		return false, "", fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return false, "", err
	}
	defer rollback(ctx, tx)
	added, existing, err := addArticle(ctx, tx, a, db.now())
	if err != nil {
		return false, "", fmt.Errorf("postgres: add article %s: %w", a.ID, err)
	}
	return added, existing, commit(ctx, tx)
}

// addArticle inserts a, or finds the article it duplicates.
func addArticle(ctx context.Context, tx pgx.Tx, a *model.Article, now time.Time) (bool, string, error) {
	published, fetched := nullTime(a.Published), nullTime(a.Fetched)
	added := formatTime(now)
	sortTime := added
	switch {
	case published != nil:
		sortTime = *published
	case fetched != nil:
		sortTime = *fetched
	}
	tag, err := tx.Exec(ctx, `INSERT INTO articles
		(id, url, canonical_url, source, title, byline, published, lang, body,
		 content_hash, origin, fetched, added, sort_time, duplicate_of, published_inferred)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
		ON CONFLICT DO NOTHING`,
		a.ID, a.URL, nullString(a.CanonicalURL), a.Source, a.Title, a.Byline, published, a.Language, a.Text,
		nullString(a.ContentHash), a.Origin, fetched, added, sortTime, nullString(a.DuplicateOf), a.PublishedInferred && published != nil)
	if err != nil {
		return false, "", err
	}
	if tag.RowsAffected() == 1 {
		return true, "", nil
	}
	existing, err := findDuplicate(ctx, tx, a)
	return false, existing, err
}

// findDuplicate returns the id of the stored article that a collides with,
// preferring a match on id, then canonical URL, then content hash.
func findDuplicate(ctx context.Context, tx pgx.Tx, a *model.Article) (string, error) {
	var id string
	err := tx.QueryRow(ctx, `SELECT id FROM articles
		WHERE id = $1 OR canonical_url = $2 OR content_hash = $3
		ORDER BY CASE WHEN id = $1 THEN 0 WHEN canonical_url = $2 THEN 1 ELSE 2 END
		LIMIT 1`,
		a.ID, nullString(a.CanonicalURL), nullString(a.ContentHash)).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", errors.New("insert ignored but no conflicting article found")
	}
	return id, err
}

// RecordDuplicate notes that input origin repeated article articleID. It
// returns store.ErrNotFound when that article is not stored.
func (db *DB) RecordDuplicate(ctx context.Context, origin, articleID string) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer rollback(ctx, tx)
	if err := articleExists(ctx, tx, articleID); err != nil {
		return fmt.Errorf("postgres: record duplicate %s of %s: %w", origin, articleID, err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO duplicates (origin, article_id, recorded)
		VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, origin, articleID, formatTime(db.now())); err != nil {
		return fmt.Errorf("postgres: record duplicate %s of %s: %w", origin, articleID, err)
	}
	return commit(ctx, tx)
}

// articleExists returns store.ErrNotFound unless article id is stored.
func articleExists(ctx context.Context, tx pgx.Tx, id string) error {
	var one int
	err := tx.QueryRow(ctx, `SELECT 1 FROM articles WHERE id = $1`, id).Scan(&one)
	if errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("article %s: %w", id, store.ErrNotFound)
	}
	return err
}

// Article returns one article with its text and extra placements, from
// one snapshot.
func (db *DB) Article(ctx context.Context, id string) (*model.Article, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer rollback(ctx, tx)
	as, err := queryArticles(ctx, tx, `SELECT `+articleColumns+` FROM articles WHERE id = $1`, id)
	if err == nil {
		err = withAlso(ctx, tx, as, `SELECT `+placementColumns+` FROM placements p WHERE p.article_id = $1`, id)
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: article %s: %w", id, err)
	}
	if len(as) == 0 {
		return nil, fmt.Errorf("postgres: article %s: %w", id, store.ErrNotFound)
	}
	return as[0], nil
}

// PendingArticles returns unassigned articles by publication time (unknown
// dates count as the fetch time, else the time stored), then id.
func (db *DB) PendingArticles(ctx context.Context) ([]*model.Article, error) {
	return db.listArticles(ctx, "pending articles", `SELECT `+articleColumns+` FROM articles
		WHERE story_id IS NULL ORDER BY sort_time, id`)
}

// ClusteredArticles returns assigned articles, with their extra
// placements, in assignment order, from one snapshot.
func (db *DB) ClusteredArticles(ctx context.Context) ([]*model.Article, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer rollback(ctx, tx)
	as, err := queryArticles(ctx, tx, `SELECT `+articleColumns+` FROM articles
		WHERE story_id IS NOT NULL ORDER BY assign_seq`)
	if err == nil {
		err = withAlso(ctx, tx, as, `SELECT `+placementColumns+` FROM placements p`)
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: clustered articles: %w", err)
	}
	return as, nil
}

// listArticles runs one article query (one statement: one snapshot).
func (db *DB) listArticles(ctx context.Context, what, query string, args ...any) ([]*model.Article, error) {
	as, err := queryArticles(ctx, db.pool, query, args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: %s: %w", what, err)
	}
	return as, nil
}

// querier is what a pool and a transaction share.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// queryArticles runs a query selecting articleColumns.
func queryArticles(ctx context.Context, q querier, query string, args ...any) ([]*model.Article, error) {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, scanArticle)
}

// scanArticle reads one row of articleColumns.
func scanArticle(row pgx.CollectableRow) (*model.Article, error) {
	var (
		a                             model.Article
		canonical, hash, story, event *string
		duplicateOf, passages         *string
		published, fetched            *string
		err                           error
	)
	if err = row.Scan(&a.ID, &a.URL, &canonical, &a.Source, &a.Title, &a.Byline, &published, &a.Language,
		&a.Text, &hash, &a.Origin, &fetched, &story, &event, &duplicateOf, &passages, &a.PublishedInferred); err != nil {
		return nil, err
	}
	a.CanonicalURL, a.ContentHash, a.StoryID, a.EventID = str(canonical), str(hash), str(story), str(event)
	a.DuplicateOf = str(duplicateOf)
	if a.Passages, err = store.DecodePassages(str(passages)); err != nil {
		return nil, err
	}
	if a.Published, err = parseTime(published); err != nil {
		return nil, err
	}
	if a.Fetched, err = parseTime(fetched); err != nil {
		return nil, err
	}
	return &a, nil
}
