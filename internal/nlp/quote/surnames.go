package quote

import (
	"regexp"
	"slices"
	"strings"

	"parallax/internal/nlp/entity"
)

// addSurnames makes the bare surnames of the persons the text names in
// full person mentions: a one-word mention of another type ("Rolfes"
// typed as an organisation) becomes a person, and a capitalised word the
// name finder left out ("Gamaty reaffirmed ...") is added. The index is
// rebuilt; the mentions of entity.Find are not changed in place.
func (f *finder) addSurnames() {
	surnames := map[string]bool{}
	for _, m := range f.mentions {
		if m.Type != entity.Person {
			continue
		}
		ws := strings.Fields(cleanName(m.Text))
		if len(ws) < 2 {
			if len(ws) == 1 && isCapital(ws[0]) && !strings.Contains(f.text, " "+strings.ToLower(ws[0])+" ") {
				// a one-word name ("Jamal") is a person wherever the text
				// writes it, also where the name finder missed it
				surnames[ws[0]] = true
			}
			continue
		}
		l := ws[len(ws)-1]
		surnames[l] = true
		if h := strings.LastIndexByte(l, '-'); h > 0 && isCapital(l[h+1:]) {
			surnames[l[h+1:]] = true
		}
	}
	if len(surnames) == 0 {
		return
	}
	out := make([]entity.Mention, 0, len(f.mentions))
	next := 0 // end of the last mention kept
	for i := 0; i <= len(f.mentions); i++ {
		end := len(f.text)
		if i < len(f.mentions) {
			end = f.mentions[i].Start
		}
		out = append(out, f.bareSurnames(next, end, surnames)...)
		if i == len(f.mentions) {
			break
		}
		m := f.mentions[i]
		if m.Type != entity.Person && m.Type != entity.Place && surnames[m.Text] {
			m.Type = entity.Person
		}
		out = append(out, m)
		next = max(next, m.End)
	}
	if len(out) != len(f.mentions) || !slices.Equal(out, f.mentions) {
		f.mentions = out
		f.index()
	}
}

// bareSurnames returns person mentions for the known surnames written as
// words of text[from:to].
func (f *finder) bareSurnames(from, to int, surnames map[string]bool) []entity.Mention {
	var out []entity.Mention
	for i := from; i < to; {
		if !isNameByte(f.text[i]) || i > 0 && isNameByte(f.text[i-1]) {
			i++ // not a word's start
			continue
		}
		j, upper := i, false
		for j < to && isNameByte(f.text[j]) {
			upper = upper || f.text[j] >= 'A' && f.text[j] <= 'Z'
			j++
		}
		if upper && surnames[f.text[i:j]] { // "Gamaty", "diGenova"
			out = append(out, entity.Mention{Start: i, End: j, Text: f.text[i:j], Type: entity.Person})
		}
		i = j
	}
	return out
}

// isNameByte reports whether b may be part of a surname (ASCII letters and
// hyphens; other scripts are left to the name finder).
func isNameByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '-'
}

// particle is a lower-case name particle and the capitalised name after
// it: "Salim al Hamdi", "Ludwig van Beethoven".
var particle = regexp.MustCompile(`^ (?:al|el|bin|ibn|abu|de|da|del|della|van|von|der|la|le) [A-Z][\w'’-]+`)

// initial is an initial, or two or three run together ("J.B.").
var initial = regexp.MustCompile(`^(?:[A-Z]\.){1,3}$`)

