package entity

import (
	"regexp"
	"strings"
	"unicode"
)

// particleName is an Arabic family or place name joined to its article by
// a hyphen: "al-Obeidy", "el-Sahli", "ash-Shaab".
var particleName = regexp.MustCompile(`^(?:[Aa]l|[Ee]l|[Aa][dnrstz]|[Aa]sh)-\p{Lu}`)

// arabicPlaceHeads open Arabic place names ("Bab al-Aziziya", "Ras Lanuf",
// "Wadi al-Hayat"); arabicOrgHeads open the names of armed groups and parties
// ("Jabhat al-Nusra", "Ansar al-Sharia").
var (
	arabicPlaceHeads = words(`Bab|Dar|Ras|Wadi|Bir|Ain|Jebel|Jabal|Tel|Tell|Sidi|Souq|Suq|Bani|Beni|Deir|Kafr|Qasr|Bint`)
	arabicOrgHeads   = words(`Jabhat|Ansar|Harakat|Hayat|Hay'at|Jaish|Liwa|Kataib|Katibat|Hizb|Tahrir|Dawlat|Majlis|Jamaat|Jamaa|Fatah|Hamas`)
)

// personalHeads open place names and persons' names alike ("Sidi
// Bouzid", "Sidi Mohammed"): alone they do not make a name a place.
var personalHeads = words(`Sidi|Bint|Dar`)

// particleNames types the names built on a hyphenated Arabic particle,
// which the model (trained on English Reuters text) reads badly: after a
// capitalised word it is one name with it ("Eman al-Obeidy", the model
// giving only "al-Obeidy" as an organisation), a person unless the first
// word opens places ("Bab al-Aziziya") or armed groups ("Jabhat
// al-Nusra"); a person's name runs on over it ("Abu Bakr" + "al-Baghdadi").
func particleNames(toks []string, labels []int) {
	for k := 1; k < len(toks); k++ {
		if !particleName.MatchString(toks[k]) {
			continue
		}
		a := k - 1
		if !capitalised(toks[a]) || common[toks[a]] {
			continue // "But al-Obeidy 's mother": a sentence's first word
		}
		// the name's first word: back over capitalised words of one name
		for a > 0 && capitalised(toks[a-1]) && !common[toks[a-1]] && sameName(labels, a-1, a) {
			a--
		}
		b := k + 1
		for b < len(toks) && (capitalised(toks[b]) || particleName.MatchString(toks[b])) && sameName(labels, k, b) {
			b++
		}
		t := tPER
		switch {
		case arabicPlaceHeads[toks[a]]:
			t = tLOC
		case arabicOrgHeads[toks[a]]:
			t = tORG
		case isTypedOther(labels, a, b):
			continue // the model typed it a place or an organisation as a whole
		}
		widenOver(labels, a, b)
		setName(labels, a, b, t)
		k = b - 1
	}
}

// capitalised reports whether w starts with an upper-case letter, holds a
// lower-case one and is no day or month: "Eman", not "AP" or "Friday".
func capitalised(w string) bool {
	return capitalized(w) && strings.IndexFunc(w, unicode.IsLower) > 0 && !calendar[w]
}

// sameName reports whether tokens i and j may be one name: neither lies
// in a name of the model that does not hold the other.
func sameName(labels []int, i, j int) bool {
	for _, n := range names(labels) {
		inI, inJ := n.a <= i && i < n.b, n.a <= j && j < n.b
		if inI != inJ && (n.t == tLOC || n.t == tORG) && n.b-n.a > 1 {
			return false
		}
	}
	return true
}

// isTypedOther reports whether the model labelled tokens [a, b) as one
// place or organisation of two words or more.
func isTypedOther(labels []int, a, b int) bool {
	for _, n := range names(labels) {
		if n.a == a && n.b == b && n.b-n.a > 1 && (n.t == tLOC || n.t == tORG) {
			return true
		}
	}
	return false
}

// widenOver clears the names that overlap tokens [a, b).
func widenOver(labels []int, a, b int) {
	for _, n := range names(labels) {
		if n.a < b && n.b > a {
			clearNames(labels, n.a, n.b)
		}
	}
}
