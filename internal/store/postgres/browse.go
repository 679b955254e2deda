package postgres

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"

	"parallax/internal/model"
	"parallax/internal/store"
)

// ListStories returns one page of the stories matching f and how many
// match (store.StoryListSQL; indexes from migration 0010), from one
// snapshot.
func (db *DB) ListStories(ctx context.Context, f store.StoryFilter, limit, offset int) (store.StoryList, error) {
	where, order, args, err := store.StoryListSQL(f, func(i int) string { return "$" + strconv.Itoa(i) },
		func(t time.Time) string { return formatTime(t) })
	if err != nil {
		return store.StoryList{}, fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	tx, err := db.beginRead(ctx)
	if err != nil {
		return store.StoryList{}, err
	}
	defer rollback(ctx, tx)
	var l store.StoryList
	if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM stories s WHERE `+where, args...).Scan(&l.Total); err != nil {
		return l, fmt.Errorf("postgres: list stories: %w", err)
	}
	query := `SELECT ` + storyColumnsOf("s") + ` FROM stories s WHERE ` + where +
		` ORDER BY ` + order + ` OFFSET $` + strconv.Itoa(len(args)+1)
	args = append(args, max(offset, 0))
	if limit > 0 {
		query += ` LIMIT $` + strconv.Itoa(len(args)+1)
		args = append(args, limit)
	}
	if l.Stories, err = queryStories(ctx, tx, query, args...); err != nil {
		return l, fmt.Errorf("postgres: list stories: %w", err)
	}
	return l, nil
}

// Entity describes an entity from the rows migration 0010 keeps of the
// saved briefs.
func (db *DB) Entity(ctx context.Context, typ, name string) (model.EntityProfile, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return model.EntityProfile{}, err
	}
	defer rollback(ctx, tx)
	p := model.EntityProfile{Type: typ, Name: name, Aliases: []model.NameCount{}}
	if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM entity_stories WHERE type = $1 AND name = $2`, typ, name).Scan(&p.Stories); err != nil {
		return p, fmt.Errorf("postgres: entity %s %q: %w", typ, name, err)
	}
	if p.Stories == 0 {
		return p, fmt.Errorf("entity %s %q: %w", typ, name, store.ErrNotFound)
	}
	if p.Aliases, err = nameCounts(ctx, tx, store.EntityAliasesSQL("$1", "$2"), typ, name); err != nil {
		return p, fmt.Errorf("postgres: entity %s %q aliases: %w", typ, name, err)
	}
	return p, nil
}

// Outlet sums an outlet's rows of story_sources and outlet_framing.
func (db *DB) Outlet(ctx context.Context, source string) (model.OutletProfile, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return model.OutletProfile{}, err
	}
	defer rollback(ctx, tx)
	p := model.OutletProfile{Source: source}
	err = tx.QueryRow(ctx, `SELECT COUNT(*), COALESCE(SUM(n), 0) FROM story_sources WHERE source = $1`, source).
		Scan(&p.Stories, &p.Articles)
	if err == nil && p.Stories == 0 {
		return p, fmt.Errorf("outlet %q: %w", source, store.ErrNotFound)
	}
	if err == nil {
		err = tx.QueryRow(ctx, `SELECT COUNT(*), COALESCE(SUM(claims), 0), COALESCE(SUM(all_claims), 0),
			COALESCE(SUM(attributed), 0), COALESCE(SUM(unattributed), 0) FROM outlet_framing WHERE source = $1`, source).
			Scan(&p.Briefed, &p.Claims, &p.AllClaims, &p.Attributed, &p.Unattributed)
	}
	for _, part := range []struct {
		col string
		out *[]model.NameCount
	}{{"loaded", &p.Loaded}, {"speakers", &p.Speakers}} {
		if err != nil {
			break
		}
		*part.out, err = nameCounts(ctx, tx, `SELECT w, COUNT(*) FROM outlet_framing o,
			jsonb_array_elements_text(CASE jsonb_typeof(o.`+part.col+`) WHEN 'array' THEN o.`+part.col+` ELSE '[]' END) w
			WHERE o.source = $1 GROUP BY w ORDER BY COUNT(*) DESC, w COLLATE "C" LIMIT `+strconv.Itoa(store.ProfileListMax), source)
	}
	if err != nil {
		return p, fmt.Errorf("postgres: outlet %q: %w", source, err)
	}
	return p, nil
}

// nameCounts runs a query selecting (name, count) rows.
func nameCounts(ctx context.Context, q querier, query string, args ...any) ([]model.NameCount, error) {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (model.NameCount, error) {
		var n model.NameCount
		var c int64
		err := row.Scan(&n.Name, &c)
		n.Stories = int(c)
		return n, err
	})
	if out == nil {
		out = []model.NameCount{}
	}
	return out, err
}
