package cluster

// sweeper counts the articles since the last eviction sweep.
type sweeper struct {
	since  int
	merged bool // a merge left forwarding postings behind
}

// evict drops the stories whose latest article is more than a window
// before the latest time seen and that lie more than a window away from
// the latest article's time (an archive of older news ingested after
// newer news builds stories that old: they stay while it goes on), and
// their index postings. It sweeps once
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
		if c.now.Sub(s.last) > c.opts.Window && s.apart(c.at) > c.opts.Window {
			s.evicted = true
			delete(c.stories, id)
			dropped = true
		}
	}
	if !dropped && !c.sweep.merged {
		return
	}
	c.sweep.merged = false
	for _, idx := range c.index {
		for t, list := range idx {
			kept := prune(list)
			if len(kept) == 0 {
				delete(idx, t)
				continue
			}
			clear(list[len(kept):])
			idx[t] = kept
		}
	}
}

// prune keeps the live stories of a posting list, each once, in place:
// merged stories give way to the story they were merged into.
func prune(list []*story) []*story {
	kept := list[:0]
	var seen map[*story]bool
	for _, s := range list {
		if s.into != nil {
			s = s.live()
			if seen == nil {
				seen = make(map[*story]bool, len(list))
				for _, k := range kept {
					seen[k] = true
				}
			}
		}
		if s.evicted || seen[s] {
			continue
		}
		if seen != nil {
			seen[s] = true
		}
		kept = append(kept, s)
	}
	return kept
}
