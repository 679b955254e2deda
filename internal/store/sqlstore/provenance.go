package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"parallax/internal/model"
	"parallax/internal/store"
)

// NearDuplicates returns the articles stored as near-duplicates of id.
func (db *Store) NearDuplicates(ctx context.Context, id string) ([]*model.Article, error) {
	return db.listArticles(ctx, "near duplicates of "+id, `SELECT `+articleColumns+` FROM articles
		WHERE duplicate_of = ? ORDER BY seq`, id)
}

// SaveProvenance stores an article's provenance unless it has one.
func (db *Store) SaveProvenance(ctx context.Context, p model.Provenance) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := articleExists(ctx, tx, p.ArticleID, db.forShare()); err != nil {
		return db.errorf("save provenance: %w", err)
	}
	if err := insertProvenance(ctx, tx, p); err != nil {
		return db.errorf("save provenance of %s: %w", p.ArticleID, err)
	}
	return tx.Commit()
}

// insertProvenance stores p unless its article has a provenance.
func insertProvenance(ctx context.Context, tx *Tx, p model.Provenance) error {
	raw := p.Raw
	if raw == nil {
		raw = []byte{} // NOT NULL: an empty blob, which PostgreSQL would take nil for NULL
	}
	_, err := tx.Exec(ctx, `INSERT INTO provenance (article_id, origin, fetched, format, raw)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
		p.ArticleID, p.Origin, NullTime(p.Fetched), p.Format, raw)
	return err
}

// Provenance returns an article's provenance.
func (db *Store) Provenance(ctx context.Context, articleID string) (*model.Provenance, error) {
	p := model.Provenance{ArticleID: articleID}
	var fetched sql.NullString
	err := db.reader().QueryRow(ctx, `SELECT origin, fetched, format, raw FROM provenance WHERE article_id = ?`,
		articleID).Scan(&p.Origin, &fetched, &p.Format, &p.Raw)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.errorf("provenance of %s: %w", articleID, store.ErrNotFound)
	}
	if err != nil {
		return nil, db.errorf("provenance of %s: %w", articleID, err)
	}
	if p.Fetched, err = ParseTime(fetched); err != nil {
		return nil, db.errorf("provenance of %s: %w", articleID, err)
	}
	return &p, nil
}

// ArticleIDs returns every article id in insertion order.
func (db *Store) ArticleIDs(ctx context.Context) ([]string, error) {
	rows, err := db.reader().Query(ctx, `SELECT id FROM articles ORDER BY seq`)
	if err != nil {
		return nil, db.errorf("article ids: %w", err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, db.errorf("article ids: %w", err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, db.errorf("article ids: %w", err)
	}
	return ids, nil
}

// UpdateArticle replaces a stored article's extracted fields; a new text
// drops the article's passages, which pointed into the old one, and its
// extra placements, whose stories are refreshed.
func (db *Store) UpdateArticle(ctx context.Context, a *model.Article) error {
	tx, err := db.beginMembership(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	old, err := readPlaced(ctx, tx, a.ID)
	if err != nil {
		return db.errorf("update article: %w", err)
	}
	var sameText bool
	if err := tx.QueryRow(ctx, `SELECT body = ? FROM articles WHERE id = ?`, a.Text, a.ID).Scan(&sameText); err != nil {
		return db.errorf("update article %s: %w", a.ID, err)
	}
	published, fetched := NullTime(a.Published), NullTime(a.Fetched)
	if _, err := tx.Exec(ctx, `UPDATE articles SET url = ?, canonical_url = ?, source = ?, title = ?,
		byline = ?, published = ?, lang = ?, body = ?, content_hash = ?, fetched = COALESCE(?, fetched),
		sort_time = COALESCE(?, ?, added), passages = CASE WHEN body = ? THEN passages END,
		published_inferred = ?
		WHERE id = ?`,
		a.URL, NullString(a.CanonicalURL), a.Source, a.Title, a.Byline, published, a.Language, a.Text,
		NullString(a.ContentHash), fetched, published, fetched, a.Text, a.PublishedInferred && published.Valid, a.ID); err != nil {
		return db.errorf("update article %s: %w", a.ID, err)
	}
	if !sameText && len(old.also) > 0 {
		if err := dropAlso(ctx, tx, a.ID, old.also, db.now()); err != nil {
			return db.errorf("update article %s: %w", a.ID, err)
		}
	}
	if err := recountIfChanged(ctx, tx, a.ID, old, sameText, db.now()); err != nil {
		return db.errorf("update article %s: %w", a.ID, err)
	}
	return tx.Commit()
}

// dropAlso deletes an article's extra placements also and refreshes their
// stories.
func dropAlso(ctx context.Context, tx *Tx, articleID string, also []model.Placement, now time.Time) error {
	if _, err := tx.Exec(ctx, `DELETE FROM placements WHERE article_id = ?`, articleID); err != nil {
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
func recountIfChanged(ctx context.Context, tx *Tx, id string, old placed, sameText bool, now time.Time) error {
	if old.in.StoryID == "" {
		return nil
	}
	var m member
	if err := tx.QueryRow(ctx, `SELECT source, published, sort_time FROM articles WHERE id = ?`, id).
		Scan(&m.source, &m.published, &m.seen); err != nil {
		return err
	}
	if m.source == old.m.source && m.published == old.m.published && m.seen == old.m.seen {
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
func (db *Store) ResetStories(ctx context.Context) error {
	tx, err := db.beginMembership(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
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
			return db.errorf("reset stories: %w", err)
		}
	}
	return tx.Commit()
}
