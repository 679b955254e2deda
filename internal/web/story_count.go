package web

import (
	"context"
	"sync"
	"time"

	"parallax/internal/store"
)

// storyCountTTL is how long a store-wide story count is reused: counting
// costs a pass over the store, too much for every page of a list whose
// total may lag by seconds.
const storyCountTTL = 10 * time.Second

// storyCounter caches the number of stories from store.Stats.
type storyCounter struct {
	mu sync.Mutex
	n  int
	at time.Time
}

func (c *storyCounter) count(ctx context.Context, st store.Store) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.at.IsZero() && time.Since(c.at) < storyCountTTL {
		return c.n, nil
	}
	s, err := st.Stats(ctx)
	if err != nil {
		return 0, err
	}
	c.n, c.at = s.Stories, time.Now()
	return c.n, nil
}

// storyTotal is the number of stories given one page of them, read with
// one extra row (more tells whether it came): exact on the last page,
// else the cached count kept consistent with the page.
func (h *handler) storyTotal(ctx context.Context, got, limit, offset int, more bool) (int, error) {
	if !more && (got > 0 || offset == 0) {
		return offset + got, nil
	}
	n, err := h.stories.count(ctx, h.st)
	if err != nil {
		return 0, err
	}
	if more {
		n = max(n, offset+limit+1)
	}
	return n, nil
}
