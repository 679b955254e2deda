package entity

import "strings"

// run types the capitalised run toks[a:b]; lineEnd bounds look-ahead.
func (f *finder) run(a, b, lineEnd int) {
	for a < b && (common[f.toks[a].text] || calendar[f.toks[a].text]) {
		a++
	}
	// "Russian foreign ministry", "Foreign Affairs magazine".
	if n := f.orgTail(b, lineEnd); n > 0 && a < b {
		f.emit(a, b+n, Org)
		return
	}
	for b > a && (common[f.toks[b-1].text] || calendar[f.toks[b-1].text] || connectors[f.toks[b-1].text]) {
		b--
	}
	if a >= b {
		return
	}
	if f.isOrgName(a, b) {
		f.emit(a, b, Org)
		return
	}
	if b-a >= 2 && placeHeads[f.toks[b-1].text] && !weakHeads[f.toks[b-1].text] && !f.titleCase {
		f.emit(a, b, Place) // "King County", not King + "County"
		return
	}
	if ta, tb := f.findTitle(a, b); ta >= 0 {
		f.gazetteer(a, ta, lineEnd)
		if tb < b {
			f.person(tb, b)
		}
		return
	}
	f.gazetteer(a, b, lineEnd)
}

// orgTail returns how many lower-case tokens after position b extend the
// name into an organisation.
func (f *finder) orgTail(b, lineEnd int) int {
	for _, tail := range orgTails {
		ws := strings.Fields(tail)
		if b+len(ws) > lineEnd {
			continue
		}
		ok := true
		for k, w := range ws {
			if !strings.EqualFold(f.toks[b+k].text, w) || capitalized(f.toks[b+k].text) || !f.joined(b+k-1, b+k) {
				ok = false
				break
			}
		}
		if ok {
			return len(ws)
		}
	}
	return 0
}

// isOrgName reports whether toks[a:b] is an organisation by its head word:
// the last word ("State Department") or "Head of ..." ("Council on Foreign Relations").
func (f *finder) isOrgName(a, b int) bool {
	if orgHeads[f.toks[b-1].text] && b-a >= 2 {
		return true
	}
	for k := a; k+1 < b; k++ {
		if orgHeads[f.toks[k].text] && (f.toks[k+1].text == "of" || f.toks[k+1].text == "on" || f.toks[k+1].text == "for") {
			return true
		}
	}
	return false
}

// findTitle returns the token range of the first title phrase in toks[a:b]
// that is followed by a name, or -1.
func (f *finder) findTitle(a, b int) (int, int) {
	for k := a; k < b; k++ {
		best := 0
		for _, t := range titles {
			ws := strings.Fields(t)
			if len(ws) <= best || k+len(ws) > b {
				continue
			}
			ok := true
			for m, w := range ws {
				if f.toks[k+m].text != w {
					ok = false
					break
				}
			}
			if ok {
				best = len(ws)
			}
		}
		if best > 0 && k+best < b {
			return k, k + best
		}
	}
	return -1, -1
}

// person emits toks[a:b] as a person after a title.
func (f *finder) person(a, b int) {
	for a < b && demonyms[f.toks[a].text] {
		a++
	}
	if a < b && connectors[f.toks[a].text] {
		// "Secretary for Legislative Affairs Barbara Larkin": the name
		// starts at the first given name or initial.
		k := a
		for k < b && !firstNames[f.toks[k].text] && !isInitial(f.toks[k].text) {
			k++
		}
		if b-k < 2 {
			// No given name: the last two words, left to Merge.
			if b-a >= 4 && personShaped(f.words(b-2, b)) {
				f.emit(b-2, b, Unknown)
			}
			return
		}
		a = k
	}
	for k := a + 2; k < b; k++ {
		if f.toks[k].text == "of" {
			b = k // "Gov. George W. Bush of Texas"
			break
		}
	}
	if a < b {
		f.emit(a, b, Person)
	}
}

// gazetteer splits toks[a:b] into gazetteer names and the chunks between.
func (f *finder) gazetteer(a, b, lineEnd int) {
	chunk := a
	for k := a; k < b; {
		n, t := f.lookup(k, b)
		if n == 0 {
			k++
			continue
		}
		s := k
		if t == Place && k > chunk && directions[f.toks[k-1].text] {
			s = k - 1
		} else if t == Place && s == a && s > 0 && directions[f.toks[s-1].text] && !capitalized(f.toks[s-1].text) && f.joined(s-1, s) {
			s-- // "eastern Aleppo"
		}
		f.chunk(chunk, min(s, k), lineEnd)
		f.emit(s, k+n, t)
		k += n
		chunk = k
	}
	f.chunk(chunk, b, lineEnd)
}

// lookup returns the length and type of the longest gazetteer name at k.
func (f *finder) lookup(k, b int) (int, Type) {
	for n := min(5, b-k); n >= 1; n-- {
		s := f.text[f.toks[k].start:f.toks[k+n-1].end]
		if t, ok := gazType(s); ok {
			return n, t
		}
	}
	return 0, Unknown
}

// gazType returns the type of a gazetteer name written as s.
func gazType(s string) (Type, bool) {
	if g, ok := exactKnown[s]; ok {
		return aliasGroups[g].typ, true
	}
	if countries[s] || cities[s] {
		return Place, true
	}
	return Unknown, false
}

// exactKnown maps each alias as written to its group.
var exactKnown = func() map[string]int {
	m := map[string]int{}
	for i, g := range aliasGroups {
		for _, n := range g.names {
			m[n] = i
			m[strings.ReplaceAll(n, "-", " ")] = i
		}
	}
	return m
}()
