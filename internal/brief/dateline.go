package brief

import (
	"strings"
	"unicode"
)

// datelineWithin bounds how far into a sentence a wire dateline can end.
const datelineWithin = 200

// datelineSeps end the parts of a wire dateline.
var datelineSeps = []string{" -- ", " — "}

// dropDateline removes the place, date and slug that wire copy sets before
// its first sentence, parts ended by " -- " or " — ": "WASHINGTON (AP) --
// The Senate …" and "(NYT42) NEW YORK -- Oct. 20, 1999 -- NY-METS, 10-20 --
// The Mets' …" both give the sentence from "The". A prefix is a dateline
// only when none of its words starts in lower case and one is in capitals
// ("WASHINGTON", "(AP)"), and the rest opens as a sentence does: "Barack
// Obama — who …" or "NASA — the agency …" keep their dash.
func dropDateline(s string) string {
	head := s[:min(len(s), datelineWithin)]
	cut := 0
	for _, sep := range datelineSeps {
		for i := 0; ; {
			j := strings.Index(head[i:], sep)
			if j < 0 {
				break
			}
			at := i + j
			if end := at + len(sep); end > cut && datelinePrefix(s[:at]) && opensSentence(s[end:]) {
				cut = end
			}
			i = at + len(sep)
		}
	}
	return s[cut:]
}

// datelinePrefix reports whether p reads as dateline parts: no word opens
// in lower case, and one has two or more letters, all capitals.
func datelinePrefix(p string) bool {
	capital := false
	for _, w := range strings.Fields(p) {
		w = strings.TrimLeft(w, "([\"'`")
		if w == "" || w == "--" || w == "—" {
			continue
		}
		if r := []rune(w)[0]; unicode.IsLower(r) {
			return false
		}
		letters, upper := 0, 0
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					upper++
				}
			}
		}
		if letters >= 2 && upper == letters {
			capital = true
		}
	}
	return capital
}

// opensSentence reports whether s starts as a sentence: a capital, a
// digit or a quotation mark.
func opensSentence(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"'`“‘", r)
	}
	return false
}
