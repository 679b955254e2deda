package entity

// storySurnames returns the words the story uses as a person's surname
// more than as anything else: the last word of its full personal names
// ("Meryl Streep") that no organisation or place of two words or more
// holds ("Halliburton Co.") and that the story writes alone as an
// organisation or place no more often than inside those full names. A
// one-word mention of such a word, typed otherwise by the model in
// another document ("In the film, Streep plays ..."), names the person.
func storySurnames(docs []Doc) map[string]bool {
	full, alone, held := map[string]int{}, map[string]int{}, map[string]bool{}
	for _, d := range docs {
		for _, m := range promote(d.Mentions) {
			ws := nameWords(m.Text)
			switch {
			case m.Type == Person && len(ws) >= 2 && personShaped(ws):
				full[ws[len(ws)-1]]++
			case (m.Type == Org || m.Type == Place) && len(ws) == 1:
				alone[ws[0]]++
			case m.Type == Org || m.Type == Place:
				for _, w := range ws {
					held[w] = true
				}
			}
		}
	}
	out := map[string]bool{}
	for w, n := range full {
		if !held[w] && alone[w] > 0 && alone[w] <= n {
			out[w] = true
		}
	}
	return out
}

// asSurname reports whether m, a one-word organisation or place that is
// no gazetteer name, is one of the story's surnames.
func asSurname(m Mention, surnames map[string]bool) bool {
	if m.Type != Org && m.Type != Place {
		return false
	}
	ws := nameWords(m.Text)
	if len(ws) != 1 || !surnames[ws[0]] {
		return false
	}
	if _, _, ok := knownKey(m); ok {
		return false
	}
	_, ok := gazType(clean(m.Text))
	return !ok
}
