package pipeline

import (
	"hash/fnv"
	"strconv"
	"sync"

	"parallax/internal/model"
)

// briefFailures remembers the stories whose brief failed (a panic in one
// of its stages), with the articles they held then. Such a story stays
// stale in the store; this process tries it again once its articles
// change, not at every batch, which only logged the same error again
// (another process, or a restart with a fixed build, tries it anew).
type briefFailures struct {
	mu sync.Mutex
	by map[string]uint64 // story id -> storyPrint of its articles at the failure
}

// storyPrint sums up a story's articles: their ids and text lengths.
func storyPrint(arts []*model.Article) uint64 {
	h := fnv.New64a()
	for _, a := range arts {
		h.Write([]byte(a.ID))
		h.Write([]byte{0})
		h.Write(strconv.AppendInt(nil, int64(len(a.Text)), 10))
		h.Write([]byte{0})
	}
	return h.Sum64()
}

// known reports whether story id's brief failed with these very articles.
func (f *briefFailures) known(id string, print uint64) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, ok := f.by[id]
	return ok && p == print
}

// record notes that story id's brief failed with the articles of print.
func (f *briefFailures) record(id string, print uint64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.by == nil {
		f.by = map[string]uint64{}
	}
	f.by[id] = print
}

// forget drops story id (its brief was written).
func (f *briefFailures) forget(id string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.by, id)
}
