package stem

// cond is the condition a rule puts on the stem left after its suffix.
type cond uint8

const (
	always cond = iota
	mGT0        // m > 0
	mGT1        // m > 1
	mGT1ST      // m > 1 and the stem ends in s or t (for -ion)
	logi        // NLTK's -logi rule: m > 0 of the word minus "ogi"
)

// rule replaces suffix suf with rep when the condition holds.
type rule struct {
	suf, rep string
	c        cond
}

// applyRules applies the first rule whose suffix ends w; as in NLTK a
// failed condition stops the search.
func applyRules[T char](w []T, rules []rule) []T {
	for _, r := range rules {
		if !endsWith(w, r.suf) {
			continue
		}
		stem := w[:len(w)-len(r.suf)]
		if holds(stem, r.c) {
			return appendStr(stem, r.rep)
		}
		return w
	}
	return w
}

func holds[T char](stem []T, c cond) bool {
	switch c {
	case mGT0:
		return measure(stem) > 0
	case mGT1:
		return measure(stem) > 1
	case mGT1ST:
		n := len(stem)
		return measure(stem) > 1 && (stem[n-1] == 's' || stem[n-1] == 't')
	case logi:
		// word[:-3] is the stem plus the 'l' of "logi".
		return measure(stem[:len(stem)+1]) > 0
	}
	return true
}

var step1aRules = []rule{{"sses", "ss", always}, {"ies", "i", always}, {"ss", "ss", always}, {"s", "", always}}

func step1a[T char](w []T) []T {
	if len(w) == 4 && endsWith(w, "ies") {
		return appendStr(w[:1], "ie")
	}
	return applyRules(w, step1aRules)
}

func step1b[T char](w []T) []T {
	if endsWith(w, "ied") {
		if len(w) == 4 {
			return appendStr(w[:1], "ie")
		}
		return appendStr(w[:len(w)-3], "i")
	}
	if endsWith(w, "eed") {
		if stem := w[:len(w)-3]; measure(stem) > 0 {
			return appendStr(stem, "ee")
		}
		return w
	}
	var s []T
	switch {
	case endsWith(w, "ed") && hasVowel(w[:len(w)-2]):
		s = w[:len(w)-2]
	case endsWith(w, "ing") && hasVowel(w[:len(w)-3]):
		s = w[:len(w)-3]
	default:
		return w
	}
	switch {
	case endsWith(s, "at"), endsWith(s, "bl"), endsWith(s, "iz"):
		return append(s, 'e')
	case endsDouble(s):
		if last := s[len(s)-1]; last != 'l' && last != 's' && last != 'z' {
			return s[:len(s)-1]
		}
		return s
	case endsWith(s, "*d"): // NLTK's "*d" rule also matches literally
		return append(s[:len(s)-2], 'd')
	case measure(s) == 1 && endsCVC(s):
		return append(s, 'e')
	}
	return s
}

func step1c[T char](w []T) []T {
	n := len(w)
	if n > 0 && w[n-1] == 'y' && n-1 > 1 && isCons(w, n-2) {
		w[n-1] = 'i'
	}
	return w
}
