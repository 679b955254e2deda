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
	case n == 1 && f.placeBefore(a):
		return // "at Madison, said": a place, not a speaker
	case n >= 2:
		f.multi(a, b, lineEnd)
	case f.personCue(a, b, lineEnd):
		f.emit(a, b, Person)
	case f.toks[a].initial && !f.midCap[first]:
		return
	default:
		f.emit(a, b, Unknown)
	}
}

// multi types a stretch of two words or more: by its head word, then as a
// person when a first name or a cue says so; other person-shaped names stay
// Unknown (Merge adopts them into a person of the same surname).
func (f *finder) multi(a, b, lineEnd int) {
	if t, emit, ok := f.nameCue(a, b, lineEnd); ok {
		if emit {
			f.emit(a, b, t)
		}
		return
	}
	ws := f.words(a, b)
	for k := 2; k+1 < len(ws); k++ {
		if ws[k] == "of" && hasFirstName(ws[:k]) && personShaped(ws[:k]) {
			f.emit(a, a+k, Person) // "Paul Beaver of Jane's"
			f.chunk(a+k+1, b, lineEnd)
			return
		}
	}
	if startsWithHead(ws) {
		return // "Prison Leyhill", "County Durham"
	}
	if len(ws) >= 3 && personCues[strings.ToLower(ws[0])] && capitalized(ws[1]) && personShaped(ws[1:]) {
		f.emit(a+1, b, Person) // "Comedian Jonathan Winters"
		return
	}
	switch {
	case f.personCue(a, b, lineEnd) && !f.placeBefore(a) && personShaped(ws):
		f.emit(a, b, Person)
	case len(ws) <= 4 && personShaped(ws) && hasFirstName(ws):
		f.emit(a, b, Person)
	case len(ws) <= 4 && personShaped(ws) && !f.placeBefore(a):
		f.emit(a, b, Unknown)
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
		// "with Polk, said": a comma after one word ends an apposition.
		if speechVerbs[f.toks[b].text] && (gap == " " || gap == ", " && b-a >= 2) {
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
		if w == "of" || w == "on" || w == "for" {
			return false // "Bill for Relief"
		}
		if connectors[w] {
			continue
		}
		if !capitalized(w) && !strings.HasPrefix(w, "al-") && !strings.HasPrefix(w, "el-") {
			return false
		}
		if allCaps(w) && !initials(w) {
			return false
		}
		if common[w] || calendar[w] {
			return false
		}
	}
	return true
}

// startsWithHead reports whether a name starts with an organisation or
// place head word, which a personal name does not.
func startsWithHead(ws []string) bool {
	w := ws[0]
	return orgHeads[w] || placeHeads[w] && !weakHeads[w] || businessHeads[w] || w == "Prison" || w == "Camp" || w == "Fort" || w == "Lake" || w == "Mount"
}

// initials reports whether w is one or more initials: "F.", "J.K.".
func initials(w string) bool {
	if len(w) < 2 || len(w)%2 != 0 {
		return false
	}
	for i := 0; i < len(w); i += 2 {
		if w[i] < 'A' || w[i] > 'Z' || w[i+1] != '.' {
			return false
		}
	}
	return true
}
