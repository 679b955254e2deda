package entity

import (
	"sort"
	"strings"
)

// person is one cluster of full names sharing a surname.
type person struct {
	surname string
	spelled map[string]bool // other spellings of the surname its full names use ("gadhafi")
	first   []string
	titles  map[string]bool // titles seen before the full name
	g       *group
}

// mergePersons clusters full person names by surname and compatible given
// name ("John Kerry", "John F. Kerry"; never "Carole Allen" with "Thad
// Allen"), then gives a surname alone, or a title and surname ("Mr
// Hayward"), to the full name it fits when only one does. A name that
// ends with another full name ("Quote Barack Obama") is a fragment of a
// headline and is dropped.
//
// others are the story's organisation and place mentions.
func mergePersons(persons, unknown, others []docMention, get func(key, name string) *group) {
	persons, unknown = promoteNames(persons, unknown)
	// Full names first, longest first, so that single words find them.
	sort.SliceStable(persons, func(i, j int) bool {
		return len(nameWords(persons[i].m.Text)) > len(nameWords(persons[j].m.Text))
	})
	full := map[string]bool{}
	for _, dm := range persons {
		if ws := nameWords(dm.m.Text); len(ws) >= 2 {
			full[strings.ToLower(strings.Join(ws, " "))] = true
		}
	}
	given, firstOf, place := storyWords(persons, others)
	var clusters []*person
	bySurname := func(s string) []*person {
		var out []*person
		for _, c := range clusters {
			if c.surname == s || c.spelled[s] {
				out = append(out, c)
			}
		}
		return out
	}
	// variants are the clusters whose long surname is s with one letter
	// changed: a full name spelled apart by two outlets or a typo ("Moammar
	// Gadhafi" and "Muammar Qaddafi", "Liam Neesom"). Bare surnames never
	// join by a variant: "Kissinger" is not "Todd Kessinger".
	variants := func(s string) []*person {
		var out []*person
		if len([]rune(s)) < minVariantSurname {
			return nil
		}
		for _, c := range clusters {
			if oneApart(c.surname, s) || anyOneApart(c.spelled, s) {
				out = append(out, c)
			}
		}
		return out
	}
	for _, dm := range persons {
		ws := nameWords(dm.m.Text)
		if len(ws) == 0 || fragment(ws, full) {
			continue
		}
		if len(ws) >= 2 && place[ws[0]] >= 2 && place[ws[0]] > firstOf[ws[0]] && !firstNames[ws[0]] {
			continue // "Misrata Dafniya": two places, not a person
		}
		if len(ws) >= 3 && place[ws[len(ws)-1]] >= 2 {
			// "Zoey Horton Chattanooga": a name run into a place.
			cut := strings.LastIndex(dm.m.Text, ws[len(ws)-1])
			dm.m.Text = strings.TrimSpace(dm.m.Text[:cut])
			dm.m.End = dm.m.Start + len(dm.m.Text)
			ws = ws[:len(ws)-1]
		}
		sur := surname(ws[len(ws)-1])
		if len(ws) == 1 {
			if c := titleFit(bySurname(sur), titleOf(dm.m)); c != nil {
				c.g.add(dm.m, dm.doc) // "President Obama": the Obama called President
				continue
			}
			if c := onlyFit(bySurname(sur), dm.doc); c != nil && !headWord(ws[0]) && !given[strings.ToLower(ws[0])] {
				c.g.add(dm.m, dm.doc)
				continue
			}
			get("n:"+sur, "").add(dm.m, dm.doc)
			continue
		}
		first := strings.ToLower(ws[0])
		var fits []*person
		for _, c := range bySurname(sur) {
			if compatible(c.first, first) {
				fits = append(fits, c)
			}
		}
		if len(fits) == 0 {
			for _, c := range variants(sur) {
				if compatible(c.first, first) {
					fits = append(fits, c)
				}
			}
		}
		var hit *person
		switch {
		case len(fits) == 1:
			hit = fits[0]
		case len(fits) > 1:
			get("n:"+sur+":"+first+":?", "").add(dm.m, dm.doc) // "J. Allen" with John and Jane
			continue
		default:
			hit = &person{surname: sur, titles: map[string]bool{}, g: get("n:"+sur+":"+first, "")}
			clusters = append(clusters, hit)
		}
		if sur != hit.surname {
			if hit.spelled == nil {
				hit.spelled = map[string]bool{}
			}
			hit.spelled[sur] = true // bare "Gadhafi" now finds "Muammar Gaddafi"
		}
		hit.first = append(hit.first, first)
		if t := titleOf(dm.m); t != "" {
			hit.titles[t] = true
		}
		hit.g.add(dm.m, dm.doc)
	}
	for _, dm := range unknown {
		ws := nameWords(dm.m.Text)
		if len(ws) == 0 {
			continue
		}
		sur := surname(ws[len(ws)-1])
		if c := onlyFit(bySurname(sur), dm.doc); c != nil {
			dm.m.Type = Person
			c.g.add(dm.m, dm.doc)
		} else if g := getExisting(get, "n:"+sur); g != nil {
			g.add(dm.m, dm.doc)
		}
	}
}

