package stem

// char is a byte (ASCII fast path) or a rune (any other word).
type char interface{ ~byte | ~rune }

func isVowel[T char](c T) bool {
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'
}

// isCons reports whether w[i] is a consonant: not a vowel, and a 'y' only
// when it starts the word or follows a vowel.
func isCons[T char](w []T, i int) bool {
	c := w[i]
	if isVowel(c) {
		return false
	}
	if c != 'y' {
		return true
	}
	// A 'y' is a consonant at 0, else the opposite of its predecessor:
	// walk back over the run of y's ending at i.
	j := i
	for j > 0 && w[j-1] == 'y' {
		j--
	}
	flips := i - j // flips between w[j] and w[i]
	if j == 0 {
		return flips%2 == 0 // w[0] is a consonant 'y'
	}
	// w[j] is a 'y' after the non-y w[j-1].
	return isVowel(w[j-1]) != (flips%2 == 1)
}

// measure counts the VC sequences of w ([C](VC){m}[V]).
func measure[T char](w []T) int {
	m := 0
	prevVowel := false
	for i := range w {
		cons := isCons(w, i)
		if cons && prevVowel {
			m++
		}
		prevVowel = !cons
	}
	return m
}

func hasVowel[T char](w []T) bool {
	for i := range w {
		if !isCons(w, i) {
			return true
		}
	}
	return false
}

// endsDouble is condition *d: the word ends with a double consonant.
func endsDouble[T char](w []T) bool {
	n := len(w)
	return n >= 2 && w[n-1] == w[n-2] && isCons(w, n-1)
}

// endsCVC is condition *o, with NLTK's extension for two-letter stems.
func endsCVC[T char](w []T) bool {
	n := len(w)
	if n >= 3 && isCons(w, n-3) && !isCons(w, n-2) && isCons(w, n-1) {
		c := w[n-1]
		return c != 'w' && c != 'x' && c != 'y'
	}
	return n == 2 && !isCons(w, 0) && isCons(w, 1)
}

func endsWith[T char](w []T, suf string) bool {
	if len(w) < len(suf) {
		return false
	}
	off := len(w) - len(suf)
	for i := 0; i < len(suf); i++ {
		if w[off+i] != T(suf[i]) {
			return false
		}
	}
	return true
}

// appendStr appends the ASCII string s to w.
func appendStr[T char](w []T, s string) []T {
	for i := 0; i < len(s); i++ {
		w = append(w, T(s[i]))
	}
	return w
}
