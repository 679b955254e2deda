package brief

import (
	"regexp"
	"sort"
	"time"

	"parallax/internal/model"
	"parallax/internal/nlp/date"
)

// Timeline building.
const (
	// timelineMerge is the cosine above which two sentences with the same
	// date tell the same fact.
	timelineMerge = 0.25
	// timelineShared is how many terms two sentences of the same date
	// share at least to tell the same fact even when their wording
	// differs ("has just announced that it is suspending ... relations
	// with Russia over Syria", "announced Monday ... suspending its
	// participation in bilateral channels with Russia ... in Syria").
	timelineShared = 5
	// maxGroup bounds the sentences compared when picking an entry's
	// representative, so that a date told by thousands of sentences
	// stays linear.
	maxGroup = 40
	// DefaultDates bounds the dates of a brief's timeline.
	DefaultDates = 30
	// DefaultPerDate bounds the facts of one date in a brief's timeline.
	DefaultPerDate = 4
)

// justNow marks a sentence telling what happened on its article's day
// without naming the day: "has just announced", "have now agreed".
var justNow = regexp.MustCompile(`\b(?:has|have) (?:just|now) [a-z]+ed\b`)

// tlEntry is one (date, fact) with the sentences that report it.
type tlEntry struct {
	day   string
	prec  date.Precision
	sents []int
}

// tlKey indexes entries by day and precision.
type tlKey struct {
	day  string
	prec date.Precision
}

// dated is one date found in one sentence.
type dated struct {
	day  string
	prec date.Precision
}

// sentDates returns the dates of sentence i: those it names (relative ones
// resolved against its article's publication date; year-only ones only
// when it names no finer date), else its article's day when it says the
// fact has just happened. Without a publication date only absolute dates
// count.
func (c *corpus) sentDates(i int) []dated {
	s := c.sents[i]
	pub := c.docs[s.art].Published
	ms := date.Find(s.text, pub)
	fine := false
	for _, m := range ms {
		fine = fine || m.Precision != date.Year
	}
	var out []dated
	seen := map[string]bool{}
	for _, m := range ms {
		if fine && m.Precision == date.Year {
			continue
		}
		day := m.Date.Format(time.DateOnly)
		if !seen[day] {
			seen[day] = true
			out = append(out, dated{day, m.Precision})
		}
	}
	if len(out) == 0 && !pub.IsZero() && justNow.MatchString(s.text) {
		out = append(out, dated{pub.Format(time.DateOnly), date.Day})
	}
	return out
}

// entries groups the dated sentences into (date, fact) entries.
func (c *corpus) entries() []*tlEntry {
	var out []*tlEntry
	index := map[tlKey][]*tlEntry{}
	for i := range c.sents {
		for _, d := range c.sentDates(i) {
			k := tlKey{d.day, d.prec}
			if e := c.match(index[k], i); e != nil {
				e.sents = append(e.sents, i)
				continue
			}
			e := &tlEntry{day: d.day, prec: d.prec, sents: []int{i}}
			index[k] = append(index[k], e)
			out = append(out, e)
		}
	}
	return out
}

// match returns the entry whose first sentences are similar to sentence i.
func (c *corpus) match(es []*tlEntry, i int) *tlEntry {
	for _, e := range es {
		for _, j := range e.sents[:min(len(e.sents), 3)] {
			a, b := c.sents[i].vec, c.sents[j].vec
			if cos(a, b) >= timelineMerge || common(a, b) >= timelineShared {
				return e
			}
		}
	}
	return nil
}

// maxVoices bounds the sentences of an entry tried as its text.
const maxVoices = 8

// item writes an entry: of its first sentences, the one the most articles
// report (the most central on ties), with every article that reports it,
// dated or not, if published on or after its date.
func (c *corpus) item(e *tlEntry) model.TimelineItem {
	group := e.sents[:min(len(e.sents), maxGroup)]
	central := c.representative(group)
	best, bestArts := central, map[int]bool(nil)
	for _, i := range append([]int{central}, group[:min(len(group), maxVoices)]...) {
		got := map[int]bool{c.sents[i].art: true}
		for _, a := range c.support(i, SupportThreshold) {
			if p := c.docs[a].Published; p.IsZero() || p.Format(time.DateOnly) >= e.day {
				got[a] = true
			}
		}
		if bestArts == nil || 2*len(got) >= 3*len(bestArts) {
			best, bestArts = i, got
		}
	}
	for _, j := range e.sents {
		// an article dating the fact the same day reports it when it
		// shares enough of its terms, whatever the cosine
		if !bestArts[c.sents[j].art] && c.same(best, j, 1, 0) {
			bestArts[c.sents[j].art] = true
		}
	}
	return model.TimelineItem{
		Date: e.day, Precision: e.prec.String(),
		Text: c.sents[best].text, Sources: c.ids(setList(bestArts)),
	}
}

// topDates returns the n dates (all when n <= 0) reported by the most
// articles; dayOnly drops month- and year-precision dates.
func (c *corpus) topDates(es []*tlEntry, n int, dayOnly bool) map[string]bool {
	arts := map[string]map[int]bool{}
	for _, e := range es {
		if dayOnly && e.prec != date.Day {
			continue
		}
		if arts[e.day] == nil {
			arts[e.day] = map[int]bool{}
		}
		for _, i := range e.sents {
			a := c.sents[i].art
			if p := c.docs[a].Published; !p.IsZero() && p.Format(time.DateOnly) < e.day {
				continue // a plan or a forecast, not a report of the day
			}
			arts[e.day][a] = true
		}
	}
	days := make([]string, 0, len(arts))
	for d := range arts {
		days = append(days, d)
	}
	sort.Slice(days, func(a, b int) bool {
		if len(arts[days[a]]) != len(arts[days[b]]) {
			return len(arts[days[a]]) > len(arts[days[b]])
		}
		return days[a] < days[b]
	})
	if n > 0 && len(days) > n {
		days = days[:n]
	}
	keep := make(map[string]bool, len(days))
	for _, d := range days {
		keep[d] = true
	}
	return keep
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
