package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"parallax/internal/model"
	"parallax/internal/store"
)

// articleColumns is the column list read by scanArticle.
const articleColumns = `id, url, canonical_url, source, title, byline, published, lang, body,
	content_hash, origin, fetched, story_id, event_id, duplicate_of, passages, published_inferred, queue_seq`

// AddArticle stores a new article unless one with the same id, canonical
// URL or content hash exists; then it returns that article's id. The check
// and the insert are one transaction backed by unique constraints (ON
// CONFLICT DO NOTHING): of concurrent inserts of one article, one wins and
// the others wait for it, then find it. An article queued before the
// pending exact duplicates it meets takes their place (replace.go).
// Article.StoryID and EventID are ignored: use Assign.
func (db *Store) AddArticle(ctx context.Context, a *model.Article) (bool, string, error) {
	return db.storeArticle(ctx, a, "add article "+a.ID, nil)
}

// storeArticle adds a in one transaction with whatever then does with the
// outcome (nil: nothing more); what names the step in an error.
func (db *Store) storeArticle(ctx context.Context, a *model.Article, what string,
	then func(tx *Tx, added bool, existing string, now time.Time) error) (bool, string, error) {
	if err := db.checkNew(a); err != nil {
		return false, "", err
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return false, "", err
	}
	defer tx.Rollback()
	now := db.now()
	added, existing, err := db.addArticle(ctx, tx, a, now)
	if err == nil && then != nil {
		err = then(tx, added, existing, now)
	}
	if err != nil {
		return false, "", db.errorf("%s: %w", what, err)
	}
	return added, existing, tx.Commit()
}

// checkNew refuses an article that cannot be stored.
func (db *Store) checkNew(a *model.Article) error {
	if a == nil || a.ID == "" {
		return fmt.Errorf("%w: article without id", db.d.Invalid)
	}
	if err := model.CheckArticle(a); err != nil {
		return fmt.Errorf("%w: %w", db.d.Invalid, err)
	}
	return nil
}

// addArticle inserts a, in place of the pending exact duplicates queued
// after it, or finds the article it duplicates.
func (db *Store) addArticle(ctx context.Context, tx *Tx, a *model.Article, now time.Time) (bool, string, error) {
	for range 3 {
		if inserted, err := insertArticle(ctx, tx, a, now); err != nil || inserted {
			return inserted, "", err
		}
		cs, err := db.colliders(ctx, tx, a)
		if err != nil {
			return false, "", err
		}
		if len(cs) == 0 {
			continue // the article it met went away meanwhile: try again
		}
		if !replaces(a, cs) {
			return false, preferred(a, cs), nil
		}
		return true, "", replace(ctx, tx, a, cs, now)
	}
	return false, "", errors.New("insert ignored but no conflicting article found")
}

// insertArticle inserts a unless it collides with a stored article.
func insertArticle(ctx context.Context, tx *Tx, a *model.Article, now time.Time) (bool, error) {
	published, fetched := NullTime(a.Published), NullTime(a.Fetched)
	added := FormatTime(now)
	sortTime := added
	switch {
	case published.Valid:
		sortTime = published.String
	case fetched.Valid:
		sortTime = fetched.String
	}
	queueSeq := sql.NullInt64{Int64: a.QueueSeq, Valid: a.QueueSeq > 0}
	res, err := tx.Exec(ctx, `INSERT INTO articles
		(id, url, canonical_url, source, title, byline, published, lang, body,
		 content_hash, origin, fetched, added, sort_time, duplicate_of, published_inferred, queue_seq)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT DO NOTHING`,
		a.ID, a.URL, NullString(a.CanonicalURL), a.Source, a.Title, a.Byline, published, a.Language, a.Text,
		NullString(a.ContentHash), a.Origin, fetched, added, sortTime, NullString(a.DuplicateOf),
		a.PublishedInferred && published.Valid, queueSeq)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// RecordDuplicate notes that input origin repeated article articleID. It
// returns store.ErrNotFound when that article is not stored.
func (db *Store) RecordDuplicate(ctx context.Context, origin, articleID string) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := db.recordDuplicate(ctx, tx, origin, articleID, db.now()); err != nil {
		return db.errorf("record duplicate %s of %s: %w", origin, articleID, err)
	}
	return tx.Commit()
}

// recordDuplicate inserts the duplicate row. Where rows lock, the article
// is held (FOR SHARE) from the check to the insert: a concurrent store
// that replaces it (an input queued earlier) waits, or has already
// deleted it, which is store.ErrNotFound, never a foreign key error.
func (db *Store) recordDuplicate(ctx context.Context, tx *Tx, origin, articleID string, now time.Time) error {
	if err := articleExists(ctx, tx, articleID, db.forShare()); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, `INSERT INTO duplicates (origin, article_id, recorded)
		VALUES (?, ?, ?) ON CONFLICT DO NOTHING`, origin, articleID, FormatTime(now))
	if err != nil && db.d.ForeignKeyViolation != nil && db.d.ForeignKeyViolation(err) {
		return fmt.Errorf("article %s: %w", articleID, store.ErrNotFound)
	}
	return err
}

