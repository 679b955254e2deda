package entity

import (
	"sort"
	"strconv"
	"strings"
)

// name is one labelled name in a sentence: tokens [a, b) of type t.
type name struct{ a, b, t int }

// names returns the names labelled in a sentence.
func names(labels []int) []name {
	var out []name
	start := -1
	for k, l := range labels {
		if l == 0 {
			start = -1
			continue
		}
		p, t := labelParts(l)
		if p == pB || p == pU {
			start = k
		}
		if (p == pL || p == pU) && start >= 0 {
			out = append(out, name{start, k + 1, t})
			start = -1
		}
	}
	return out
}

// setName labels tokens [a, b) as one name of type t.
func setName(labels []int, a, b, t int) {
	if b-a == 1 {
		labels[a] = label(pU, t)
		return
	}
	labels[a] = label(pB, t)
	for k := a + 1; k < b-1; k++ {
		labels[k] = label(pI, t)
	}
	labels[b-1] = label(pL, t)
}

func clearNames(labels []int, a, b int) {
	for k := a; k < b; k++ {
		labels[k] = 0
	}
}

var tPER, tORG, tLOC, tMISC = typeIndex("PER"), typeIndex("ORG"), typeIndex("LOC"), typeIndex("MISC")

// eventWords before a name make it an event or a thing, not a person or
// place ("Hurricane Katrina", "Operation Euphrates Shield").
var eventWords = words(`Hurricane|Typhoon|Cyclone|Storm|Operation|Tropical`)

// companyHeads are last words that only a company or an industry ends
// with, never a person's surname: a name the model reads as a person
// ending with one is an organisation ("Shell Oil", "Big Oil").
var companyHeads = words(`Oil|Petroleum|Gas|Energy|Chemical|Chemicals|Petrochemicals|Refining|Drilling|Mining|Steel|Airways|Airlines|Motors|Corp|Corp.|Corporation|Inc|Inc.|Ltd|Ltd.|LLC|PLC|plc|Co.|Company|Bancorp|Pharmaceuticals|Telecom|Holdings`)

// titledName returns where the personal name starts in a name that opens
// with honorifics ("Admiral Thad Allen", "Sir Mark Allen"), perhaps after
// a country's name or adjective ("Syrian President Bashar al-Assad"), or
// n.a: the rest must be two capitalised words or more, or already a
// person.
func titledName(toks []string, n name) int {
	k := n.a
	for k < n.b-2 && (demonyms[toks[k]] || countries[toks[k]]) && titleWords[toks[k+1]] {
		k++ // "Syrian President Bashar al-Assad", labelled one organisation
	}
	start := k
	for k < n.b-1 && (honorifics[toks[k]] || titleWords[toks[k]]) && capitalized(toks[k]) {
		k++
	}
	if k == start {
		return n.a
	}
	rest := toks[k:n.b]
	if last := rest[len(rest)-1]; orgHeads[last] || businessHeads[last] || placeHeads[last] {
		return n.a // "General Electric Co."
	}
	if n.t != tPER && (len(rest) < 2 || !personShaped(rest)) {
		return n.a
	}
	return k
}

// postprocess corrects what the model is known to get wrong outside its
// training news: a known multi-word name it splits ("New" / "York Times")
// is labelled whole, a name followed by an organisation tail ("Russian" +
// "foreign ministry") becomes that organisation, and a bare title
// ("Secretary of State") is no name.
func postprocess(toks []string, labels []int) {
	knownNames(toks, labels)
	joinCapitals(toks, labels)
	particleNames(toks, labels)
	joinInitials(toks, labels)
	for _, n := range names(labels) {
		if a, b := trimPunct(toks, n); a != n.a || b != n.b {
			clearNames(labels, n.a, n.b)
			if a < b {
				setName(labels, a, b, n.t)
			}
			n = name{a, b, n.t}
			if a >= b {
				continue
			}
		}
		if eventWords[toks[n.a]] && n.b-n.a >= 2 {
			clearNames(labels, n.a, n.b)
			setName(labels, n.a, n.b, tMISC) // "Hurricane Katrina" labelled a person
			continue
		}
		if k := titledName(toks, n); k > n.a {
			clearNames(labels, n.a, n.b)
			setName(labels, k, n.b, tPER) // "Admiral Thad Allen" -> "Thad Allen"; before the next rule: "the Syrian President Bashar al-Assad" is no thing
			continue
		}
		if n.t == tPER && n.b-n.a >= 2 && n.a > 0 && strings.EqualFold(toks[n.a-1], "the") {
			clearNames(labels, n.a, n.b)
			setName(labels, n.a, n.b, tORG) // "the Deepwater Horizon": a thing, not a person
			continue
		}
		if inTitle(toks, n) {
			clearNames(labels, n.a, n.b) // "State" of "Secretary of State"
			continue
		}
		if n.b-n.a == 1 && n.t != tPER && n.b < len(toks) && toks[n.b] == "administration" {
			setName(labels, n.a, n.b, tPER) // "the Obama administration"
			continue
		}
		if n.a > 0 && eventWords[toks[n.a-1]] {
			clearNames(labels, n.a, n.b)
			setName(labels, n.a-1, n.b, tMISC) // "Hurricane Katrina"
			continue
		}
		if n.t != tPER && (ageAfter(toks, n.b) || possessiveAfter(toks, n)) && personShaped(toks[n.a:n.b]) {
			setName(labels, n.a, n.b, tPER) // "Kravitz , 62 ,": an age names a person
			continue
		}
		if n.t != tLOC && datelineAt(toks, labels, n) {
			setName(labels, n.a, n.b, tLOC) // "BANI WALID , Libya ( Reuters ) -": a dateline names a place
			continue
		}
		if n.t == tPER && n.b-n.a >= 2 && arabicPlaceHeads[toks[n.a]] && !personalHeads[toks[n.a]] {
			setName(labels, n.a, n.b, tLOC) // "Ras Lanuf", "Bani Walid": towns, not persons
			continue
		}
		if n.t == tPER && n.b-n.a >= 2 && companyHeads[toks[n.b-1]] {
			setName(labels, n.a, n.b, tORG) // "Shell Oil", "Big Oil": a company, not a person
			continue
		}
		if k := orgTailAt(toks, labels, n.b); k > n.b {
			clearNames(labels, n.a, k)
			setName(labels, n.a, k, tORG)
			continue
		}
		if n.b-n.a == 1 && n.t != tPER && placePair(toks[n.a]) {
			setName(labels, n.a, n.b, tMISC) // "US-Russia" (talks): two places' relation, neither place
			continue
		}
		if n.b-n.a == 1 && (demonyms[toks[n.a]] || demonyms[strings.TrimSuffix(toks[n.a], "s")]) {
			setName(labels, n.a, n.b, tMISC) // "Muslims", "Americans": no person, no place
			continue
		}
		if isTitle(toks[n.a:n.b]) {
			clearNames(labels, n.a, n.b)
		}
	}
}

