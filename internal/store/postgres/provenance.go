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

// NearDuplicates returns the articles stored as near-duplicates of id.
func (db *DB) NearDuplicates(ctx context.Context, id string) ([]*model.Article, error) {
	return db.listArticles(ctx, "near duplicates of "+id, `SELECT `+articleColumns+` FROM articles
		WHERE duplicate_of = $1 ORDER BY seq`, id)
}

// SaveProvenance stores an article's provenance unless it has one.
func (db *DB) SaveProvenance(ctx context.Context, p model.Provenance) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer rollback(ctx, tx)
	if err := articleExists(ctx, tx, p.ArticleID); err != nil {
		return fmt.Errorf("postgres: save provenance: %w", err)
	}
	raw := p.Raw
	if raw == nil {
		raw = []byte{} // NOT NULL, as in SQLite where an empty blob is not NULL
	}
	if _, err := tx.Exec(ctx, `INSERT INTO provenance (article_id, origin, fetched, format, raw)
		VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
		p.ArticleID, p.Origin, nullTime(p.Fetched), p.Format, raw); err != nil {
		return fmt.Errorf("postgres: save provenance of %s: %w", p.ArticleID, err)
	}
	return commit(ctx, tx)
}

// Provenance returns an article's provenance.
func (db *DB) Provenance(ctx context.Context, articleID string) (*model.Provenance, error) {
	p := model.Provenance{ArticleID: articleID}
	var fetched *string
	err := db.pool.QueryRow(ctx, `SELECT origin, fetched, format, raw FROM provenance WHERE article_id = $1`,
		articleID).Scan(&p.Origin, &fetched, &p.Format, &p.Raw)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("postgres: provenance of %s: %w", articleID, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: provenance of %s: %w", articleID, err)
	}
	if p.Fetched, err = parseTime(fetched); err != nil {
		return nil, fmt.Errorf("postgres: provenance of %s: %w", articleID, err)
	}
	return &p, nil
}

// ArticleIDs returns every article id in insertion order.
func (db *DB) ArticleIDs(ctx context.Context) ([]string, error) {
	rows, err := db.pool.Query(ctx, `SELECT id FROM articles ORDER BY seq`)
	if err != nil {
		return nil, fmt.Errorf("postgres: article ids: %w", err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("postgres: article ids: %w", err)
	}
	return ids, nil
}

// UpdateArticle replaces a stored article's extracted fields; a new text
// drops the article's passages, which pointed into the old one, and its
// extra placements, whose stories are refreshed (under the membership
// lock).
func (db *DB) UpdateArticle(ctx context.Context, a *model.Article) error {
	tx, err := db.beginCluster(ctx)
	if err != nil {
		return err
	}
	defer rollback(ctx, tx)
	old, err := readPlaced(ctx, tx, a.ID)
	if err != nil {
		return fmt.Errorf("postgres: update article: %w", err)
	}
	var sameText bool
	if err := tx.QueryRow(ctx, `SELECT body = $1 FROM articles WHERE id = $2`, a.Text, a.ID).Scan(&sameText); err != nil {
		return fmt.Errorf("postgres: update article %s: %w", a.ID, err)
	}
	published, fetched := nullTime(a.Published), nullTime(a.Fetched)
	if _, err := tx.Exec(ctx, `UPDATE articles SET url = $1, canonical_url = $2, source = $3, title = $4,
		byline = $5, published = $6, lang = $7, body = $8, content_hash = $9, fetched = COALESCE($10, fetched),
		sort_time = COALESCE($6, $10, added), passages = CASE WHEN body = $8 THEN passages END,
		published_inferred = $12
		WHERE id = $11`,
		a.URL, nullString(a.CanonicalURL), a.Source, a.Title, a.Byline, published, a.Language, a.Text,
		nullString(a.ContentHash), fetched, a.ID, a.PublishedInferred && published != nil); err != nil {
		return fmt.Errorf("postgres: update article %s: %w", a.ID, err)
	}
	if !sameText && len(old.also) > 0 {
		if err := dropAlso(ctx, tx, a.ID, old.also, db.now()); err != nil {
			return fmt.Errorf("postgres: update article %s: %w", a.ID, err)
		}
	}
	if err := recountIfChanged(ctx, tx, a.ID, old, sameText, db.now()); err != nil {
		return fmt.Errorf("postgres: update article %s: %w", a.ID, err)
	}
	return commit(ctx, tx)
}

// dropAlso deletes an article's extra placements also and refreshes their
// stories.
func dropAlso(ctx context.Context, tx pgx.Tx, articleID string, also []model.Placement, now time.Time) error {
	if _, err := tx.Exec(ctx, `DELETE FROM placements WHERE article_id = $1`, articleID); err != nil {
		return err
	}
	for _, p := range also {
		if err := refreshStory(ctx, tx, p.StoryID, false, now); err != nil {
			return err
		}
	}
	return nil
}

// recountIfChanged recounts the stories an updated article is placed in
// when what it adds to their aggregates (source, times) changed.
func recountIfChanged(ctx context.Context, tx pgx.Tx, id string, old placed, sameText bool, now time.Time) error {
	if old.in.StoryID == "" {
		return nil
	}
	var m member
	if err := tx.QueryRow(ctx, `SELECT source, published, sort_time FROM articles WHERE id = $1`, id).
		Scan(&m.source, &m.published, &m.seen); err != nil {
		return err
	}
	if m.source == old.m.source && str(m.published) == str(old.m.published) && str(m.seen) == str(old.m.seen) &&
		(m.published == nil) == (old.m.published == nil) {
		return nil
	}
	stories := []string{old.in.StoryID}
	if sameText {
		for _, p := range old.also {
			stories = append(stories, p.StoryID)
		}
	}
	for _, s := range stories {
		if err := refreshStory(ctx, tx, s, false, now); err != nil {
			return err
		}
	}
	return nil
}

// ResetStories forgets all clustering so every article is pending again.
func (db *DB) ResetStories(ctx context.Context) error {
	tx, err := db.beginCluster(ctx)
	if err != nil {
		return err
	}
	defer rollback(ctx, tx)
	for _, q := range []string{
		`UPDATE articles SET story_id = NULL, event_id = NULL, assign_seq = NULL, passages = NULL
			WHERE story_id IS NOT NULL OR assign_seq IS NOT NULL OR passages IS NOT NULL`,
		`DELETE FROM placements`,
		`DELETE FROM events`,
		`DELETE FROM story_sources`,
		`DELETE FROM stories`,
		`DELETE FROM cluster_state`,
	} {
		if _, err := tx.Exec(ctx, q); err != nil {
			return fmt.Errorf("postgres: reset stories: %w", err)
		}
	}
	return commit(ctx, tx)
}
