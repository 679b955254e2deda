package date

import "time"

// inferDay emits month m, day d without a year over tokens [i, j): the
// year is the one that puts the date closest to ref, days after ref
// beyond the first three counting triple - or, when a future cue such as
// "will" precedes it, days before ref counting triple.
func (f *finder) inferDay(i, j int, m time.Month, d int) int {
	if f.ref.IsZero() || !valid(2000, m, d) {
		return 0
	}
	var best time.Time
	bestCost := -1
	future := f.futureCue(i)
	for y := f.ref.Year() - 1; y <= f.ref.Year()+1; y++ {
		if !valid(y, m, d) {
			continue
		}
		c := day(y, m, d)
		cost := distance(int(f.ref.Sub(c).Hours()/24), 3, future)
		if bestCost < 0 || cost < bestCost || cost == bestCost && future {
			best, bestCost = c, cost
		}
	}
	if bestCost < 0 {
		return 0
	}
	return f.emit(i, j, best, Day, true)
}

// inferMonth emits month m without a year over tokens [i, j), choosing
// the year as inferDay does, counting months.
func (f *finder) inferMonth(i, j int, m time.Month) int {
	if f.ref.IsZero() {
		return 0
	}
	refN := f.ref.Year()*12 + int(f.ref.Month()) - 1
	best, bestCost := 0, -1
	future := f.futureCue(i)
	for y := f.ref.Year() - 1; y <= f.ref.Year()+1; y++ {
		cost := distance(refN-(y*12+int(m)-1), 0, future)
		if bestCost < 0 || cost < bestCost || cost == bestCost && future {
			best, bestCost = y, cost
		}
	}
	return f.emit(i, j, day(best, m, 1), Month, true)
}

// distance weighs how far back (positive) or ahead (negative) a candidate
// lies from ref: ahead beyond grace counts triple, or, for a future
// expression, behind counts triple.
func distance(back, grace int, future bool) int {
	switch {
	case future && back > 0:
		return 3 * back
	case future:
		return -back
	case back < -grace:
		return -3 * back
	case back < 0:
		return -back
	}
	return back
}

// weekday reads "Wednesday", "on Monday", "last Friday", "next Tuesday".
// Alone, a weekday is the latest such day on or before ref (news
// convention), unless a future cue ("will", "scheduled") comes shortly
// before it: then it is the next such day on or after ref.
func (f *finder) weekday(i int) int {
	t := f.tok(i)
	wd, ok := weekdays[f.lower(i)]
	if !ok || !t.isCap() || f.ref.IsZero() {
		return 0
	}
	j := i + 1
	if f.isP(j, ",") {
		j++
	}
	if _, _, ok := monthOf(f.tok(j)); ok || f.tok(j).kind == num {
		return 0 // "Monday, Oct. 3": the explicit date follows
	}
	back := (int(f.ref.Weekday()) - int(wd) + 7) % 7 // days back to it
	start, delta := i, -back
	switch {
	case f.isW(i-1, "last"):
		start = i - 1
		if back == 0 {
			delta = -7
		}
	case f.isW(i-1, "next"):
		start, delta = i-1, 7-back
	case f.futureCue(i):
		delta = (7 - back) % 7
	}
	return f.emit(start, i+1, f.ref.AddDate(0, 0, delta), Day, true)
}

// futureCue reports whether a future word comes within the eight tokens
// before token i, inside its sentence.
func (f *finder) futureCue(i int) bool {
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		if f.isP(k, ".") || f.isP(k, "?") || f.isP(k, "!") {
			return false
		}
		if futureCue[f.lower(k)] || f.isW(k, "set", "poised") && f.isW(k+1, "to") {
			return true // "will", "next", "is set to", "poised to"
		}
	}
	return false
}

// relativeWord reads "today", "yesterday", "tomorrow", "tonight", "this
// morning", "last night", "the day before yesterday", "last week", "next
// month", "this year" and the like.
func (f *finder) relativeWord(i int) int {
	if f.ref.IsZero() {
		return 0
	}
	r := f.ref
	switch f.lower(i) {
	case "today", "tonight":
		if f.tok(i).isCap() && f.tok(i-1).isCap() {
			return 0 // USA Today, Piers Morgan Tonight
		}
		return f.emit(i, i+1, r, Day, true)
	case "yesterday":
		return f.emit(i, i+1, r.AddDate(0, 0, -1), Day, true)
	case "tomorrow":
		return f.emit(i, i+1, r.AddDate(0, 0, 1), Day, true)
	case "the":
		if f.isW(i+1, "day") && f.isW(i+2, "before") && f.isW(i+3, "yesterday") {
			return f.emit(i, i+4, r.AddDate(0, 0, -2), Day, true)
		}
		if f.isW(i+1, "day") && f.isW(i+2, "after") && f.isW(i+3, "tomorrow") {
			return f.emit(i, i+4, r.AddDate(0, 0, 2), Day, true)
		}
	case "this":
		if f.isW(i+1, "morning", "afternoon", "evening") {
			return f.emit(i, i+2, r, Day, true)
		}
		return f.period(i, 0)
	case "last":
		if f.isW(i+1, "night") {
			return f.emit(i, i+2, r.AddDate(0, 0, -1), Day, true)
		}
		return f.period(i, -1)
	case "next":
		return f.period(i, 1)
	}
	return 0
}

// period reads "week", "month" or "year" after "last", "this" or "next"
// (n = -1, 0, 1). A week resolves to its Monday at Week precision: the
// text names no day of it.
func (f *finder) period(i, n int) int {
	r := f.ref
	switch f.lower(i + 1) {
	case "week":
		return f.emit(i, i+2, monday(r.AddDate(0, 0, 7*n)), Week, true)
	case "month":
		return f.emit(i, i+2, day(r.Year(), r.Month()+time.Month(n), 1), Month, true)
	case "year":
		return f.emit(i, i+2, day(r.Year()+n, 1, 1), Year, true)
	}
	return 0
}

// ago reads "two days ago", "3 weeks ago", "a month ago", "five years ago".
func (f *finder) ago(i int) int {
	if f.ref.IsZero() {
		return 0
	}
	t := f.tok(i)
	n, ok := numbers[f.lower(i)]
	if t.kind == num && len(t.text) <= 3 {
		n, ok = t.value(), true
	}
	if !ok || !f.isW(i+2, "ago") {
		return 0
	}
	r := f.ref
	switch f.lower(i + 1) {
	case "day", "days":
		return f.emit(i, i+3, r.AddDate(0, 0, -n), Day, true)
	case "week", "weeks":
		return f.emit(i, i+3, monday(r.AddDate(0, 0, -7*n)), Week, true)
	case "month", "months":
		return f.emit(i, i+3, day(r.Year(), r.Month()-time.Month(n), 1), Month, true)
	case "year", "years":
		return f.emit(i, i+3, day(r.Year()-n, 1, 1), Year, true)
	}
	return 0
}
