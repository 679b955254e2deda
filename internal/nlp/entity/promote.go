package entity

// promote retypes one document's mentions the way news writing names
// people: a full name whose last word the document also uses alone as a
// person ("Zenobia Kravitz" ... "Kravitz said") is a person, and so is a
// one-word name that is the last word of a person's full name in the
// document ("the Obama administration" after "Barack Obama"). Gazetteer
// names keep their type.
func promote(ms []Mention) []Mention {
	alone, lastOfPerson := map[string]bool{}, map[string]int{}
	for _, m := range ms {
		ws := nameWords(m.Text)
		switch {
		case m.Type == Person && len(ws) == 1:
			alone[ws[0]] = true
		case m.Type == Person && len(ws) >= 2:
			lastOfPerson[ws[len(ws)-1]]++
		}
	}
	out := make([]Mention, len(ms))
	copy(out, ms)
	for i, m := range out {
		if m.Type == Person || m.Type == Unknown {
			continue
		}
		if _, _, ok := knownKey(m); ok {
			continue
		}
		if _, ok := gazType(clean(m.Text)); ok {
			continue
		}
		ws := nameWords(m.Text)
		switch {
		case len(ws) >= 2 && alone[ws[len(ws)-1]] && !alone[ws[0]] && personShaped(ws) && !startsWithHead(ws) && !orgHeads[ws[len(ws)-1]]:
			out[i].Type = Person
		case len(ws) == 1 && lastOfPerson[ws[0]] > 0:
			out[i].Type = Person
		}
	}
	return out
}
