package quote

// Headers in capitals that name the speaker of the quotation after them, as
// wire roundups of reactions write them.

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// capitalHeader returns the person a line in capitals right before a
// quotation names, with their role after a comma, as wire roundups of
// reactions head each one ("GEORGE JOFFE , NORTH AFRICA EXPERT AT
// CAMBRIDGE UNIVERSITY “…”"): the name in title case. A dateline ("NEW
// ORLEANS , LA --") names no role and no one.
func (f *finder) capitalHeader(before string) string {
	off := 0 // where head starts in before
	if k := strings.LastIndex(before, ": "); k >= 0 {
		// "Following are quotes on the situation in Libya : SHADI HAMID ,
		// DIRECTOR …": the header after the roundup's lead
		off = k + 2
	}
	head := strings.TrimSpace(before[off:])
	head = capsRun(head) // "… WERNER HOYER On Libyan threat to …": the topic after the header is no part of it
	if strings.IndexFunc(head, unicode.IsLower) >= 0 {
		return ""
	}
	k := strings.Index(head, ",")
	if k < 0 {
		return roleFirstHeader(head) // "ITALIAN FOREIGN MINISTER FRANCO FRATTINI"
	}
	if k == 0 {
		return ""
	}
	name := strings.Fields(head[:k])
	if len(name) < 2 || len(name) > 4 {
		return ""
	}
	for _, w := range name {
		if strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '.' }) >= 0 {
			return ""
		}
	}
	role := false
	for _, w := range strings.Fields(strings.ToLower(head[k+1:])) {
		role = role || roles[w]
	}
	if !role {
		return ""
	}
	for i, w := range name {
		name[i] = titleWord(w)
	}
	return strings.Join(name, " ")
}

// capsRun returns the words of head in capitals up to the first word
// that is not, when at least two are: a header before a topic line.
func capsRun(head string) string {
	ws := strings.Fields(head)
	n := 0
	for n < len(ws) && strings.IndexFunc(ws[n], unicode.IsLower) < 0 {
		n++
	}
	if n < 2 || n == len(ws) {
		return head
	}
	return strings.Join(ws[:n], " ")
}

// roleFirstHeader returns the name a header in capitals gives after a
// role ("ITALIAN FOREIGN MINISTER FRANCO FRATTINI" -> "Franco
// Frattini"), two to four words, or "".
func roleFirstHeader(head string) string {
	ws := strings.Fields(head)
	last := -1
	for i, w := range ws {
		if lw := strings.ToLower(w); roles[lw] || roleWords[titleWord(w)] {
			last = i
		}
	}
	name := ws[last+1:]
	if last < 0 || len(name) < 2 || len(name) > 4 {
		return ""
	}
	for i, w := range name {
		if strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != '\'' }) >= 0 {
			return ""
		}
		name[i] = titleWord(w)
	}
	return strings.Join(name, " ")
}

// titleWord writes a word in capitals in title case, each part of a
// hyphenated word too ("EL-KIKHIA" -> "El-Kikhia").
func titleWord(w string) string {
	parts := strings.Split(strings.ToLower(w), "-")
	for i, p := range parts {
		if r, n := utf8.DecodeRuneInString(p); n > 0 {
			parts[i] = string(unicode.ToUpper(r)) + p[n:]
		}
	}
	return strings.Join(parts, "-")
}
