package cluster

import (
	"sort"
	"time"
)

// indexStory lists s under an article's top terms (once per term).
func (c *Clusterer) indexStory(s *story, top vector) {
	idx := c.index[s.lang]
	if idx == nil {
		idx = map[int32][]*story{}
		c.index[s.lang] = idx
	}
	for _, e := range top {
		t := e.t
		list := idx[t]
		if n := len(list); n > 0 && list[n-1].live() == s {
			continue
		}
		idx[t] = appendUnique(list, s)
	}
}

// appendUnique appends s unless present; the list stays in first-seen order.
func appendUnique(list []*story, s *story) []*story {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// candidates returns the stories of the article's language, within the
// window before at, that share the heaviest top terms with v: at most
// MaxCandidates, by the summed weight in v of the shared terms, then
// creation order.
func (c *Clusterer) candidates(lang string, top vector, at time.Time) []*story {
	idx := c.index[lang]
	if idx == nil {
		return nil
	}
	c.search++
	out := c.found[:0]
	for k, e := range top {
		for _, s := range idx[e.t] {
			s = s.live()
			if s.search == c.search && s.term == k+1 {
				continue // already counted for this term
			}
			if s.evicted || at.Sub(s.last) > c.opts.Window {
				continue
			}
			if s.search != c.search {
				s.search, s.shared = c.search, 0
				out = append(out, s)
			}
			s.term = k + 1
			s.shared += e.w
		}
	}
	c.found = out
	sort.Slice(out, func(i, j int) bool {
		if a, b := out[i].shared, out[j].shared; a != b {
			return a > b
		}
		return out[i].seq < out[j].seq
	})
	if len(out) > c.opts.MaxCandidates {
		out = out[:c.opts.MaxCandidates]
	}
	return append([]*story(nil), out...)
}
