package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tok is one word of the text with its byte offsets.
type tok struct {
	start, end int
	text       string
	initial    bool // first word of a sentence or paragraph
}

// abbrevs are words whose trailing period belongs to them.
var abbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "sec": true, "dept": true, "gen": true,
	"sen": true, "rep": true, "gov": true, "lt": true, "col": true, "capt": true, "sgt": true,
	"adm": true, "jr": true, "sr": true, "st": true, "rev": true, "prof": true, "corp": true,
	"inc": true, "co": true, "ltd": true, "maj": true, "cmdr": true, "pres": true, "amb": true,
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// tokenize splits text into words. A word is a run of letters and digits,
// joined by inner hyphens ("al-Assad"), inner periods ("U.S.") and inner
// apostrophes followed by a capital ("O'Brien"). A period after an
// abbreviation or single letter is kept ("Mr.", "F.", "U.S.").
func tokenize(text string) []tok {
	var out []tok
	initial := true
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			switch r {
			case '\n', '!', '?':
				initial = true
			case '.':
				if i+1 >= len(text) || text[i+1] == ' ' || text[i+1] == '\n' {
					initial = true
				}
			case ':':
				initial = true
			}
			i += n
			continue
		}
		start := i
		end := scanWord(text, i)
		w := text[start:end]
		// Keep the trailing period of abbreviations and initials.
		if end < len(text) && text[end] == '.' {
			base := strings.ToLower(strings.ReplaceAll(w, ".", ""))
			if abbrevs[base] || utf8.RuneCountInString(w) == 1 || strings.Contains(w, ".") {
				end++
				w = text[start:end]
			}
		}
		out = append(out, tok{start: start, end: end, text: w, initial: initial})
		initial = false
		i = end
	}
	return out
}

// scanWord returns the end of the word starting at i.
func scanWord(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			i += n
			continue
		}
		if r == '-' || r == '.' || r == '\'' || r == '’' {
			nr, _ := utf8.DecodeRuneInString(text[i+n:])
			if i+n < len(text) && isWordRune(nr) {
				if (r == '\'' || r == '’') && !unicode.IsUpper(nr) {
					return i
				}
				if r == '.' && !unicode.IsLetter(nr) {
					return i
				}
				i += n
				continue
			}
		}
		return i
	}
	return i
}

// capitalized reports whether w starts with an upper-case letter.
func capitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// allCaps reports whether w has at least two letters, all upper-case.
func allCaps(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}
