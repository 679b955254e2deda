package entity

import "strings"

// speechVerbs right after a name make it a speaker (a person).
var speechVerbs = words(`said|says|told|added|stated|explained|noted|argued|insisted|wrote|tweeted|declared|warned|claimed|denied|acknowledged|asked|replied|confirmed`)

// chunk types a capitalised stretch that is neither gazetteer nor title.
func (f *finder) chunk(a, b, lineEnd int) {
	for a < b && (demonyms[f.toks[a].text] || common[f.toks[a].text] || directions[f.toks[a].text]) {
		a++
	}
	for b > a && (demonyms[f.toks[b-1].text] || common[f.toks[b-1].text] || connectors[f.toks[b-1].text]) {
		b--
	}
	if a >= b {
		return
	}
	if f.titleCase {
		return // headlines capitalise everything: trust only gazetteer and titles
	}
	n := b - a
	first := f.toks[a].text
	switch {
	case n == 1 && strings.ContainsAny(first, "0123456789"):
		return
	case n == 1 && allCaps(first) && len(first) <= 6:
		f.emit(a, b, Org)
	case f.personCue(a, b, lineEnd):
		f.emit(a, b, Person)
	case n == 1:
		if f.toks[a].initial && !f.midCap[first] {
			return
		}
		f.emit(a, b, Unknown)
	case n <= 4 && personShaped(f.words(a, b)):
		f.emit(a, b, Person)
	}
}

// personCue reports whether the context of toks[a:b] marks a person:
// a role word before ("spokesman John Kirby", "spokesman, Mark Toner") or
// a speech verb after ("Kirby said").
func (f *finder) personCue(a, b, lineEnd int) bool {
	if a > 0 {
		p := strings.ToLower(f.toks[a-1].text)
		gap := f.text[f.toks[a-1].end:f.toks[a].start]
		if personCues[p] && !capitalized(f.toks[a-1].text) && (gap == " " || gap == ", ") {
			return true
		}
	}
	if b < lineEnd {
		gap := f.text[f.toks[b-1].end:f.toks[b].start]
		if speechVerbs[f.toks[b].text] && (gap == " " || gap == ", ") {
			return true
		}
	}
	return false
}

// personShaped reports whether words look like a personal name: each
// capitalised, not all capitals (initials such as "F." excepted), none a
// common word.
func personShaped(ws []string) bool {
	for _, w := range ws {
		if connectors[w] {
			continue
		}
		if !capitalized(w) && !strings.HasPrefix(w, "al-") && !strings.HasPrefix(w, "el-") {
			return false
		}
		if allCaps(w) && !(len(w) == 2 && strings.HasSuffix(w, ".")) {
			return false
		}
		if common[w] || calendar[w] {
			return false
		}
	}
	return true
}
