package brief

import (
	"regexp"
	"sort"
	"strings"
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

// sentDates returns the one date of sentence i (none for page residue:
// datelines, embeds, bylines, time stamps): a date that opens the
// sentence ("May 31 - BP ...", "On Sept. 9, ..."), else its first date of
// the finest precision it gives. Relative dates resolve against the
// article's anchor (see ref). Without a date, its article's day when it
// says the fact has just happened. Without a publication date only
// absolute dates count.
func (c *corpus) sentDates(i int) []dated {
	one, _ := c.sentDatesAll(i)
	return one
}

// sentDatesAll returns the one date of sentence i (see sentDates) and
// every date it names (year-only ones only when it names no finer date),
// which count when the dates most reported are chosen.
func (c *corpus) sentDatesAll(i int) (one, all []dated) {
	s := c.sents[i]
	pub := c.docs[s.art].Published
	ms := date.Find(s.text, c.ref(s.art))
	if m, ok := oneDate(s.text, ms); ok {
		fine := m.Precision != date.Year
		for _, x := range ms {
			if !fine || x.Precision != date.Year {
				all = append(all, dated{x.Date.Format(time.DateOnly), x.Precision})
			}
		}
		if residue(s.text) {
			return nil, all // a dateline or time stamp says the day matters, but is no entry
		}
		return []dated{{m.Date.Format(time.DateOnly), m.Precision}}, all
	}
	if !pub.IsZero() && justNow.MatchString(s.text) && !residue(s.text) {
		d := []dated{{pub.Format(time.DateOnly), date.Day}}
		return d, d
	}
	return nil, nil
}

// oneDate picks the date a sentence is filed under: the first of the
// finest precision it gives, or the one that opens it if as fine.
func oneDate(text string, ms []date.Mention) (date.Mention, bool) {
	if len(ms) == 0 {
		return date.Mention{}, false
	}
	best := ms[0]
	for _, m := range ms[1:] {
		if m.Precision < best.Precision {
			best = m
		}
	}
	if opensWith(text, ms[0]) && ms[0].Precision <= best.Precision {
		return ms[0], true
	}
	return best, true
}

// opensWith reports whether a date mention opens a sentence: only
// punctuation, or one preposition ("On", "In", "By"), before it.
func opensWith(text string, m date.Mention) bool {
	head := strings.TrimLeft(text[:m.Start], " \t\"“'‘([-–—*•_")
	switch strings.TrimSpace(strings.ToLower(head)) {
	case "", "on", "in", "by", "since", "until", "as of":
		return true
	}
	return false
}

// entries groups the dated sentences into (date, fact) entries, each
// sentence under its one date; every date a sentence names is noted in
// c.named for ranking the dates.
func (c *corpus) entries() []*tlEntry {
	var out []*tlEntry
	index := map[tlKey][]*tlEntry{}
	c.named = map[tlKey]map[int]bool{}
	for i := range c.sents {
		one, all := c.sentDatesAll(i)
		for _, d := range all {
			k := tlKey{d.day, d.prec}
			if c.named[k] == nil {
				c.named[k] = map[int]bool{}
			}
			c.named[k][i] = true
		}
		for _, d := range one {
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
		Text: Detokenize(c.sents[best].text), Sources: c.ids(setList(bestArts)),
	}
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
