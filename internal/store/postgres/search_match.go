package postgres

import (
	"fmt"
	"strings"

	"parallax/internal/search"
)

// tsquery builds PostgreSQL tsquery expressions for a parsed query, every
// phrase a parameter of phraseto_tsquery (so no query text is ever SQL).
type tsquery struct {
	args []any
}

// arg adds a parameter and returns its placeholder.
func (t *tsquery) arg(v any) string {
	t.args = append(t.args, v)
	return fmt.Sprintf("$%d", len(t.args))
}

// phrase renders tokens as a phrase query.
func (t *tsquery) phrase(toks []string) string {
	return "phraseto_tsquery('parallax'::regconfig, " + t.arg(strings.Join(toks, " ")) + ")"
}

// all joins required phrases with && and appends the exclusions.
func (t *tsquery) all(required [][]string, exclude [][]string) string {
	var parts []string
	for _, r := range required {
		parts = append(parts, t.phrase(r))
	}
	for _, x := range exclude {
		parts = append(parts, "!!"+t.phrase(x))
	}
	return "(" + strings.Join(parts, " && ") + ")"
}

// entityColumns maps an entity type to its story_search column.
var entityColumns = map[string]string{search.Person: "people", search.Org: "orgs", search.Place: "places"}

// storyWhere matches a story: every term and none of the exclusions in
// its whole document, every entity in its type's column.
func (t *tsquery) storyWhere(q search.Query) (where, doc string) {
	doc = t.all(q.Terms, q.Exclude)
	var conds []string
	if len(q.Terms) > 0 || len(q.Exclude) > 0 {
		conds = append(conds, "ss.doc @@ "+doc)
	}
	conds = append(conds, t.entities(q, "ss")...)
	if len(q.Terms) == 0 {
		// Rank by the entities' names when no words were given.
		var names [][]string
		for _, e := range q.Entities {
			names = append(names, e.Tokens)
		}
		doc = t.all(names, nil)
	}
	return strings.Join(conds, " AND "), doc
}

// entities renders q's entities, each matched in its column of alias's
// story_search row.
func (t *tsquery) entities(q search.Query, alias string) []string {
	var conds []string
	for _, e := range q.Entities {
		conds = append(conds, alias+"."+entityColumns[e.Type]+" @@ "+t.phrase(e.Tokens))
	}
	return conds
}
