package store

import "context"

// Work is what waits for the later stages: the queue depth of a store.
type Work struct {
	PendingArticles int // stored, not yet placed in a story
	StaleStories    int // briefs to rewrite
}

// WorkCounter is implemented by stores that can count their waiting work
// cheaply (through the partial indexes on pending articles and stale
// stories), as /metrics reads it at every scrape.
type WorkCounter interface {
	WorkCounts(ctx context.Context) (Work, error)
}
