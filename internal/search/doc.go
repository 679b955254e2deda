// Package search parses what a reader types into a typed Query, and holds
// what every store shares to answer it: the ranking of candidates by
// relevance and recency (Rank) and the snippets shown with results
// (Snippet). The index itself lives behind the store contract
// (store.Store.Search): SQLite FTS5 on the default store, PostgreSQL
// full-text search on the scale-out one.
//
// Query language:
//
//	oil spill              both words (stemmed: "spills" matches)
//	"top kill"             the phrase
//	-bp  -"gulf coast"     neither the word nor the phrase
//	person:obama           a person of the story (its brief's entities) whose name the article writes
//	person:"thad allen"    quoted values for names of several words
//	org:  place:           the same for organisations and places
//	outlet:bbc.co.uk       that outlet (a host, its subdomains too; or a name: outlet:"city wire")
//	after:2010-05-01       dated on or after that day (UTC)
//	before:2010-06-01      dated before that day
//	sort:newest            newest first (default: relevance weighed by recency)
package search
