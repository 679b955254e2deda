package brief

import (
	"strconv"
	"strings"
	"time"

	"parallax/internal/nlp/date"
)

// Anchoring relative dates.
const (
	// anchorGap is how far before its publication date an article's
	// explicit dates must all lie for the article to be read as written
	// about their time (a page republished or stamped later: "Thursday"
	// in a page dated 2017-01-24 whose dates are all of July 2016).
	anchorGap = 14 * 24 * time.Hour
	// anchorSpan bounds the spread of those dates: one episode, not a
	// history.
	anchorSpan = 14 * 24 * time.Hour
	// anchorMin is how many explicit day dates the article must give.
	anchorMin = 2
)

// ref returns the date the relative expressions of article a resolve
// against: its publication date, unless the article's own explicit day
// dates (at least anchorMin, within anchorSpan of each other, every one
// more than anchorGap before publication and in an earlier year, which
// the article never names) say it was written then and dated later (a
// page republished or restamped); then the latest of them. Cached per
// article.
func (c *corpus) ref(a int) time.Time {
	if c.refs == nil {
		c.refs = make([]time.Time, len(c.docs))
		c.refDone = make([]bool, len(c.docs))
	}
	if !c.refDone[a] {
		c.refs[a], c.refDone[a] = anchorOf(c.docs[a].Text, c.docs[a].Published), true
	}
	return c.refs[a]
}

// anchorOf is ref for one article's text and publication date.
func anchorOf(text string, pub time.Time) time.Time {
	if pub.IsZero() {
		return pub
	}
	var lo, hi time.Time
	n := 0
	for _, m := range date.Find(text, pub) {
		if m.Precision != date.Day || (m.Relative && !strings.ContainsAny(m.Text, "0123456789")) {
			continue // weekdays, "yesterday": resolved from the anchor, not evidence of it
		}
		if pub.Sub(m.Date) <= anchorGap {
			return pub // the article tells of its own days
		}
		if n == 0 || m.Date.Before(lo) {
			lo = m.Date
		}
		if n == 0 || m.Date.After(hi) {
			hi = m.Date
		}
		n++
	}
	if n < anchorMin || hi.Sub(lo) > anchorSpan || hi.Year() == pub.Year() || strings.Contains(text, strconv.Itoa(pub.Year())) {
		return pub // a story of its own year recalling a date, not a page of another time
	}
	return hi
}