// articleExists returns store.ErrNotFound unless article id is stored;
// lock ends the query (a row-locking clause, or nothing).
func articleExists(ctx context.Context, tx *Tx, id, lock string) error {
	var one int
	err := tx.QueryRow(ctx, `SELECT 1 FROM articles WHERE id = ?`+lock, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("article %s: %w", id, store.ErrNotFound)
	}
	return err
}

// Article returns one article with its text.
func (db *Store) Article(ctx context.Context, id string) (*model.Article, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	as, err := queryArticles(ctx, tx, `SELECT `+articleColumns+` FROM articles WHERE id = ?`, id)
	if err == nil {
		err = withAlso(ctx, tx, as, `SELECT `+placementColumns+` FROM placements p WHERE p.article_id = ?`, id)
	}
	if err != nil {
		return nil, db.errorf("article %s: %w", id, err)
	}
	if len(as) == 0 {
		return nil, db.errorf("article %s: %w", id, store.ErrNotFound)
	}
	return as[0], nil
}

// ArticleLeads returns the start of the text of the untitled articles
// among ids (store.Store).
func (db *Store) ArticleLeads(ctx context.Context, ids []string) (map[string]string, error) {
	out := map[string]string{}
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	for start := 0; start < len(ids); start += leadBatch {
		part := ids[start:min(start+leadBatch, len(ids))]
		args := make([]any, 0, len(part)+1)
		args = append(args, store.LeadChars)
		for _, id := range part {
			args = append(args, id)
		}
		if err := articleLeads(ctx, tx, args, out); err != nil {
			return nil, db.errorf("article leads: %w", err)
		}
	}
	return out, nil
}

// leadBatch is how many ids one ArticleLeads query asks for.
const leadBatch = 200

// articleLeads reads the leads of the untitled articles among args[1:]
// into out (args[0] is how many characters).
func articleLeads(ctx context.Context, tx *Tx, args []any, out map[string]string) error {
	rows, err := tx.Query(ctx, `SELECT id, substr(body, 1, ?) FROM articles
		WHERE title = '' AND id IN (?`+strings.Repeat(", ?", len(args)-2)+`)`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, lead string
		if err := rows.Scan(&id, &lead); err != nil {
			return err
		}
		out[id] = lead
	}
	return rows.Err()
}

// PendingArticles returns unassigned articles by publication time (unknown
// dates count as the fetch time, else the time stored), then id.
func (db *Store) PendingArticles(ctx context.Context) ([]*model.Article, error) {
	return db.listArticles(ctx, "pending articles", `SELECT `+articleColumns+` FROM articles
		WHERE story_id IS NULL ORDER BY sort_time, id`)
}

// ClusteredArticles returns assigned articles, with their extra
// placements, in assignment order.
func (db *Store) ClusteredArticles(ctx context.Context) ([]*model.Article, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	as, err := queryArticles(ctx, tx, `SELECT `+articleColumns+` FROM articles
		WHERE story_id IS NOT NULL ORDER BY assign_seq`)
	if err == nil {
		err = withAlso(ctx, tx, as, `SELECT `+placementColumns+` FROM placements p`)
	}
	if err != nil {
		return nil, db.errorf("clustered articles: %w", err)
	}
	return as, nil
}

// listArticles runs an article query in a read transaction.
func (db *Store) listArticles(ctx context.Context, what, query string, args ...any) ([]*model.Article, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	as, err := queryArticles(ctx, tx, query, args...)
	if err != nil {
		return nil, db.errorf("%s: %w", what, err)
	}
	return as, nil
}

// queryArticles runs a query selecting articleColumns.
func queryArticles(ctx context.Context, tx *Tx, query string, args ...any) ([]*model.Article, error) {
	rows, err := tx.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var as []*model.Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, err
		}
		as = append(as, a)
	}
	return as, rows.Err()
}

// scanArticle reads one row of articleColumns.
func scanArticle(rows *sql.Rows) (*model.Article, error) {
	var (
		a                             model.Article
		canonical, hash, story, event sql.NullString
		duplicateOf, passages         sql.NullString
		published, fetched            sql.NullString
		queueSeq                      sql.NullInt64
		err                           error
	)
	if err = rows.Scan(&a.ID, &a.URL, &canonical, &a.Source, &a.Title, &a.Byline, &published, &a.Language,
		&a.Text, &hash, &a.Origin, &fetched, &story, &event, &duplicateOf, &passages, &a.PublishedInferred, &queueSeq); err != nil {
		return nil, err
	}
	a.QueueSeq = queueSeq.Int64
	a.CanonicalURL, a.ContentHash, a.StoryID, a.EventID = canonical.String, hash.String, story.String, event.String
	a.DuplicateOf = duplicateOf.String
	if a.Passages, err = store.DecodePassages(passages.String); err != nil {
		return nil, err
	}
	if a.Published, err = ParseTime(published); err != nil {
		return nil, err
	}
	if a.Fetched, err = ParseTime(fetched); err != nil {
		return nil, err
	}
	return &a, nil
}
