package date

import (
	"strings"
	"time"
)

// months maps lower-case month names and abbreviations to months.
var months = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

// numbers spelled out, for "two days ago".
var numbers = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

// yearLead are words after which a bare four-digit number is a year.
var yearLead = set(`in since by until till of from to before after during through throughout
early late mid between a an the this that its his her their our fiscal`)

// monthLead are words after which a bare month name is a month.
var monthLead = set(`in since by until till of from before after during through throughout
early late mid last next this that for`)

// countNouns are collective nouns a number can count: "2000 people".
var countNouns = set(`people police staff personnel feet foot metres meters miles kilometres
kilometers yards acres tons tonnes barrels gallons men women children cattle sq square more
other others of to or and percent per`)

// futureCue words in the few words before a weekday make it future.
var futureCue = set(`will ll shall next upcoming scheduled slated due expected planned plans plan`)

// triggers are the words a date expression can start with.
var triggers = func() map[string]bool {
	m := set("today tonight yesterday tomorrow the this last next")
	for w := range months {
		m[w] = true
	}
	for w := range weekdays {
		m[w] = true
	}
	for w := range numbers {
		m[w] = true
	}
	return m
}()

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// monthOf returns the month a capitalised word names; abbr says it is an
// abbreviation (which needs a number after it to count as a date).
func monthOf(t tok) (m time.Month, abbr, ok bool) {
	if !t.isCap() || len(t.text) < 3 || len(t.text) > 9 {
		return 0, false, false
	}
	lw := t.lw
	m, ok = months[lw]
	return m, ok && len(lw) < len(m.String()), ok
}
