package sqlite

import (
	"strings"

	"parallax/internal/search"
)

// FTS5 match expressions for a parsed query. Tokens hold only letters and
// digits (search.Tokens), so a double-quoted string of them is always a
// well-formed FTS5 phrase.

// ftsPhrase renders tokens as one FTS5 phrase.
func ftsPhrase(toks []string) string {
	return `"` + strings.Join(toks, " ") + `"`
}

// ftsAll joins required clauses with AND and appends the exclusions.
func ftsAll(required []string, exclude [][]string) string {
	s := "(" + strings.Join(required, " AND ") + ")"
	for _, x := range exclude {
		s += " NOT " + ftsPhrase(x)
	}
	return s
}

// articleMatch matches an article's title and text: every term and every
// entity's name, none of the exclusions.
func articleMatch(q search.Query) string {
	var req []string
	for _, c := range q.TextClauses() {
		req = append(req, ftsPhrase(c))
	}
	return ftsAll(req, q.Exclude)
}

// entityColumns maps an entity type to its stories_fts column.
var entityColumns = map[string]string{search.Person: "people", search.Org: "orgs", search.Place: "places"}

// storyMatch matches a story: every term in any column, every entity in
// its type's column, none of the exclusions anywhere.
func storyMatch(q search.Query) string {
	req := entityClauses(q)
	for _, t := range q.Terms {
		req = append(req, ftsPhrase(t))
	}
	return ftsAll(req, q.Exclude)
}

// entityClauses renders q's entities, each restricted to its column.
func entityClauses(q search.Query) []string {
	var req []string
	for _, e := range q.Entities {
		req = append(req, "{"+entityColumns[e.Type]+"} : "+ftsPhrase(e.Tokens))
	}
	return req
}
