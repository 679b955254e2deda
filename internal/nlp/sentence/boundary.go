package sentence

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax/internal/nlp/token"
)

// start classifies how the text after a candidate boundary begins.
type start int

const (
	startUpper start = iota // capital letter or uncased letter
	startLower
	startDigit
	startOther
)

// boundary decides whether the stop marks line[i:i+n] end a sentence and
// returns the cut (after any closing quotes or brackets), or -1.
func boundary(line string, i, n int) int {
	j := i + n
	for j < len(line) {
		c := closerLen(line, j)
		if c == 0 {
			break
		}
		j += c
	}
	if j == len(line) {
		return j
	}
	if !isSpaceAt(line, j) {
		if n == 1 && j == i+1 && glued(line, i) {
			return j // "the opposition forces.Instead of"
		}
		return -1 // 3.5, U.S.-led, Yahoo!Inc
	}
	k := j
	for k < len(line) && isSpaceAt(line, k) {
		k += spaceLen(line, k)
	}
	if k == len(line) {
		return j
	}
	next, kind := nextWord(line, k)
	if kind == startLower {
		return -1
	}
	if n > 1 || line[i] != '.' {
		return j // ? ! … and runs such as "..." or "?!"
	}
	if periodEnds(line, i, next, kind) {
		return j
	}
	return -1
}

// nextWord skips opening quotes and brackets at line[k:] and returns the
// word that follows with how it starts.
func nextWord(line string, k int) (string, start) {
	for k < len(line) {
		n := openerLen(line, k)
		if n == 0 {
			break
		}
		k += n
	}
	if k == len(line) {
		return "", startOther
	}
	end := k
	for end < len(line) {
		r, size := utf8.DecodeRuneInString(line[end:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		end += size
	}
	r, _ := utf8.DecodeRuneInString(line[k:])
	switch {
	case unicode.IsLower(r):
		return line[k:end], startLower
	case unicode.IsLetter(r):
		return line[k:end], startUpper
	case unicode.IsDigit(r):
		return line[k:end], startDigit
	}
	return line[k:end], startOther
}

// periodEnds decides a single '.' at line[i] followed by a word that does
// not start in lower case.
func periodEnds(line string, i int, next string, kind start) bool {
	ws := i
	for ws > 0 {
		r, size := utf8.DecodeLastRuneInString(line[:ws])
		if r != '.' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		ws -= size
	}
	w := line[ws:i]
	if w == "" {
		return true // after a quote or bracket: `"absurd". Then`
	}
	lw := strings.ToLower(w)
	stopNext := kind == startUpper && token.IsStop(strings.ToLower(next))
	switch {
	case strings.Contains(w, "."): // U.S., D.C., a.m., e.g.
		return !latinAbbr[lw] && stopNext
	case isInitial(w): // John F. Kerry
		return stopNext
	case titles[lw]: // Mr. Sen. Gen.
		return false
	case beforeNumber[lw]: // Sept. 9, No. 1
		return kind != startDigit
	case nameSuffix[lw]: // Inc. Jr.
		return stopNext
	case isDigits(w) && strings.TrimSpace(line[:ws]) == "": // "1. First"
		return false
	}
	return true
}

// isInitial reports whether w is one capital letter.
func isInitial(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	return size == len(w) && unicode.IsUpper(r)
}

func isDigits(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// titles precede a name: never sentence-final.
var titles = set(`mr mrs ms messrs mme dr prof sen sens rep reps gov gen lt col capt cpt sgt
cmdr adm maj brig cpl pvt st ste rev hon pres sec secy supt atty amb ft mt insp det supt
esq fr univ assn`)

// beforeNumber abbreviations are not final before a number.
var beforeNumber = set(`jan feb mar apr jun jul aug sep sept oct nov dec no nos vol vols fig figs
pp p art ch sec para pt ed`)

// nameSuffix abbreviations can end a sentence, but usually do not.
var nameSuffix = set(`inc corp ltd co jr sr bros llc plc cos dept est approx ca vs v al`)

// latinAbbr never end a sentence before a capital.
var latinAbbr = set(`e.g i.e cf viz`)

// glued reports whether the period at line[i] ends a sentence that the
// next one follows without a space, as copy-pasted text often has: a
// lower-case word of three letters or more before it (not an
// abbreviation or an initial) and a capitalised word of two letters or
// more, then lower case, after it ("forces.Instead"). Domain-like runs
// ("example.com") start in lower case and are left alone.
func glued(line string, i int) bool {
	k := i
	for k > 0 {
		r, size := utf8.DecodeLastRuneInString(line[:k])
		if !unicode.IsLower(r) {
			if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '/' || r == '@' {
				return false
			}
			break
		}
		k -= size
	}
	if i-k < 3 {
		return false
	}
	r, size := utf8.DecodeRuneInString(line[i+1:])
	if !unicode.IsUpper(r) {
		return false
	}
	rest := line[i+1+size:]
	r2, size2 := utf8.DecodeRuneInString(rest)
	if !unicode.IsLower(r2) {
		return false
	}
	r3, _ := utf8.DecodeRuneInString(rest[size2:])
	return unicode.IsLower(r3)
}
