package cluster

import (
	"sort"
	"time"
)

// indexStory lists s under the top terms of v (once per term).
func (c *Clusterer) indexStory(s *story, v vector) {
	idx := c.index[s.lang]
	if idx == nil {
		idx = map[int32][]*story{}
		c.index[s.lang] = idx
	}
	for _, e := range v.top(c.opts.IndexTerms) {
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
func (c *Clusterer) candidates(lang string, v vector, at time.Time) []*story {
	idx := c.index[lang]
	if idx == nil {
		return nil
	}
	if c.shared == nil {
		c.shared, c.termOf = map[*story]float64{}, map[*story]int{}
	}
	shared, termOf := c.shared, c.termOf
	clear(shared)
	clear(termOf)
	var out []*story
	for k, e := range v.top(c.opts.IndexTerms) {
		for _, s := range idx[e.t] {
			s = s.live()
			if s.evicted || at.Sub(s.last) > c.opts.Window || termOf[s] == k+1 {
				continue
			}
			termOf[s] = k + 1
			if shared[s] == 0 {
				out = append(out, s)
			}
			shared[s] += e.w
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if a, b := shared[out[i]], shared[out[j]]; a != b {
			return a > b
		}
		return out[i].seq < out[j].seq
	})
	if len(out) > c.opts.MaxCandidates {
		out = out[:c.opts.MaxCandidates]
	}
	return out
}
