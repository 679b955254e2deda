package store

import (
	"context"

	"parallax/internal/search"
)

// Searcher is the full-text search part of the store contract.
type Searcher interface {
	// Search finds the stories (by title, brief summary and entity names;
	// once their brief is saved) and the articles (by title and text)
	// that match q, ranks them by relevance and recency (search.Rank) and
	// returns the page from offset, at most limit (search.Answer), with
	// how many matched in all. q must have something positive to match.
	Search(ctx context.Context, q search.Query, limit, offset int) (search.Results, error)
}