// joinParticles extends each person mention over a name particle and the
// name after it, dropping mentions it then covers; entity.Find's slice is
// not changed in place.
func (f *finder) joinParticles() {
	var out []entity.Mention
	changed := false
	for _, m := range f.mentions {
		if len(out) > 0 && m.Start < out[len(out)-1].End {
			changed = true
			continue // covered by the name extended before it
		}
		if len(out) > 0 && m.Type == entity.Person && !strings.Contains(out[len(out)-1].Text, " ") && isCapital(out[len(out)-1].Text) {
			// "Osama bin Nafaa" found as the place "Osama" and the person
			// "Nafaa": a particle between joins them into the person
			p := out[len(out)-1]
			if loc := particle.FindStringIndex(f.text[p.End:m.End]); loc != nil && p.End+loc[1] == m.End {
				m.Start, m.Text, m.Title = p.Start, f.text[p.Start:m.End], p.Title
				out = out[:len(out)-1]
				changed = true
			}
		}
		if len(out) > 0 && m.Type == entity.Person && initial.MatchString(out[len(out)-1].Text) && out[len(out)-1].End+1 == m.Start {
			p := out[len(out)-1] // "J. David Anderson" found as "J." and "David Anderson"
			m.Start, m.Text, m.Title = p.Start, f.text[p.Start:m.End], p.Title
			out = out[:len(out)-1]
			changed = true
		}
		if m.Type == entity.Person && initial.MatchString(strings.Fields(m.Text)[0]) && m.Start > 1 && f.text[m.Start-1] == ' ' {
			// "Hartadi A. Sarwono" found as "A. Sarwono" (and perhaps
			// "Hartadi"): the given name before the initial is the name's
			w := lastWord(f.text[:m.Start-1])
			prev := len(out) > 0 && out[len(out)-1].End == m.Start-1
			if prev && out[len(out)-1].Type == entity.Person && !strings.Contains(out[len(out)-1].Text, " ") {
				m.Start, m.Title = out[len(out)-1].Start, out[len(out)-1].Title
				m.Text = f.text[m.Start:m.End]
				out = out[:len(out)-1]
				changed = true
			} else if !prev && isCapital(w) && !strings.HasSuffix(w, ".") && !roles[strings.ToLower(w)] && !conjunctions[w] {
				m.Start -= len(w) + 1
				m.Text = f.text[m.Start:m.End]
				changed = true
			}
		}
		if m.Type == entity.Person {
			if loc := particle.FindStringIndex(f.text[m.End:min(len(f.text), m.End+40)]); loc != nil {
				m.End += loc[1]
				m.Text = f.text[m.Start:m.End]
				changed = true
			}
		}
		out = append(out, m)
	}
	if changed {
		f.mentions = out
	}
}

// kinBefore is a kinship or acquaintance noun and the comma that opens an
// appositive name: "Roy 's wife , Ladonna ,".
var kinBefore = regexp.MustCompile(`\b(?:wife|husband|son|daughter|mother|father|brother|sister|grandmother|grandfather|grandson|granddaughter|aunt|uncle|niece|nephew|cousin|girlfriend|boyfriend|fiancee|fiancée|fiance|fiancé|widow|widower|friend|neighbor|neighbour|stepfather|stepmother|stepson|stepdaughter)\s*,\s*$`)

// namedBefore introduces a person by name: "a man named", "CNN is calling
// him".
var namedBefore = regexp.MustCompile(`\b(?:named|nicknamed|calling\s+(?:him|her)|called\s+(?:him|her))\s+$`)

// namingCues are the words after which a text gives someone a name.
var namingCues = []string{"named ", "calling him ", "calling her ", "called him ", "called her "}

// kinNames types as a person a name written as the appositive of a
// kinship noun ("Roy 's wife , Ladonna , sits"), whatever type the name
// finder gave it, and every other mention written the same: a one-word
// given name the finder does not know often comes out a place. So is a
// place-typed name after "named" ("a man named Mohand").
func (f *finder) kinNames() {
	named := map[string]bool{}
	for _, m := range f.mentions {
		if m.Type == entity.Person || strings.Count(m.Text, " ") > 2 {
			continue
		}
		before := f.text[max(0, m.Start-24):m.Start]
		if m.Type == entity.Place && strings.HasSuffix(before, " ") && namedBefore.MatchString(before) {
			named[m.Text] = true // "A man named Mohand , who runs a coffee shop"
			continue
		}
		after := f.text[m.End:min(len(f.text), m.End+3)]
		if !strings.HasPrefix(strings.TrimLeft(after, " "), ",") || !strings.HasSuffix(strings.TrimRight(f.text[max(0, m.Start-3):m.Start], " "), ",") {
			continue // no commas around it: no appositive (checked first, it is cheap)
		}
		if kinBefore.MatchString(before) {
			named[m.Text] = true
		}
	}
	if len(named) == 0 {
		return
	}
	out := slices.Clone(f.mentions) // entity.Find's slice is not changed in place
	for i := range out {
		if named[out[i].Text] {
			out[i].Type = entity.Person
		}
	}
	f.mentions = out
}

