package postgres

import "sync"

// briefBasis remembers, per story, the version that StoryArticles last
// returned in this process, so that SaveBrief can tell whether the brief
// it stores was built from the story as it still is. A brief built from an
// older version is stored, but the story stays stale (no lost update when
// Assign runs while a brief is being built).
type briefBasis struct {
	mu       sync.Mutex
	versions map[string]int64
}

// record notes that story id was read at version v.
func (b *briefBasis) record(id string, v int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.versions == nil {
		b.versions = make(map[string]int64)
	}
	b.versions[id] = v
}

// take returns and forgets the version story id was last read at.
func (b *briefBasis) take(id string) (int64, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	v, ok := b.versions[id]
	delete(b.versions, id)
	return v, ok
}
