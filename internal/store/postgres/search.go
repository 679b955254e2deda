package postgres

import (
	"context"
	"strings"

	"parallax/internal/search"
	"parallax/internal/store/sqlstore"
)

// rankWeights are ts_rank's weights for D, C, B, A: title (A) 1, entity
// names (C) .5, text and summary (B) .25, as SQLite's bm25 weights.
const rankWeights = `'{0.1, 0.5, 0.25, 1.0}'`

// storyCandidates returns the stories matching q with their relevance
// and latest time, and how many match.
func storyCandidates(ctx context.Context, tx *sqlstore.Tx, q search.Query) ([]search.Candidate, int, error) {
	var t tsquery
	where, doc := t.storyWhere(q)
	head := `SELECT s.id, s.last_time, ts_rank(` + rankWeights + `, ss.doc, ` + doc + `)`
	query := `
		FROM story_search ss JOIN stories s ON s.id = ss.story_id WHERE ` + where
	if !q.After.IsZero() {
		query += ` AND s.last_time >= ` + t.arg(sqlstore.FormatTime(q.After))
	}
	if !q.Before.IsZero() {
		query += ` AND s.first_time < ` + t.arg(sqlstore.FormatTime(q.Before))
	}
	if len(q.Outlets) > 0 {
		query += ` AND EXISTS (SELECT 1 FROM story_sources so WHERE so.story_id = s.id AND ` +
			t.outletCond("so.source", q.Outlets) + `)`
	}
	return sqlstore.Candidates(ctx, tx, search.KindStory, head, query, query, "ss.rid", t.args)
}

// articleCandidates returns the articles matching q with their relevance
// and date, and how many match. With entities, the article's story must
// list them too.
func articleCandidates(ctx context.Context, tx *sqlstore.Tx, q search.Query) ([]search.Candidate, int, error) {
	var t tsquery
	match := t.all(q.TextClauses(), q.Exclude)
	head := `SELECT a.id, a.sort_time, ts_rank(` + rankWeights + `, a.search_doc, ` + match + `)`
	query := `
		FROM articles a WHERE a.search_doc @@ ` + match
	if !q.After.IsZero() {
		query += ` AND a.sort_time >= ` + t.arg(sqlstore.FormatTime(q.After))
	}
	if !q.Before.IsZero() {
		query += ` AND a.sort_time < ` + t.arg(sqlstore.FormatTime(q.Before))
	}
	if len(q.Outlets) > 0 {
		query += ` AND ` + t.outletCond("a.source", q.Outlets)
	}
	if ents := t.entities(q, "ss"); len(ents) > 0 {
		query += ` AND a.story_id IN (SELECT ss.story_id FROM story_search ss WHERE ` + strings.Join(ents, " AND ") + `)`
	}
	return sqlstore.Candidates(ctx, tx, search.KindArticle, head, query, query, "a.seq", t.args)
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
