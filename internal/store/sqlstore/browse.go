package sqlstore

import (
	"context"
	"fmt"
	"time"

	"parallax/internal/model"
	"parallax/internal/store"
)

// ListStories returns one page of the stories matching f and how many
// match (store.StoryListSQL; indexes from the browse migrations, SQLite
// 0014, PostgreSQL 0010).
func (db *Store) ListStories(ctx context.Context, f store.StoryFilter, limit, offset int) (store.StoryList, error) {
	where, order, args, err := store.StoryListSQL(f, func(int) string { return "?" }, func(t time.Time) string { return FormatTime(t) })
	if err != nil {
		return store.StoryList{}, fmt.Errorf("%w: %w", db.d.Invalid, err)
	}
	tx, err := db.beginRead(ctx)
	if err != nil {
		return store.StoryList{}, err
	}
	defer tx.Rollback()
	var l store.StoryList
	if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM stories s WHERE `+where, args...).Scan(&l.Total); err != nil {
		return l, db.errorf("list stories: %w", err)
	}
	page := ` LIMIT ` + db.d.NoLimit
	if limit > 0 {
		page, args = ` LIMIT ?`, append(args, limit)
	}
	// The page's ids first, from the indexes alone; then their rows.
	query := `SELECT ` + storyColumnsOf("s") + ` FROM stories s
		WHERE s.id IN (SELECT s.id FROM stories s WHERE ` + where + ` ORDER BY ` + order + page + ` OFFSET ?)
		ORDER BY ` + order
	if l.Stories, err = queryStories(ctx, tx, query, append(args, max(offset, 0))...); err != nil {
		return l, db.errorf("list stories: %w", err)
	}
	return l, nil
}

// Entity describes an entity from the rows the browse migrations keep of the
// saved briefs: the names it has alongside name, by how many stories use
// them.
func (db *Store) Entity(ctx context.Context, typ, name string) (model.EntityProfile, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return model.EntityProfile{}, err
	}
	defer tx.Rollback()
	p := model.EntityProfile{Type: typ, Name: name, Aliases: []model.NameCount{}}
	if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM entity_stories WHERE type = ? AND name = ?`, typ, name).Scan(&p.Stories); err != nil {
		return p, db.errorf("entity %s %q: %w", typ, name, err)
	}
	if p.Stories == 0 {
		return p, fmt.Errorf("entity %s %q: %w", typ, name, store.ErrNotFound)
	}
	if p.Aliases, err = nameCounts(ctx, tx, store.EntityAliasesSQL("?", "?"), typ, name); err != nil {
		return p, db.errorf("entity %s %q aliases: %w", typ, name, err)
	}
	return p, nil
}

// Outlet sums an outlet's rows of story_sources and outlet_framing.
func (db *Store) Outlet(ctx context.Context, source string) (model.OutletProfile, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return model.OutletProfile{}, err
	}
	defer tx.Rollback()
	p := model.OutletProfile{Source: source}
	err = tx.QueryRow(ctx, `SELECT COUNT(*), COALESCE(SUM(n), 0) FROM story_sources WHERE source = ?`, source).
		Scan(&p.Stories, &p.Articles)
	if err == nil && p.Stories == 0 {
		return p, fmt.Errorf("outlet %q: %w", source, store.ErrNotFound)
	}
	if err == nil {
		err = tx.QueryRow(ctx, `SELECT COUNT(*), COALESCE(SUM(claims), 0), COALESCE(SUM(all_claims), 0),
			COALESCE(SUM(attributed), 0), COALESCE(SUM(unattributed), 0) FROM outlet_framing WHERE source = ?`, source).
			Scan(&p.Briefed, &p.Claims, &p.AllClaims, &p.Attributed, &p.Unattributed)
	}
	for _, part := range []struct {
		col string
		out *[]model.NameCount
	}{{"loaded", &p.Loaded}, {"speakers", &p.Speakers}} {
		if err != nil {
			break
		}
		*part.out, err = nameCounts(ctx, tx, `SELECT w.value, COUNT(*) FROM outlet_framing o, `+db.d.JSONTexts("o."+part.col, "w")+`
			WHERE o.source = ? GROUP BY w.value ORDER BY COUNT(*) DESC, w.value`+db.d.Binary+` LIMIT `+fmt.Sprint(store.ProfileListMax), source)
	}
	if err != nil {
		return p, db.errorf("outlet %q: %w", source, err)
	}
	return p, nil
}

// nameCounts runs a query selecting (name, count) rows.
func nameCounts(ctx context.Context, tx *Tx, query string, args ...any) ([]model.NameCount, error) {
	rows, err := tx.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []model.NameCount{}
	for rows.Next() {
		var n model.NameCount
		if err := rows.Scan(&n.Name, &n.Stories); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}
