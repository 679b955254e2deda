package cluster

import "time"

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
	// A story last seen before oldest is stale, and so is one that began
	// after newest (an article of an archive ingested after newer news).
	oldest, newest := at.Add(-c.opts.Window), at.Add(c.opts.Window)
	for k, e := range top {
		for _, s := range idx[e.t] {
			s = s.live()
			if s.search == c.search { // seen in this search
				if s.term != k+1 && !s.stale {
					s.term = k + 1
					s.shared += e.w
				}
				continue
			}
			s.search, s.term = c.search, k+1
			if s.stale = s.evicted || s.last.Before(oldest) || s.first.After(newest); s.stale {
				continue
			}
			s.shared = e.w
			out = append(out, s)
		}
	}
	c.found = out
	return append([]*story(nil), heaviest(out, c.opts.MaxCandidates)...)
}

// heaviest moves the n stories that share the most weight (then the
// oldest) to the front of list, in that order, and returns them: the
// first n of a full sort, without sorting the rest.
func heaviest(list []*story, n int) []*story {
	before := func(a, b *story) bool {
		return a.shared > b.shared || a.shared == b.shared && a.seq < b.seq
	}
	if n <= 0 {
		return nil
	}
	k := 0 // list[:k] is the best so far, in order
	for i, s := range list {
		if k == n && !before(s, list[k-1]) {
			continue
		}
		if k < n {
			list[i], list[k] = list[k], s
			k++
		} else {
			list[i], list[k-1] = list[k-1], s
		}
		for j := k - 1; j > 0 && before(list[j], list[j-1]); j-- { // insertion
			list[j], list[j-1] = list[j-1], list[j]
		}
	}
	return list[:k]
}
