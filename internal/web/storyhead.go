package web

import (
	"strconv"
	"strings"

	"parallax/internal/model"
)

// storySources says how many sources a story has: its outlets, with each
// article whose outlet is unknown counted as a source of its own
// ("5 sources, outlets unknown"), never "0 outlets".
func storySources(s model.Story) string {
	n := strconv.Itoa(s.Sources())
	switch {
	case s.NoOutlet == 0 && s.Outlets == 1:
		return "1 outlet"
	case s.NoOutlet == 0:
		return strconv.Itoa(s.Outlets) + " outlets"
	case s.Outlets == 0 && s.NoOutlet == 1:
		return "1 source, outlet unknown"
	case s.Outlets == 0:
		return n + " sources, outlets unknown"
	case s.NoOutlet == 1:
		return n + " sources, 1 of unknown outlet"
	}
	return n + " sources, " + strconv.Itoa(s.NoOutlet) + " of unknown outlet"
}

// storyDates is a story's date range, or "undated" when none of its
// articles has a publication date (its times are then only when its
// articles were stored, which say nothing of the story).
func storyDates(s model.Story) string {
	if s.Undated {
		return "undated"
	}
	return dateRange(s.First, s.Last)
}

// unplacedNote says what a story's timeline could not place for want of
// publication dates, and, when it holds nothing, that nothing else could
// be dated; "" when every article is dated.
func unplacedNote(u *model.Unplaced, placed int) string {
	if u == nil || u.Articles == 0 {
		return ""
	}
	var b strings.Builder
	if u.Articles == 1 {
		b.WriteString("1 article gives no publication date")
	} else {
		b.WriteString(strconv.Itoa(u.Articles) + " articles give no publication date")
	}
	if u.Dates > 0 {
		b.WriteString(", so " + plural(u.Dates, "date", "dates") + " in them could not be placed")
		if len(u.Examples) > 0 {
			b.WriteString(" (“" + strings.Join(u.Examples, "”, “") + "”)")
		}
	}
	b.WriteString(". ")
	if placed == 0 {
		b.WriteString("Nothing else in the story could be dated from its text.")
	} else {
		b.WriteString("The timeline holds what the texts date themselves.")
	}
	return b.String()
}

// plural writes a count with its noun.
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
