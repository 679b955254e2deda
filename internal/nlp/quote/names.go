package quote

import (
	"sort"
	"strings"
	"unicode"

	"parallax/internal/nlp/entity"
)

// roleWords are capitalised words of a title or role that the name finder
// may take into a person's name ("Operating Officer Doug Suttles"); they
// are cut from the front of a speaker's name.
var roleWords = set(`Chief Operating Officer Officers Executive Financial Technology Information President Vice
Secretary Minister Prime Foreign Interior Deputy Associate Attorney General Director Police Commissioner Sheriff Sgt
Sgt. Corporal Cpl. Detective Det. Lt. Lieutenant Capt. Captain Governor Gov. Senator Sen. Rep. Representative Mayor
Judge Dr Dr. Mr Mr. Mrs Mrs. Ms Ms. Miss Professor Prof. Rev. Reverend Chairman Chairwoman Spokesman Spokeswoman
Analyst Lawyer Coach Councilman Councilwoman Commander Gen. Col. Colonel Adm. Admiral Sergeant Superintendent
Chancellor Ambassador Envoy Special Agent Inspector Acting Assistant Managing Senior Former Defense Defence Homeland
Security Energy State Press Justice Chairperson Trooper Officer Deputy Dept. Department Lord Sir Dame Principal
Pastor Bishop Father Sister Brother Lady Co-chairman CEO COO CFO Operations`)

// officeHeads end the names of offices and bodies, which role words may
// open ("Foreign Ministry", "Interior Department").
var officeHeads = set(`Ministry Department Dept. Office Agency Council Committee Commission Service Administration
Bureau Court Party Ministry's Directorate Authority Board Police`)

// cleanName cuts role words from the front of a person's name, keeping at
// least one word.
func cleanName(name string) string {
	ws := strings.Fields(name)
	i := 0
	for i < len(ws)-1 && roleWords[ws[i]] {
		i++
	}
	if i > 0 && (i == len(ws)-1 && roleWords[ws[i]] || officeHeads[ws[len(ws)-1]]) {
		// an office ("State Department", "Foreign Ministry"), not a
		// person's title
		return strings.Join(ws, " ")
	}
	return strings.Join(ws[i:], " ")
}

// index lists the persons of more than one word named in the text, by
// each of their first and last words, for name.
func (f *finder) index() {
	f.byWord = map[string][]int{}
	for i, m := range f.mentions {
		if m.Type != entity.Person {
			continue
		}
		ws := strings.Fields(cleanName(m.Text))
		if len(ws) < 2 {
			continue
		}
		f.byWord[ws[0]] = append(f.byWord[ws[0]], i)
		if l := ws[len(ws)-1]; l != ws[0] {
			f.byWord[l] = append(f.byWord[l], i)
			if alt := particleCase(l); alt != "" {
				f.byWord[alt] = append(f.byWord[alt], i) // "al-Obeidy" also as "Al-Obeidy", opening a sentence
			}
			if h := strings.LastIndexByte(l, '-'); h > 0 && h+2 < len(l) && isCapital(l[h+1:]) {
				f.byWord[l[h+1:]] = append(f.byWord[l[h+1:]], i) // "Gamaty" of "Guma El-Gamaty"
			}
		}
	}
}

// particleCase returns a surname with a particle and a hyphen ("al-Obeidy")
// with the particle's first letter in the other case ("Al-Obeidy"), or "".
func particleCase(w string) string {
	if len(w) < 4 || w[1:3] != "l-" {
		return ""
	}
	switch w[0] {
	case 'a', 'e':
		return strings.ToUpper(w[:1]) + w[1:]
	case 'A', 'E':
		return strings.ToLower(w[:1]) + w[1:]
	}
	return ""
}

// sameSurname reports whether the full name ends with surname who, a
// particle's case aside.
func sameSurname(full, who string) bool {
	if strings.HasSuffix(full, " "+who) {
		return true
	}
	alt := particleCase(who)
	return alt != "" && strings.HasSuffix(full, " "+alt)
}

