package cluster

import "time"

// indexStory lists s under the top terms of v (once per term).
func (c *Clusterer) indexStory(s *story, v vector) {
	idx := c.index[s.lang]
	if idx == nil {
		idx = map[int32][]*story{}
		c.index[s.lang] = idx
	}
	for _, t := range v.top(c.opts.IndexTerms) {
		list := idx[t]
		if n := len(list); n > 0 && list[n-1] == s {
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

// candidates returns the stories of the article's language, active within
// the window before at, that share a top term with v, in creation order.
// Postings of stories closed for good are dropped on the way.
func (c *Clusterer) candidates(lang string, v vector, at time.Time) []*story {
	idx := c.index[lang]
	if idx == nil {
		return nil
	}
	seen := map[*story]bool{}
	var out []*story
	for _, t := range v.top(c.opts.IndexTerms) {
		list := idx[t]
		kept := list[:0]
		for _, s := range list {
			if at.Sub(s.last) > c.opts.Window {
				continue // inactive for good: callers feed time order
			}
			kept = append(kept, s)
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
		idx[t] = kept
	}
	sortStories(out)
	return out
}
