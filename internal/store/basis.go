package store

import "sync"

// BriefBasis is for implementations: it remembers, per story, the version
// that StoryArticles last returned in this process, so that SaveBrief can
// tell whether the brief it stores was built from the story as it still
// is. A brief built from an older version is stored, but the story stays
// stale (no lost update when Assign runs while a brief is being built).
// The zero value is ready to use.
type BriefBasis struct {
	mu       sync.Mutex
	versions map[string]int64
}

// Record notes that story id was read at version v.
func (b *BriefBasis) Record(id string, v int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.versions == nil {
		b.versions = make(map[string]int64)
	}
	b.versions[id] = v
}

// Take returns and forgets the version story id was last read at.
func (b *BriefBasis) Take(id string) (int64, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	v, ok := b.versions[id]
	delete(b.versions, id)
	return v, ok
}