// placePair reports whether w joins two known places with a hyphen:
// "US-Russia", "U.S.-Russian".
func placePair(w string) bool {
	a, b, ok := strings.Cut(w, "-")
	return ok && knownPlace(a) && (knownPlace(b) || demonyms[b])
}

// knownPlace reports whether the gazetteer knows s as a place.
func knownPlace(s string) bool {
	t, ok := gazType(s)
	return ok && t == Place
}

// ageAfter reports whether an age in commas follows position i
// (", 62 ,").
func ageAfter(toks []string, i int) bool {
	if i+2 >= len(toks) || toks[i] != "," || toks[i+2] != "," {
		return false
	}
	n, err := strconv.Atoi(toks[i+1])
	return err == nil && n > 0 && n < 120 && toks[i+1][0] != '0'
}

// possessiveAfter reports whether name n opens its clause and the verb
// after it takes "his" or "her" ("Berg defended his record"): a person.
func possessiveAfter(toks []string, n name) bool {
	if n.a > 0 && toks[n.a-1] != "," && toks[n.a-1] != "and" && toks[n.a-1] != "But" && toks[n.a-1] != "but" {
		return false
	}
	if n.b+1 >= len(toks) || !lowerWord(toks[n.b]) || !strings.HasSuffix(toks[n.b], "ed") && !strings.HasSuffix(toks[n.b], "s") {
		return false
	}
	switch toks[n.b+1] {
	case "his", "her", "himself", "herself":
		return true
	}
	return false
}

// joinInitials joins a lone initial the model labelled apart ("W." MISC)
// or left out ("J.") to the person named right after it: "W. Mark
// Lanham", "J. David Anderson".
func joinInitials(toks []string, labels []int) {
	ns := names(labels)
	for k, m := range ns {
		if m.t != tPER || m.a == 0 || !isInitial(toks[m.a-1]) {
			continue
		}
		a := m.a - 1
		if labels[a] != 0 {
			if k == 0 || ns[k-1] != (name{a, m.a, ns[k-1].t}) || ns[k-1].t == tPER {
				continue // the initial ends a longer name, or a person's own
			}
		}
		clearNames(labels, a, m.b)
		setName(labels, a, m.b, tPER)
	}
}

// datelineAt reports whether name n opens its sentence in capitals and a
// comma and a place follow it: a wire dateline ("BANI WALID , Libya").
func datelineAt(toks []string, labels []int, n name) bool {
	if n.a != 0 || n.b+1 >= len(toks) || toks[n.b] != "," || !allCapsRun(toks[n.a:n.b]) {
		return false
	}
	p, t := labelParts(labels[n.b+1])
	return labels[n.b+1] != 0 && t == tLOC && (p == pB || p == pU)
}

