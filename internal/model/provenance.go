package model

import "time"

// Provenance is where and when an article's input was fetched, with the
// input itself (compressed), so that any stage can be rerun later without
// fetching again.
type Provenance struct {
	ArticleID string    `json:"article_id"`
	Origin    string    `json:"origin"` // a path (":LINE", "#recordN") or a URL
	Fetched   time.Time `json:"fetched,omitempty"`
	Format    string    `json:"format"` // how Raw is encoded, e.g. "item+json+gzip"
	Raw       []byte    `json:"-"`
}
