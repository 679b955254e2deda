package postgres

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"parallax/internal/search"
)

// rankWeights are ts_rank's weights for D, C, B, A: title (A) 1, entity
// names (C) .5, text and summary (B) .25, as SQLite's bm25 weights.
const rankWeights = `'{0.1, 0.5, 0.25, 1.0}'`

// Search finds stories and articles matching q with the tsvector columns
// and GIN indexes of migration 0007, and ranks them (search.Answer).
func (db *DB) Search(ctx context.Context, q search.Query, limit, offset int) (search.Results, error) {
	if !q.Positive() {
		return search.Results{}, fmt.Errorf("%w: %w", ErrInvalid, search.ErrEmpty)
	}
	tx, err := db.beginRead(ctx)
	if err != nil {
		return search.Results{}, err
	}
	defer rollback(ctx, tx)
	cs, stories, err := storyCandidates(ctx, tx, q)
	var articles int
	if err == nil {
		var as []search.Candidate
		as, articles, err = articleCandidates(ctx, tx, q)
		cs = append(cs, as...)
	}
	if err != nil {
		return search.Results{}, fmt.Errorf("postgres: search %q: %w", q.String(), err)
	}
	res, err := search.Answer(cs, stories, articles, q.Order, limit, offset, func(c search.Candidate) (search.Hit, error) {
		if c.Kind == search.KindStory {
			return storyHit(ctx, tx, q, c.ID)
		}
		return articleHit(ctx, tx, q, c.ID)
	})
	if err != nil {
		return search.Results{}, fmt.Errorf("postgres: search %q: %w", q.String(), err)
	}
	return res, nil
}

// storyCandidates returns the stories matching q with their relevance
// and latest time, and how many match.
func storyCandidates(ctx context.Context, tx pgx.Tx, q search.Query) ([]search.Candidate, int, error) {
	var t tsquery
	where, doc := t.storyWhere(q)
	head := `SELECT s.id, s.last_time, ts_rank(` + rankWeights + `, ss.doc, ` + doc + `)`
	query := `
		FROM story_search ss JOIN stories s ON s.id = ss.story_id WHERE ` + where
	if !q.After.IsZero() {
		query += ` AND s.last_time >= ` + t.arg(formatTime(q.After))
	}
	if !q.Before.IsZero() {
		query += ` AND s.first_time < ` + t.arg(formatTime(q.Before))
	}
	if len(q.Outlets) > 0 {
		query += ` AND EXISTS (SELECT 1 FROM story_sources so WHERE so.story_id = s.id AND ` +
			t.outletCond("so.source", q.Outlets) + `)`
	}
	return candidates(ctx, tx, search.KindStory, head, query, "ss.rid", t.args)
}

// articleCandidates returns the articles matching q with their relevance
// and date, and how many match. With entities, the article's story must
// list them too.
func articleCandidates(ctx context.Context, tx pgx.Tx, q search.Query) ([]search.Candidate, int, error) {
	var t tsquery
	match := t.all(q.TextClauses(), q.Exclude)
	head := `SELECT a.id, a.sort_time, ts_rank(` + rankWeights + `, a.search_doc, ` + match + `)`
	query := `
		FROM articles a WHERE a.search_doc @@ ` + match
	if !q.After.IsZero() {
		query += ` AND a.sort_time >= ` + t.arg(formatTime(q.After))
	}
	if !q.Before.IsZero() {
		query += ` AND a.sort_time < ` + t.arg(formatTime(q.Before))
	}
	if len(q.Outlets) > 0 {
		query += ` AND ` + t.outletCond("a.source", q.Outlets)
	}
	if ents := t.entities(q, "ss"); len(ents) > 0 {
		query += ` AND a.story_id IN (SELECT ss.story_id FROM story_search ss WHERE ` + strings.Join(ents, " AND ") + `)`
	}
	return candidates(ctx, tx, search.KindArticle, head, query, "a.seq", t.args)
}

// outletCond matches a source column against hosts: the host itself,
// with "www.", or a subdomain of it.
func (t *tsquery) outletCond(col string, hosts []string) string {
	var ors []string
	for _, h := range hosts {
		ors = append(ors, `(lower(`+col+`) IN (`+t.arg(h)+`, `+t.arg("www."+h)+`) OR lower(`+col+`) LIKE `+t.arg("%."+h)+`)`)
	}
	return "(" + strings.Join(ors, " OR ") + ")"
}

// candidates runs head+body for the newest search.MaxCandidates matches
// (by seq, the order they were stored) as (id, time, relevance) rows;
// when there are that many, it counts all the matches.
func candidates(ctx context.Context, tx pgx.Tx, kind, head, body, seq string, args []any) ([]search.Candidate, int, error) {
	rows, err := tx.Query(ctx, head+body+` ORDER BY `+seq+` DESC LIMIT `+strconv.Itoa(search.MaxCandidates), args...)
	if err != nil {
		return nil, 0, fmt.Errorf("%s candidates: %w", kind, err)
	}
	defer rows.Close()
	var out []search.Candidate
	for rows.Next() {
		c := search.Candidate{Kind: kind}
		var t *string
		var rel float32
		if err := rows.Scan(&c.ID, &t, &rel); err != nil {
			return nil, 0, fmt.Errorf("%s candidates: %w", kind, err)
		}
		c.Rel = float64(rel)
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
		if err := tx.QueryRow(ctx, `SELECT count(*)`+body, args...).Scan(&total); err != nil {
			return nil, 0, fmt.Errorf("%s count: %w", kind, err)
		}
	}
	return out, total, nil
}
