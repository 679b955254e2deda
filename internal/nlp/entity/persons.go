package entity

import (
	"sort"
	"strings"
)

// person is one cluster of full names sharing a surname.
type person struct {
	surname string
	first   []string
	g       *group
}

// mergePersons clusters person names by surname and compatible first name,
// then attaches single-word names (and Unknown mentions) to the cluster of
// that surname.
func mergePersons(persons, unknown []docMention, get func(key, name string) *group) {
	persons, unknown = promoteNames(persons, unknown)
	// Full names first, longest first, so that single words find them.
	sort.SliceStable(persons, func(i, j int) bool {
		return len(strings.Fields(persons[i].m.Text)) > len(strings.Fields(persons[j].m.Text))
	})
	var clusters []*person
	bySurname := func(s string) *person {
		var best *person
		for _, c := range clusters {
			if c.surname == s && (best == nil || len(c.g.aliases) > len(best.g.aliases)) {
				best = c
			}
		}
		return best
	}
	for _, dm := range persons {
		ws := nameWords(dm.m.Text)
		if len(ws) == 0 {
			continue
		}
		sur := surname(ws[len(ws)-1])
		if len(ws) == 1 {
			if c := bySurname(sur); c != nil {
				c.g.add(dm.m, dm.doc)
				continue
			}
			get("n:"+sur, "").add(dm.m, dm.doc)
			continue
		}
		first := strings.ToLower(ws[0])
		var hit *person
		for _, c := range clusters {
			if c.surname == sur && compatible(c.first, first) {
				hit = c
				break
			}
		}
		if hit == nil {
			hit = &person{surname: sur, g: get("n:"+sur+":"+first, "")}
			clusters = append(clusters, hit)
		}
		hit.first = append(hit.first, first)
		hit.g.add(dm.m, dm.doc)
	}
	for _, dm := range unknown {
		ws := nameWords(dm.m.Text)
		if len(ws) == 0 {
			continue
		}
		sur := surname(ws[len(ws)-1])
		if c := bySurname(sur); c != nil {
			dm.m.Type = Person
			c.g.add(dm.m, dm.doc)
		} else if g := getExisting(get, "n:"+sur); g != nil {
			g.add(dm.m, dm.doc)
		}
	}
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

// nameWords splits a person name into words, without honorifics.
func nameWords(s string) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		if w == "Mr." || w == "Mrs." || w == "Ms." || w == "Dr." || w == "Jr." {
			continue
		}
		out = append(out, w)
	}
	return out
}

// surname normalises the last word of a name: "al-Assad" -> "assad".
func surname(w string) string {
	w = normKey(w)
	for _, p := range []string{"al ", "el ", "bin "} {
		w = strings.TrimPrefix(w, p)
	}
	return w
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
