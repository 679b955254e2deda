package cluster

// sweeper counts the articles since the last eviction sweep.
type sweeper struct{ since int }

// evict drops the stories whose latest article is more than a window
// before the latest time seen, and their index postings. It sweeps once
// per max(1024, stories in memory) articles, so its cost per article stays
// constant and memory stays within about twice the active stories.
// Decisions never depend on the sweep: candidates skip stale stories.
func (c *Clusterer) evict() {
	c.sweep.since++
	if c.sweep.since < max(1024, len(c.stories)) {
		return
	}
	c.sweep.since = 0
	dropped := false
	for id, s := range c.stories {
		if c.now.Sub(s.last) > c.opts.Window {
			s.evicted = true
			delete(c.stories, id)
			dropped = true
		}
	}
	if !dropped {
		return
	}
	for _, idx := range c.index {
		for t, list := range idx {
			kept := list[:0]
			for _, s := range list {
				if !s.evicted {
					kept = append(kept, s)
				}
			}
			if len(kept) == 0 {
				delete(idx, t)
				continue
			}
			clear(list[len(kept):])
			idx[t] = kept
		}
	}
}
