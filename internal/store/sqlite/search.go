package sqlite

import (
	"context"
	"strings"

	"parallax/internal/search"
	"parallax/internal/store/sqlstore"
)

// storyCandidates returns the stories matching q with their relevance
// (title weighs most, then the names, then the summary) and latest time,
// and how many match.
func storyCandidates(ctx context.Context, tx *sqlstore.Tx, q search.Query) ([]search.Candidate, int, error) {
	head := `SELECT m.story_id, s.last_time, -bm25(stories_fts, 4.0, 1.0, 2.0, 2.0, 2.0)`
	query := `
		FROM stories_fts JOIN story_search m ON m.rid = stories_fts.rowid
		JOIN stories s INDEXED BY stories_search_meta ON s.id = m.story_id
		WHERE stories_fts MATCH ?`
	args := []any{storyMatch(q)}
	if !q.After.IsZero() {
		query += ` AND s.last_time >= ?`
		args = append(args, sqlstore.FormatTime(q.After))
	}
	if !q.Before.IsZero() {
		query += ` AND s.first_time < ?`
		args = append(args, sqlstore.FormatTime(q.Before))
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
	return sqlstore.Candidates(ctx, tx, search.KindStory, head, query, count, "stories_fts.rowid", args)
}

// articleCandidates returns the articles matching q with their relevance
// (the title weighs four times the text) and date, and how many match.
// With entities, the article's story must list them too.
func articleCandidates(ctx context.Context, tx *sqlstore.Tx, q search.Query) ([]search.Candidate, int, error) {
	head := `SELECT a.id, a.sort_time, -bm25(articles_fts, 4.0, 1.0)`
	query := `
		FROM articles_fts JOIN articles a INDEXED BY articles_search_meta ON a.seq = articles_fts.rowid
		WHERE articles_fts MATCH ?`
	args := []any{articleMatch(q)}
	if !q.After.IsZero() {
		query += ` AND a.sort_time >= ?`
		args = append(args, sqlstore.FormatTime(q.After))
	}
	if !q.Before.IsZero() {
		query += ` AND a.sort_time < ?`
		args = append(args, sqlstore.FormatTime(q.Before))
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
	return sqlstore.Candidates(ctx, tx, search.KindArticle, head, query, count, "articles_fts.rowid", args)
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