// titleOf returns a mention's title, lower case without its period: the
// word before it, or an honorific it starts with ("Mr Hayward").
func titleOf(m Mention) string {
	t := m.Title
	if ws := strings.Fields(m.Text); t == "" && len(ws) > 1 && (honorifics[ws[0]] || titleWords[ws[0]]) {
		t = ws[0]
	}
	return strings.TrimSuffix(strings.ToLower(t), ".")
}

// titleFit returns the one full name of the story seen with title t.
func titleFit(cs []*person, t string) *person {
	if t == "" {
		return nil
	}
	var fit *person
	for _, c := range cs {
		if c.titles[t] {
			if fit != nil {
				return nil
			}
			fit = c
		}
	}
	return fit
}

// onlyFit returns the one full name a surname in document doc refers to:
// the only one of the document's own full names with that surname, else
// the only one of the story's; nil when none or several fit.
func onlyFit(cs []*person, doc string) *person {
	var inDoc []*person
	for _, c := range cs {
		if c.g.docs[doc] > 0 {
			inDoc = append(inDoc, c)
		}
	}
	switch {
	case len(inDoc) == 1:
		return inDoc[0]
	case len(inDoc) == 0 && len(cs) == 1:
		return cs[0]
	}
	return nil
}

// fragment reports whether a name of three words or more starts or ends
// with another full name of the story: a headline's words run into a name
// ("Bhopal Barack Obama", "Conrad Murray Jackson"), unless the extra words
// are initials ("John F. Kerry" after "F. Kerry" is no fragment).
func fragment(ws []string, full map[string]bool) bool {
	// "Conrad Murray Jackson": a full name with a word run on.
	for k := len(ws) - 1; k >= 2 && len(ws) >= 3; k-- {
		if full[strings.ToLower(strings.Join(ws[:k], " "))] && !isInitial(ws[k]) && !initials(ws[k]) {
			return true
		}
	}
	for k := 1; k+2 <= len(ws); k++ {
		if !full[strings.ToLower(strings.Join(ws[k:], " "))] {
			continue
		}
		for _, w := range ws[:k] {
			if !isInitial(w) && !initials(w) {
				return true
			}
		}
	}
	return false
}

// getExisting is get that does not create: single-word persons named
// elsewhere by a cue adopt Unknown mentions of the same word.
func getExisting(get func(key, name string) *group, key string) *group {
	g := get(key, "")
	if len(g.aliases) == 0 {
		return nil
	}
	return g
}

// honorifics are words before a name that are not part of it.
var honorifics = words(`Adm|Adm.|Mr|Mr.|Mrs|Mrs.|Ms|Ms.|Miss|Dr|Dr.|Sir|Dame|Lady|Lord|Madam|Madame|Mme|Mme.|Prof|Prof.|Rev|Rev.|Fr|Fr.|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Sheikh|Ayatollah|Mullah|Imam|Rabbi|Father|Sister|Brother|Pope|King|Queen|Prince|Princess|Emperor|Empress|Chief|Judge|Justice|Officer|Detective|Deputy|Sheriff|Mayor|Senator|Governor|General|Colonel|Captain|Sergeant|Lieutenant|Major|Admiral|Commander|Private|Corporal|Professor|Doctor|President|Premier|Chancellor|Minister|Secretary|Ambassador|Director|Chairman|Chairwoman|Speaker|Vice|Prime|Foreign|Defense|Defence|Operating|Executive|Officer`)

