package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"parallax/internal/search"
)

// Search finds stories and articles matching q in the FTS5 indexes kept
// by migration 0011's triggers, and ranks them (search.Answer).
func (db *DB) Search(ctx context.Context, q search.Query, limit, offset int) (search.Results, error) {
	if !q.Positive() {
		return search.Results{}, fmt.Errorf("%w: %w", ErrInvalid, search.ErrEmpty)
	}
	tx, err := db.beginRead(ctx)
	if err != nil {
		return search.Results{}, err
	}
	defer tx.Rollback()
	cs, stories, err := storyCandidates(ctx, tx, q)
	var articles int
	if err == nil {
		var as []search.Candidate
		as, articles, err = articleCandidates(ctx, tx, q)
		cs = append(cs, as...)
	}
	if err != nil {
		return search.Results{}, fmt.Errorf("sqlite: search %q: %w", q.String(), err)
	}
	res, err := search.Answer(cs, stories, articles, q.Order, limit, offset, func(c search.Candidate) (search.Hit, error) {
		if c.Kind == search.KindStory {
			return storyHit(ctx, tx, q, c.ID)
		}
		return articleHit(ctx, tx, q, c.ID)
	})
	if err != nil {
		return search.Results{}, fmt.Errorf("sqlite: search %q: %w", q.String(), err)
	}
	return res, nil
}

// storyCandidates returns the stories matching q with their relevance
// (title weighs most, then the names, then the summary) and latest time,
// and how many match.
func storyCandidates(ctx context.Context, tx *sql.Tx, q search.Query) ([]search.Candidate, int, error) {
	head := `SELECT m.story_id, s.last_time, -bm25(stories_fts, 4.0, 1.0, 2.0, 2.0, 2.0)`
	query := `
		FROM stories_fts JOIN story_search m ON m.rid = stories_fts.rowid
		JOIN stories s INDEXED BY stories_search_meta ON s.id = m.story_id
		WHERE stories_fts MATCH ?`
	args := []any{storyMatch(q)}
	if !q.After.IsZero() {
		query += ` AND s.last_time >= ?`
		args = append(args, formatTime(q.After))
	}
	if !q.Before.IsZero() {
		query += ` AND s.first_time < ?`
		args = append(args, formatTime(q.Before))
	}
	if len(q.Outlets) > 0 {
		cond, oargs := outletCond("ss.source", q.Outlets)
		query += ` AND EXISTS (SELECT 1 FROM story_sources ss WHERE ss.story_id = s.id AND ` + cond + `)`
		args = append(args, oargs...)
	}
	count := query
	if q.After.IsZero() && q.Before.IsZero() && len(q.Outlets) == 0 {
		count = ` FROM stories_fts WHERE stories_fts MATCH ?` // every row has its story
	}
	return candidates(ctx, tx, search.KindStory, head, query, count, "stories_fts.rowid", args)
}

// articleCandidates returns the articles matching q with their relevance
// (the title weighs four times the text) and date, and how many match.
// With entities, the article's story must list them too.
func articleCandidates(ctx context.Context, tx *sql.Tx, q search.Query) ([]search.Candidate, int, error) {
	head := `SELECT a.id, a.sort_time, -bm25(articles_fts, 4.0, 1.0)`
	query := `
		FROM articles_fts JOIN articles a INDEXED BY articles_search_meta ON a.seq = articles_fts.rowid
		WHERE articles_fts MATCH ?`
	args := []any{articleMatch(q)}
	if !q.After.IsZero() {
		query += ` AND a.sort_time >= ?`
		args = append(args, formatTime(q.After))
	}
	if !q.Before.IsZero() {
		query += ` AND a.sort_time < ?`
		args = append(args, formatTime(q.Before))
	}
	if len(q.Outlets) > 0 {
		cond, oargs := outletCond("a.source", q.Outlets)
		query += ` AND ` + cond
		args = append(args, oargs...)
	}
	if ents := entityClauses(q); len(ents) > 0 {
		query += ` AND a.story_id IN (SELECT m.story_id FROM stories_fts
			JOIN story_search m ON m.rid = stories_fts.rowid WHERE stories_fts MATCH ?)`
		args = append(args, strings.Join(ents, " AND "))
	}
	count := query
	if len(args) == 1 {
		count = ` FROM articles_fts WHERE articles_fts MATCH ?` // no filter: every row is an article
	}
	return candidates(ctx, tx, search.KindArticle, head, query, count, "articles_fts.rowid", args)
}

// outletCond matches a source column against hosts: the host itself,
// with "www.", or a subdomain of it.
func outletCond(col string, hosts []string) (string, []any) {
	var ors []string
	var args []any
	for _, h := range hosts {
		ors = append(ors, `(lower(`+col+`) IN (?, ?) OR `+col+` LIKE ?)`)
		args = append(args, h, "www."+h, "%."+h)
	}
	return "(" + strings.Join(ors, " OR ") + ")", args
}

// candidates runs head+body for the newest search.MaxCandidates matches
// (by the index's rowid, the order they were stored) as (id, time,
// relevance) rows; when there are that many, it counts all the matches
// with count, a body that takes the first of args or all of them.
func candidates(ctx context.Context, tx *sql.Tx, kind, head, body, count, rowid string, args []any) ([]search.Candidate, int, error) {
	rows, err := tx.QueryContext(ctx, head+body+` ORDER BY `+rowid+` DESC LIMIT `+strconv.Itoa(search.MaxCandidates), args...)
	if err != nil {
		return nil, 0, fmt.Errorf("%s candidates: %w", kind, err)
	}
	defer rows.Close()
	var out []search.Candidate
	for rows.Next() {
		c := search.Candidate{Kind: kind}
		var t sql.NullString
		if err := rows.Scan(&c.ID, &t, &c.Rel); err != nil {
			return nil, 0, fmt.Errorf("%s candidates: %w", kind, err)
		}
		if c.Time, err = parseTime(t); err != nil {
			return nil, 0, err
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("%s candidates: %w", kind, err)
	}
	total := len(out)
	if total == search.MaxCandidates {
		cargs := args
		if count != body {
			cargs = args[:1]
		}
		if err := tx.QueryRowContext(ctx, `SELECT count(*)`+count, cargs...).Scan(&total); err != nil {
			return nil, 0, fmt.Errorf("%s count: %w", kind, err)
		}
	}
	return out, total, nil
}