// nextSentence returns where the sentence after the one at pos starts (a
// new line, or a word after a stop), or len(text).
func (f *finder) nextSentence(pos int) int {
	for i := pos; i < len(f.text); i++ {
		switch f.text[i] {
		case '\n':
			return i + 1
		case '.', '!', '?':
			j := i + 1
			for j < len(f.text) && (f.text[j] == '"' || f.text[j] == '\'' || f.text[j] == ' ') {
				j++
			}
			if j > i+1 && j < len(f.text) {
				return j
			}
		}
	}
	return len(f.text)
}

// appositiveSubject is a capitalised word opening a sentence, set off by a
// comma from a role that describes it: "Murray , co-author of the golf
// book , was speaking".
var appositiveSubject = regexp.MustCompile(`^["“]?([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s*,\s+(?:a\s+|an\s+|the\s+)?(?:[a-z-]+\s+){0,2}?([a-z-]+)(?:\s+(?:of|for|at|with|in|from|who)\b|\s*,)`)

// adverbLike reports whether a capitalised word has a sentence adverb's
// ending ("Chillingly , the newly married man ... told us"): no name ends
// so.
func adverbLike(w string) bool {
	if len(w) < 7 {
		return false
	}
	for _, suf := range []string{"ingly", "edly", "ally", "ously", "ively", "ately", "ently", "antly", "fully", "ibly", "ably"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// appositiveNames adds as persons the words appositiveSubject finds that
// the name finder left out, when the text never writes them in lower
// case and they are no weekday or sentence adverb; and names the text
// gives someone ("calling him Jamal", namedPerson).
func (f *finder) appositiveNames() {
	var add []entity.Mention
	for at := 0; at < len(f.text); at = f.nextSentence(at) {
		if c := f.text[at]; (c < 'A' || c > 'Z') && c != '"' && c != 0xe2 { // 0xe2 opens “
			continue // no capital opens the sentence: nothing to match
		}
		win := f.text[at:min(len(f.text), at+160)]
		m := appositiveSubject.FindStringSubmatchIndex(win)
		if m == nil {
			continue
		}
		for k := 2; k < len(m); k++ {
			m[k] += at
		}
		word, role := f.text[m[2]:m[3]], f.text[m[4]:m[5]]
		if !roles[role] || things[role] || documents[role] || conjunctions[word] || weekdays[word] || adverbLike(word) ||
			strings.Contains(f.text, " "+strings.ToLower(word)+" ") {
			continue
		}
		if i := f.before(m[3]); i > 0 && f.mentions[i-1].End > m[2] {
			continue // the name finder found it, or a name around it
		}
		add = append(add, entity.Mention{Text: word, Type: entity.Person, Start: m[2], End: m[3]})
	}
	for _, cue := range namingCues {
		// "CNN is calling him Jamal": a name the text gives someone
		for at := 0; ; {
			k := strings.Index(f.text[at:], cue)
			if k < 0 {
				break
			}
			start := at + k + len(cue)
			at = start
			if k > 0 && isNameByte(f.text[at-len(cue)-1]) {
				continue // inside a word ("renamed")
			}
			end := start
			for end < len(f.text) && isNameByte(f.text[end]) {
				end++
			}
			word := f.text[start:end]
			if !isCapital(word) || weekdays[word] || strings.Contains(f.text, " "+strings.ToLower(word)+" ") {
				continue
			}
			if i := f.before(end); i > 0 && f.mentions[i-1].End > start {
				continue // the name finder found it
			}
			add = append(add, entity.Mention{Text: word, Type: entity.Person, Start: start, End: end})
		}
	}
	if len(add) == 0 {
		return
	}
	out := append(slices.Clone(f.mentions), add...)
	slices.SortStableFunc(out, func(a, b entity.Mention) int { return a.Start - b.Start })
	f.mentions = out
}
