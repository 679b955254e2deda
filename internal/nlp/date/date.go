// Package date finds date expressions in English news text and resolves
// them to calendar dates: explicit ones ("Sept. 9, 2016", "2016-10-03",
// "10/03/2016", "September 2016", "in 2015") and, given the article's
// publication date, relative ones ("yesterday", "on Wednesday", "last
// month", "two days ago", "Sept. 9" without a year).
package date

import (
	"sync"
	"time"
)

// Precision says how much of a date the text gave.
type Precision int

// Precisions, finest first.
const (
	Day Precision = iota
	// Week is a calendar week ("last week", "two weeks ago"): Date is its
	// Monday, since the text names no day.
	Week
	Month
	Year
)

// String returns "day", "week", "month" or "year".
func (p Precision) String() string {
	switch p {
	case Day:
		return "day"
	case Week:
		return "week"
	case Month:
		return "month"
	case Year:
		return "year"
	}
	return "unknown"
}

// Mention is one date expression found in a text.
type Mention struct {
	Start, End int    // byte offsets: Text == text[Start:End]
	Text       string // the expression as written
	// Date is UTC midnight of the day, or of the first day of the week
	// (Monday), month or year when Precision is coarser.
	Date      time.Time
	Precision Precision
	// Relative is true when the date was resolved against the reference
	// date (weekdays, "yesterday", "last month", a month-day without year).
	Relative bool
}

// Find returns the date expressions of text in order, resolved against
// ref, the article's publication date. With a zero ref only absolute
// dates (those that name their year) are returned.
func Find(text string, ref time.Time) []Mention {
	if !ref.IsZero() {
		ref = day(ref.Year(), ref.Month(), ref.Day())
	}
	buf := tokPool.Get().(*[]tok)
	f := finder{text: text, toks: lex(text, (*buf)[:0]), ref: ref}
	out := f.run()
	if cap(f.toks) <= maxPooled {
		clear(f.toks) // drop the references to text before pooling
		*buf = f.toks[:0]
		tokPool.Put(buf)
	}
	return out
}

// maxPooled bounds the token slices kept for reuse: one huge text must
// not pin its tokens.
const maxPooled = 1 << 14

// tokPool recycles token slices: Find runs for every article.
var tokPool = sync.Pool{New: func() any { return new([]tok) }}

// monday returns the Monday of the week holding t.
func monday(t time.Time) time.Time {
	return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
}

// day returns UTC midnight of the given date.
func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
