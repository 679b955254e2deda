package date

import "time"

// finder walks the tokens of one text.
type finder struct {
	text string
	toks []tok
	ref  time.Time // zero: absolute dates only
	out  []Mention
}

// matcher tries to read a date at token i; it returns the index after
// the last token it used, or 0 when nothing matched.
type matcher func(f *finder, i int) int

var matchers = []matcher{
	(*finder).iso,
	(*finder).usNumeric,
	(*finder).monthFirst,
	(*finder).dayFirst,
	(*finder).weekday,
	(*finder).relativeWord,
	(*finder).ago,
	(*finder).bareYear,
}

func (f *finder) run() []Mention {
	for i := 0; i < len(f.toks); {
		if t := f.toks[i]; t.kind == punct || t.kind == word && !triggers[t.lw] {
			i++
			continue
		}
		next := 0
		for _, m := range matchers {
			if next = m(f, i); next > 0 {
				break
			}
		}
		if next > i {
			i = next
		} else {
			i++
		}
	}
	return f.out
}

// emit records a mention over tokens [i, j).
func (f *finder) emit(i, j int, d time.Time, p Precision, rel bool) int {
	s, e := f.toks[i].start, f.toks[j-1].end
	f.out = append(f.out, Mention{Start: s, End: e, Text: f.text[s:e], Date: d, Precision: p, Relative: rel})
	return j
}

// tok returns token i, or a zero punct token past either end.
func (f *finder) tok(i int) tok {
	if i < 0 || i >= len(f.toks) {
		return tok{kind: punct, blank: true}
	}
	return f.toks[i]
}

// isP reports whether token i is the punctuation p.
func (f *finder) isP(i int, p string) bool {
	t := f.tok(i)
	return t.kind == punct && t.text == p && t.end > 0
}

// isW reports whether token i is a word equal, ignoring case, to one of
// the lower-case words ws.
func (f *finder) isW(i int, ws ...string) bool {
	t := f.tok(i)
	if t.kind != word {
		return false
	}
	for _, w := range ws {
		if t.lw == w {
			return true
		}
	}
	return false
}

// lower is token i lower-cased ("" unless it is a word).
func (f *finder) lower(i int) string {
	return f.tok(i).lw
}

// dayNum reads a day of month (1-31) at i, with an adjacent ordinal
// suffix; it returns the day and the index after it.
func (f *finder) dayNum(i int) (int, int) {
	t := f.tok(i)
	if t.kind != num || len(t.text) > 2 {
		return 0, 0
	}
	d := t.value()
	if d < 1 || d > 31 {
		return 0, 0
	}
	j := i + 1
	if n := f.tok(j); !n.blank && f.isW(j, "st", "nd", "rd", "th") {
		j++
	}
	if n := f.tok(j); !n.blank && (n.kind == num || n.kind == word || f.isP(j, ":")) {
		return 0, 0 // 9:30, 9am, 12a
	}
	return d, j
}

// yearNum reads a four-digit year after white space at i.
func (f *finder) yearNum(i int) (int, bool) {
	t := f.tok(i)
	if t.kind != num || len(t.text) != 4 || !t.blank {
		return 0, false
	}
	if n := f.tok(i + 1); !n.blank && (n.kind == num || n.kind == word) {
		return 0, false
	}
	y := t.value()
	return y, y >= 1000 && y <= 2999
}
