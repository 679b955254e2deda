package sqlstore

import (
	"context"
	"database/sql"

	"parallax/internal/model"
	"parallax/internal/store"
)

// placementColumns is the column list read by queryPlacements.
const placementColumns = `p.article_id, p.story_id, p.event_id, p.passages`

// queryPlacements runs a query selecting placementColumns and returns the
// extra placements it finds by article, each article's sorted.
func queryPlacements(ctx context.Context, tx *Tx, query string, args ...any) (map[string][]model.Placement, error) {
	rows, err := tx.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]model.Placement{}
	for rows.Next() {
		var id, passages string
		var p model.Placement
		var event sql.NullString
		if err := rows.Scan(&id, &p.StoryID, &event, &passages); err != nil {
			return nil, err
		}
		p.EventID = event.String
		if p.Passages, err = store.DecodePassages(passages); err != nil {
			return nil, err
		}
		out[id] = append(out[id], p)
	}
	for _, ps := range out {
		store.SortPlacements(ps)
	}
	return out, rows.Err()
}

// withAlso sets the Also of the articles as from a query selecting
// placementColumns (of placements p) that covers theirs.
func withAlso(ctx context.Context, tx *Tx, as []*model.Article, query string, args ...any) error {
	if len(as) == 0 {
		return nil
	}
	byArticle, err := queryPlacements(ctx, tx, query, args...)
	if err != nil {
		return err
	}
	for _, a := range as {
		a.Also = byArticle[a.ID]
	}
	return nil
}