// name returns the speaker who as the brief names it: role words cut
// from a person's name, and a one-word name ("Feinberg", "Dr Murray",
// "Gregory") completed by the nearest person of that name named before
// pos, or by the only one named after it.
func (f *finder) name(who string, pos int) string {
	if who == "" || !unicode.IsUpper([]rune(who)[0]) && strings.IndexFunc(who, unicode.IsUpper) < 0 {
		return who // a role ("the spokesman"); "diGenova", "al-Obeidy" are names
	}
	who = cleanName(who)
	if strings.Contains(who, " ") {
		return f.longer(who, pos)
	}
	ids := f.byWord[who]
	if len(ids) == 0 {
		return who
	}
	k := sort.Search(len(ids), func(j int) bool { return f.mentions[ids[j]].Start >= pos })
	prev := f.sentencesBack(pos, 1)
	for j := k - 1; j >= 0; j-- {
		m := f.mentions[ids[j]]
		if m.Start < prev {
			break
		}
		if full := cleanName(m.Text); sameSurname(full, who) && f.isSubject(m) {
			// "Government spokesman Musa Ibrahim downplayed ... . “…,”
			// Ibrahim said": the one the sentence before is about, though
			// Jumma Ibrahim spoke earlier
			return full
		}
	}
	for i := len(f.spoken) - 1; i >= 0; i-- {
		// "Taylor" after Tanisha Taylor spoke, though Jaleel Taylor was
		// named since: the one who has been speaking
		if ws := strings.Fields(f.spoken[i]); len(ws) > 1 && (sameSurname(f.spoken[i], who) || ws[0] == who) && f.named(f.spoken[i]) {
			return f.spoken[i]
		}
	}
	for j := k - 1; j >= 0; j-- {
		// the nearest before pos that has it as surname: "Martin" is
		// Chad Martin, not the Martin Quarters named since
		if full := cleanName(f.mentions[ids[j]].Text); sameSurname(full, who) {
			return full
		}
	}
	if k > 0 {
		return cleanName(f.mentions[ids[k-1]].Text)
	}
	full := cleanName(f.mentions[ids[0]].Text)
	for _, j := range ids[1:] {
		if cleanName(f.mentions[j].Text) != full {
			return who
		}
	}
	return full
}

// titleSmall are the lower-case words a title may hold.
var titleSmall = set(`a an the of to in on at for and or but nor with from by as into over vs vs. per`)

// isTitle reports whether quoted text is a title or name rather than
// speech: most of its words capitalised and no sentence in it.
func isTitle(q string) bool {
	ws := strings.Fields(q)
	if len(ws) == 0 || !unicode.IsUpper([]rune(ws[0])[0]) {
		return false
	}
	caps, small := 0, 0
	for _, w := range ws {
		r := []rune(w)[0]
		switch {
		case unicode.IsUpper(r):
			caps++
		case unicode.IsLetter(r):
			if !titleSmall[w] {
				small++
			}
		}
	}
	return caps >= 2 && small == 0 // "Return of the Jedi"
}

// longer returns the nearest person named before pos whose name ends in
// the words of who ("Gavin De Salis" for "De Salis"), or who.
func (f *finder) longer(who string, pos int) string {
	ws := strings.Fields(who)
	best := who
	for _, i := range f.byWord[ws[len(ws)-1]] {
		m := f.mentions[i]
		if m.Start >= pos && best != who {
			break
		}
		if full := cleanName(m.Text); len(full) > len(who) && strings.HasSuffix(full, " "+who) {
			best = full
		}
	}
	return best
}

// named reports whether full is the name of a person the text names.
func (f *finder) named(full string) bool {
	ws := strings.Fields(full)
	for _, i := range f.byWord[ws[len(ws)-1]] {
		if cleanName(f.mentions[i].Text) == full {
			return true
		}
	}
	return false
}
