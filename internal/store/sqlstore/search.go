package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	"parallax/internal/search"
)

// Search finds stories and articles matching q with the dialect's
// full-text candidates, and ranks them (search.Answer).
func (db *Store) Search(ctx context.Context, q search.Query, limit, offset int) (search.Results, error) {
	if !q.Positive() {
		return search.Results{}, fmt.Errorf("%w: %w", db.d.Invalid, search.ErrEmpty)
	}
	tx, err := db.beginRead(ctx)
	if err != nil {
		return search.Results{}, err
	}
	defer tx.Rollback()
	cs, stories, err := db.d.StoryCandidates(ctx, tx, q)
	var articles int
	if err == nil {
		var as []search.Candidate
		as, articles, err = db.d.ArticleCandidates(ctx, tx, q)
		cs = append(cs, as...)
	}
	if err != nil {
		return search.Results{}, db.errorf("search %q: %w", q.String(), err)
	}
	res, err := search.Answer(cs, stories, articles, q.Order, limit, offset, func(c search.Candidate) (search.Hit, error) {
		if c.Kind == search.KindStory {
			return db.storyHit(ctx, tx, q, c.ID)
		}
		return articleHit(ctx, tx, q, c.ID)
	})
	if err != nil {
		return search.Results{}, db.errorf("search %q: %w", q.String(), err)
	}
	return res, nil
}

// Candidates runs head+body for the newest search.MaxCandidates matches
// (by order, descending: the order they were stored) as (id, time,
// relevance) rows; when there are that many, it counts the matches with
// count, a body that takes the first of args or all of them, up to
// search.MaxCount+1 (more than MaxCount: search.Answer caps the total).
func Candidates(ctx context.Context, tx *Tx, kind, head, body, count, order string, args []any) ([]search.Candidate, int, error) {
	rows, err := tx.Query(ctx, head+body+` ORDER BY `+order+` DESC LIMIT `+strconv.Itoa(search.MaxCandidates), args...)
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
		if c.Time, err = ParseTime(t); err != nil {
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
		q := `SELECT count(*) FROM (SELECT 1` + count + ` LIMIT ` + strconv.Itoa(search.MaxCount+1) + `) AS m`
		if err := tx.QueryRow(ctx, q, cargs...).Scan(&total); err != nil {
			return nil, 0, fmt.Errorf("%s count: %w", kind, err)
		}
	}
	return out, total, nil
}
