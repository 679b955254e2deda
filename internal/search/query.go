package search

import (
	"errors"
	"time"
)

// Errors returned by Parse.
var (
	ErrEmpty    = errors.New("search: nothing to search for (give a word, a phrase or person:, org:, place:)")
	ErrTooLong  = errors.New("search: query too long")
	ErrBadDate  = errors.New("search: bad date (want YYYY-MM-DD)")
	ErrTooMany  = errors.New("search: too many terms")
	ErrBadRange = errors.New("search: after: is not before before:")
	ErrBadSort  = errors.New("search: unknown order")
)

// Limits on a query, so that one request cannot make the index work
// without bound.
const (
	MaxQueryBytes = 512
	MaxClauses    = 24
)

// Entity types as the brief writes them (model.Entity.Type).
const (
	Person = "PERSON"
	Org    = "ORG"
	Place  = "PLACE"
)

// Query is a parsed search. Every word and phrase is a list of lower-case
// tokens (letters and digits), as the indexes tokenise text; a word that
// the tokeniser splits (U.S., covid-19) is a phrase of its parts.
type Query struct {
	// Terms must all occur: each is one token or a phrase of several.
	Terms [][]string
	// Exclude must not occur (words or phrases).
	Exclude [][]string
	// Entities must be among the story's entities of their type and, for
	// an article, occur in its text.
	Entities []Entity
	// Outlets restrict results to these hosts (any of them) and their
	// subdomains; lower case, without "www.".
	Outlets []string
	// After and Before bound dates: on or after After, before Before
	// (zero: unbounded). Both are midnight UTC.
	After, Before time.Time
	// Order of the results: by relevance and recency (the default), or
	// newest first (sort:newest; what feeds of a search use).
	Order Order
}

// Order is how results are ordered.
type Order int

const (
	ByRelevance Order = iota // relevance weighed by recency (Rank)
	Newest                   // newest first, then by relevance
)

// Entity is a person:, org: or place: clause.
type Entity struct {
	Type   string   // Person, Org or Place
	Tokens []string // the name's tokens
}

// Positive reports whether q has anything that must match: text or an
// entity. Outlets and dates only filter.
func (q Query) Positive() bool {
	return len(q.Terms) > 0 || len(q.Entities) > 0
}

// TextClauses returns every clause an article's text must hold: the terms'
// and the entities', each clause once, in order.
func (q Query) TextClauses() [][]string {
	out := make([][]string, 0, len(q.Terms)+len(q.Entities))
	out = append(out, q.Terms...)
	for _, e := range q.Entities {
		out = append(out, e.Tokens)
	}
	return out
}