// knownNames labels each gazetteer name of two words or more whose tokens
// the model split or ran past, as the gazetteer types it.
func knownNames(toks []string, labels []int) {
	for i := 0; i < len(toks); i++ {
		if len(knownByFirst[toks[i]]) == 0 {
			continue
		}
		n, typ := longestKnown(toks, i)
		if n < 2 {
			continue
		}
		if labels[i] != 0 {
			if p, _ := labelParts(labels[i]); p == pB && lastOf(labels, i) == i+n-1 {
				i += n - 1
				continue // labelled whole already: the model's type stands
			}
		}
		a, b := i, i+n
		// Widen to the names the span cuts through.
		for _, m := range names(labels) {
			if m.a < b && m.b > a {
				a, b = min(a, m.a), max(b, m.b)
			}
		}
		if a < i || b > i+n {
			// A longer name contains it ("New York Times Co."): keep the model's.
			i += n - 1
			continue
		}
		clearNames(labels, a, b)
		setName(labels, i, i+n, typ)
		i += n - 1
	}
}

// lastOf returns the last token of the name starting at a.
func lastOf(labels []int, a int) int {
	for k := a; k < len(labels); k++ {
		if p, _ := labelParts(labels[k]); labels[k] != 0 && (p == pL || p == pU) {
			return k
		}
	}
	return -1
}

// longestKnown returns the length of the longest gazetteer name of two
// words or more starting at token i and its label type.
func longestKnown(toks []string, i int) (int, int) {
	best, typ := 0, 0
	for _, k := range knownByFirst[toks[i]] {
		if len(k.words) <= best || i+len(k.words) > len(toks) {
			continue
		}
		match := true
		for j, w := range k.words {
			if toks[i+j] != w {
				match = false
				break
			}
		}
		if match {
			best, typ = len(k.words), k.typ
		}
	}
	return best, typ
}

type knownName struct {
	words []string
	typ   int
}

// knownByFirst indexes the gazetteer's names of two words or more by their
// first word.
var knownByFirst = func() map[string][]knownName {
	m := map[string][]knownName{}
	add := func(s string, t Type) {
		ws := strings.Fields(s)
		if len(ws) < 2 {
			return
		}
		typ := tLOC
		if t == Org {
			typ = tORG
		}
		m[ws[0]] = append(m[ws[0]], knownName{ws, typ})
	}
	for n := range exactKnown {
		t, _ := gazType(n)
		add(n, t)
	}
	for n := range countries {
		add(n, Place)
	}
	for n := range cities {
		add(n, Place)
	}
	for _, ks := range m {
		sort.Slice(ks, func(i, j int) bool {
			a, b := strings.Join(ks[i].words, " "), strings.Join(ks[j].words, " ")
			return a < b || a == b && ks[i].typ < ks[j].typ
		})
	}
	return m
}()

// orgTailAt returns the end of an organisation tail ("foreign ministry",
// "Foreign Ministry") starting at token b with nothing labelled on it, or b.
func orgTailAt(toks []string, labels []int, b int) int {
	for _, tail := range orgTails {
		ws := strings.Fields(tail)
		if b+len(ws) > len(toks) {
			continue
		}
		ok := true
		for k, w := range ws {
			if !strings.EqualFold(toks[b+k], w) || labels[b+k] != 0 && !isOrgLabel(labels[b+k]) {
				ok = false
				break
			}
		}
		if ok {
			return b + len(ws)
		}
	}
	return b
}

func isOrgLabel(l int) bool {
	_, t := labelParts(l)
	return l != 0 && t == tORG
}

// isTitle reports whether tokens are a title phrase alone ("Secretary of
// State", "Admiral").
func isTitle(toks []string) bool {
	if len(toks) == 1 && honorifics[toks[0]] {
		return true
	}
	s := strings.Join(toks, " ")
	for _, t := range titles {
		if s == t {
			return true
		}
	}
	return false
}

// joinCapitals joins two names of one type that touch in capitals, as a
// dateline's words the model labels apart ("NEW" "ORLEANS", "SANTA"
// "CRUZ").
func joinCapitals(toks []string, labels []int) {
	ns := names(labels)
	for i := 0; i+1 < len(ns); i++ {
		a, b := ns[i], ns[i+1]
		if a.b != b.a || a.t != b.t || !allCapsRun(toks[a.a:b.b]) {
			continue
		}
		setName(labels, a.a, b.b, a.t)
		ns[i+1] = name{a.a, b.b, a.t}
	}
}

func allCapsRun(toks []string) bool {
	for _, t := range toks {
		if !allCaps(t) {
			return false
		}
	}
	return true
}

// trimPunct returns the name's tokens without punctuation at either end
// (a quote the model took in: "` Halliburton").
func trimPunct(toks []string, n name) (int, int) {
	a, b := n.a, n.b
	for a < b && !isWordLike(toks[a]) {
		a++
	}
	for b > a && !isWordLike(toks[b-1]) && toks[b-1] != "." {
		b--
	}
	return a, b
}

// inTitle reports whether a name is the end of a title phrase that starts
// before it ("Secretary of" + "State").
func inTitle(toks []string, n name) bool {
	for _, t := range titles {
		ws := strings.Fields(t)
		k := len(ws) - (n.b - n.a) // title words before the name
		if k <= 0 || n.a-k < 0 {
			continue
		}
		if strings.Join(toks[n.a-k:n.b], " ") == t {
			return true
		}
	}
	return false
}