// nameWords splits a person name into words, without titles before it
// ("Mr", "Sir", "President") or "Jr." after it; a title alone stays.
func nameWords(s string) []string {
	ws := strings.Fields(s)
	k := 0
	for k < len(ws)-1 && (honorifics[ws[k]] || titleWords[ws[k]]) {
		k++
	}
	ws = ws[k:]
	for len(ws) > 2 {
		switch ws[len(ws)-1] {
		case "Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV":
			ws = ws[:len(ws)-1]
			continue
		}
		break
	}
	return ws
}

// compatible reports whether first name f fits the cluster's first names:
// equal, an initial of one another, or one letter apart ("Sergey"/"Sergei").
func compatible(firsts []string, f string) bool {
	for _, g := range firsts {
		a, b := strings.TrimSuffix(g, "."), strings.TrimSuffix(f, ".")
		switch {
		case a == b:
			return true
		case len(a) == 1 && strings.HasPrefix(b, a), len(b) == 1 && strings.HasPrefix(a, b):
			return true
		case len(a) >= 4 && len(b) >= 4 && oneApart(a, b):
			return true
		}
	}
	return false
}

// minVariantSurname is the shortest surname a one-letter variant joins:
// shorter ones differ by a letter as different names do ("Hall", "Hill").
const minVariantSurname = 6

// anyOneApart reports whether s is one letter from a spelling of set.
func anyOneApart(set map[string]bool, s string) bool {
	for w := range set {
		if oneApart(w, s) {
			return true
		}
	}
	return false
}

// oneApart reports whether a and b differ by one substitution.
func oneApart(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) != len(rb) {
		return false
	}
	d := 0
	for i := range ra {
		if ra[i] != rb[i] {
			d++
		}
	}
	return d == 1
}

// promoteNames makes a person of each Unknown name of two words or more
// whose last word a document also uses alone ("Maureen Palmer" ...
// "Palmer's knee"), the way news writing names people.
func promoteNames(persons, unknown []docMention) ([]docMention, []docMention) {
	alone := map[[2]string]bool{}
	for _, dms := range [][]docMention{persons, unknown} {
		for _, dm := range dms {
			if ws := nameWords(dm.m.Text); len(ws) == 1 {
				alone[[2]string{dm.doc, ws[0]}] = true
			}
		}
	}
	var rest []docMention
	for _, dm := range unknown {
		ws := nameWords(dm.m.Text)
		if len(ws) >= 2 && personShaped(ws) && !startsWithHead(ws) && alone[[2]string{dm.doc, ws[len(ws)-1]}] && !alone[[2]string{dm.doc, ws[0]}] {
			dm.m.Type = Person
			persons = append(persons, dm)
			continue
		}
		rest = append(rest, dm)
	}
	return persons, rest
}

// surname normalises the last word of a name: "al-Assad" -> "assad".
func surname(w string) string {
	w = normKey(w)
	for _, p := range []string{"al ", "el ", "bin "} {
		w = strings.TrimPrefix(w, p)
	}
	return w
}

// headWord reports whether a word alone is the head of a longer name
// ("County", "Center", "Books") rather than a surname.
func headWord(w string) bool {
	return orgHeads[w] || placeHeads[w] || businessHeads[w] || thingHeads[w]
}

// storyWords returns the given names of the story's full person names
// (lower case), how often each word starts one, and how often each word
// is a one-word place or organisation.
func storyWords(persons, others []docMention) (map[string]bool, map[string]int, map[string]int) {
	given, firstOf, place := map[string]bool{}, map[string]int{}, map[string]int{}
	for _, dm := range persons {
		if ws := nameWords(dm.m.Text); len(ws) >= 2 {
			given[strings.ToLower(ws[0])] = true
			firstOf[ws[0]]++
		}
	}
	for _, dm := range others {
		if ws := strings.Fields(dm.m.Text); len(ws) == 1 {
			place[ws[0]]++
		}
	}
	return given, firstOf, place
}
