package date

import "time"

// valid reports whether y-m-d is a real date.
func valid(y int, m time.Month, d int) bool {
	return m >= 1 && m <= 12 && d >= 1 && d <= day(y, m+1, 0).Day()
}

// adjacent reports whether tokens i+1..j-1 follow each other without
// white space.
func (f *finder) adjacent(i, j int) bool {
	for k := i + 1; k < j; k++ {
		if f.tok(k).blank || k >= len(f.toks) {
			return false
		}
	}
	return true
}

// iso reads 2016-10-03.
func (f *finder) iso(i int) int {
	if !f.adjacent(i, i+5) || !f.isP(i+1, "-") || !f.isP(i+3, "-") {
		return 0
	}
	y, m, d := f.tok(i), f.tok(i+2), f.tok(i+4)
	if y.kind != num || len(y.text) != 4 || m.kind != num || len(m.text) != 2 || d.kind != num || len(d.text) != 2 {
		return 0
	}
	if n := f.tok(i + 5); !n.blank && n.kind == num {
		return 0
	}
	if !valid(y.value(), time.Month(m.value()), d.value()) {
		return 0
	}
	return f.emit(i, i+5, day(y.value(), time.Month(m.value()), d.value()), Day, false)
}

// usNumeric reads 10/03/2016 or 10/3/16 (month first).
func (f *finder) usNumeric(i int) int {
	if !f.adjacent(i, i+5) || !f.isP(i+1, "/") || !f.isP(i+3, "/") {
		return 0
	}
	m, d, y := f.tok(i), f.tok(i+2), f.tok(i+4)
	if m.kind != num || len(m.text) > 2 || d.kind != num || len(d.text) > 2 || y.kind != num {
		return 0
	}
	if n := f.tok(i + 5); !n.blank && (n.kind == num || f.isP(i+5, "/")) {
		return 0
	}
	yy := y.value()
	switch len(y.text) {
	case 2:
		yy += 2000
	case 4:
	default:
		return 0
	}
	if !valid(yy, time.Month(m.value()), d.value()) {
		return 0
	}
	return f.emit(i, i+5, day(yy, time.Month(m.value()), d.value()), Day, false)
}

// monthFirst reads "September 9", "Sept. 9, 2016", "September 2016" and,
// after words such as "in", a bare "September".
func (f *finder) monthFirst(i int) int {
	m, abbr, ok := monthOf(f.tok(i))
	if !ok {
		return 0
	}
	j := i + 1
	if f.isP(j, ".") && !f.tok(j).blank {
		j++
	}
	if d, k := f.dayNum(j); d > 0 {
		if y, ok := f.yearAfter(k); ok {
			return f.dayDate(i, y.next, y.year, m, d)
		}
		return f.inferDay(i, k, m, d)
	}
	if f.isW(j, "of") && !abbr {
		j++ // "March of 1998"
	}
	if y, ok := f.yearAfter(j); ok {
		return f.emit(i, y.next, day(y.year, m, 1), Month, false)
	}
	if abbr || !f.monthLeads(i) {
		return 0
	}
	return f.inferMonth(i, i+1, m)
}

// monthLeads reports whether the word before a bare month name makes it
// a date: "in May", "since March", "mid-September".
func (f *finder) monthLeads(i int) bool {
	if f.isP(i-1, "-") && !f.tok(i).blank && f.isW(i-2, "mid") {
		return true
	}
	return monthLead[f.lower(i-1)]
}

type yearAt struct{ year, next int }

// yearAfter reads an optional comma and a year at i.
func (f *finder) yearAfter(i int) (yearAt, bool) {
	if f.isP(i, ",") {
		i++
	}
	y, ok := f.yearNum(i)
	return yearAt{y, i + 1}, ok
}

// dayFirst reads "9 September 2016", "9th of Sept." and "9 September".
func (f *finder) dayFirst(i int) int {
	d, j := f.dayNum(i)
	if d == 0 || !f.tok(i).blank && f.tok(i-1).kind != punct {
		return 0
	}
	if f.isW(j, "of") {
		j++
	}
	m, abbr, ok := monthOf(f.tok(j))
	if !ok {
		return 0
	}
	j++
	if abbr && f.isP(j, ".") && !f.tok(j).blank {
		j++
	}
	if y, ok := f.yearAfter(j); ok {
		return f.dayDate(i, y.next, y.year, m, d)
	}
	if abbr && f.tok(j).isCap() {
		return 0 // "20 Jan Egeland"
	}
	return f.inferDay(i, j, m, d)
}

// dayDate emits a full date over tokens [i, j) if it is valid.
func (f *finder) dayDate(i, j, y int, m time.Month, d int) int {
	if !valid(y, m, d) {
		return 0
	}
	return f.emit(i, j, day(y, m, d), Day, false)
}

// bareYear reads a four-digit year standing alone, as in "in 2015", "a
// 2016 law" or "the 1996 massacre". Without a leading word such as "in"
// or punctuation after it, the year must be 1900-2099 and must not count
// something ("2000 people", "1500 troops").
func (f *finder) bareYear(i int) int {
	y, ok := f.yearNum(i)
	if !ok || y < 1800 || y > 2100 {
		return 0
	}
	next := f.tok(i + 1)
	if next.kind == punct && !next.blank && (next.text == "%" || next.text == "-" || next.text == "/") {
		return 0
	}
	lead := yearLead[f.lower(i-1)] || f.isW(i-1, "s") && (f.isP(i-2, "'") || f.isP(i-2, "’"))
	trail := next.kind == punct && next.text != "" && next.text != "$" || i+1 >= len(f.toks)
	if !lead && !trail && (y < 1900 || y > 2099 || next.kind != word || countsThings(next)) {
		return 0
	}
	return f.emit(i, i+1, day(y, 1, 1), Year, false)
}

// countsThings reports whether a word after a number is likely what the
// number counts: a plural or a collective noun.
func countsThings(t tok) bool {
	if t.kind != word || t.isCap() {
		return false
	}
	w := t.text
	return countNouns[t.lw] || len(w) > 3 && w[len(w)-1] == 's' && w[len(w)-2] != 's'
}
