package sqlstore

import (
	"context"
	"time"

	"parallax/internal/model"
)

// AddInput stores an article with its provenance, or records what its
// input was to the article it duplicates, in one transaction.
func (db *Store) AddInput(ctx context.Context, a *model.Article, p model.Provenance) (bool, string, error) {
	return db.storeArticle(ctx, a, "add input "+p.Origin, func(tx *Tx, added bool, existing string, now time.Time) error {
		return saveInput(ctx, tx, a.ID, p, added, existing, now)
	})
}

// saveInput stores p for the article stored from it, id when added, else
// for existing if that came from the same input; otherwise it records the
// input as a duplicate of existing (locked by addArticle where rows lock,
// so it cannot be replaced meanwhile).
func saveInput(ctx context.Context, tx *Tx, id string, p model.Provenance, added bool, existing string, now time.Time) error {
	if added {
		p.ArticleID = id
		return insertProvenance(ctx, tx, p)
	}
	var origin string
	if err := tx.QueryRow(ctx, `SELECT origin FROM articles WHERE id = ?`, existing).Scan(&origin); err != nil {
		return err
	}
	if origin == p.Origin {
		p.ArticleID = existing
		return insertProvenance(ctx, tx, p)
	}
	_, err := tx.Exec(ctx, `INSERT INTO duplicates (origin, article_id, recorded)
		VALUES (?, ?, ?) ON CONFLICT DO NOTHING`, p.Origin, existing, FormatTime(now))
	return err
}
