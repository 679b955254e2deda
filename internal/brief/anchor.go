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
// dates (every one more than anchorGap before publication, the latest in
// an earlier year, which the article never names, with at least anchorMin
// of them within anchorSpan of it) say it was written then and dated later (a
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

// anchorOf is ref for one article's text and publication date. The
// episode is the latest explicit day date and those within anchorSpan
// before it; older dates ("since Sept. 11, 2001") are history the page
// recalls and neither make nor break the anchor.
func anchorOf(text string, pub time.Time) time.Time {
	if pub.IsZero() {
		return pub
	}
	var days []time.Time
	for _, m := range date.Find(text, pub) {
		if m.Precision != date.Day || (m.Relative && !strings.ContainsAny(m.Text, "0123456789")) {
			continue // weekdays, "yesterday": resolved from the anchor, not evidence of it
		}
		if pub.Sub(m.Date) <= anchorGap {
			return pub // the article tells of its own days
		}
		days = append(days, m.Date)
	}
	var hi time.Time
	for _, d := range days {
		if d.After(hi) {
			hi = d
		}
	}
	n := 0
	for _, d := range days {
		if hi.Sub(d) <= anchorSpan {
			n++
		}
	}
	if n < anchorMin || hi.Year() == pub.Year() || strings.Contains(text, strconv.Itoa(pub.Year())) {
		return pub // a story of its own year recalling a date, not a page of another time
	}
	return hi
}
