package brief

import (
	"sort"

	"parallax/internal/model"
	"parallax/internal/nlp/date"
)

// timelineMerge is the cosine above which two sentences with the same date
// tell the same fact.
const timelineMerge = 0.25

// tlEntry is one (date, fact) with the sentences that report it.
type tlEntry struct {
	day   string
	prec  date.Precision
	sents []int
}

// timeline dates sentences with the dates they mention (relative ones
// resolved against their article's publication date) and merges the same
// fact told by several articles. Without a publication date only absolute
// dates count. Year-only dates are kept only for sentences with no finer date.
func (c *corpus) timeline() []model.TimelineItem {
	var entries []*tlEntry
	for i, s := range c.sents {
		ms := date.Find(s.text, c.docs[s.art].Published)
		fine := false
		for _, m := range ms {
			fine = fine || m.Precision != date.Year
		}
		seen := map[string]bool{}
		for _, m := range ms {
			if fine && m.Precision == date.Year {
				continue
			}
			day := m.Date.Format("2006-01-02")
			if seen[day] {
				continue
			}
			seen[day] = true
			entries = c.addEntry(entries, day, m.Precision, i)
		}
	}
	sort.SliceStable(entries, func(a, b int) bool { return entries[a].day < entries[b].day })
	out := make([]model.TimelineItem, 0, len(entries))
	for _, e := range entries {
		arts := map[int]bool{}
		for _, i := range e.sents {
			arts[c.sents[i].art] = true
		}
		out = append(out, model.TimelineItem{
			Date: e.day, Precision: e.prec.String(),
			Text: c.sents[c.representative(e.sents)].text, Sources: c.ids(setList(arts)),
		})
	}
	return out
}

// addEntry adds sentence i under day, merged into an entry of the same day
// and precision with a similar sentence.
func (c *corpus) addEntry(entries []*tlEntry, day string, p date.Precision, i int) []*tlEntry {
	for _, e := range entries {
		if e.day != day || e.prec != p {
			continue
		}
		for _, j := range e.sents {
			if cos(c.sents[i].vec, c.sents[j].vec) >= timelineMerge {
				e.sents = append(e.sents, i)
				return entries
			}
		}
	}
	return append(entries, &tlEntry{day: day, prec: p, sents: []int{i}})
}

// representative is the sentence most similar to the others of a group,
// the first on ties.
func (c *corpus) representative(group []int) int {
	best, bestScore := group[0], -1.0
	for _, i := range group {
		s := 0.0
		for _, j := range group {
			if i != j {
				s += cos(c.sents[i].vec, c.sents[j].vec)
			}
		}
		if s > bestScore {
			best, bestScore = i, s
		}
	}
	return best
}

// setList returns the members of a set of article indices, sorted.
func setList(m map[int]bool) []int {
	out := make([]int, 0, len(m))
	for a := range m {
		out = append(out, a)
	}
	sort.Ints(out)
	return out
}
