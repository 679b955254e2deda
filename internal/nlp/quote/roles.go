package quote

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax/internal/nlp/entity"
)

// maxRoleWords bounds a role phrase ("the UN's special envoy for Syria").
const maxRoleWords = 7

// modifiers are the lower-case words allowed inside a role phrase.
var modifiers = set(`the of for special foreign deputy senior chief top press state defense defence a an 's ’s
local former retired veteran independent western unnamed another one financial operating executive technical
managing vice assistant associate acting interim national regional general legal medical political military
government department company's police county city school district federal white house next-door next door same
shaken grieving operations communications information technology public affairs relations marketing safety
health security legal commercial media`)

// determiners open a role phrase; after one, up to two plain adjectives
// may come before the role word ("a handwritten sign").
var determiners = set(`the a an one another his her their its that this`)

// rolePhrase returns the role phrase at the start of s ("the State Dept.
// spokesman", "Rochester police chief") up to and including its last role
// word, and its byte length.
func rolePhrase(s string) (string, int) {
	pos, end, adj, det := 0, 0, 0, false
	for words := 0; words < maxRoleWords; words++ {
		w, start := nextWord(s, pos)
		if w == "" {
			break
		}
		bare := strings.TrimRight(w, ".,;:")
		lw := strings.ToLower(bare)
		det = det || (words == 0 && determiners[lw])
		switch {
		case roles[lw]:
			end = start + len(bare)
		case words == 0 && det:
			// "the", "that study says"
		case (lw == "and" || lw == "&") && words > 0:
			// "government and public affairs director"
		case unicode.IsUpper([]rune(bare + " ")[0]) || modifiers[lw] || strings.HasSuffix(bare, "'s") || strings.HasSuffix(bare, "’s"):
		case adj < 2 && end == 0 && adjLike(bare) && !stop[lw]:
			adj++ // "a handwritten sign", "theater employee"
		default:
			words = maxRoleWords
			continue
		}
		pos = start + len(w)
		if tail := w[len(bare):]; strings.ContainsAny(tail, ",;:") || (tail != "" && roles[lw]) {
			break // the phrase ends at punctuation
		}
	}
	if end == 0 {
		return "", 0
	}
	return s[:end], end
}

// stop are words no role phrase holds.
var stop = set(`and or but that which who when where while if as to by at in on with from is was are were has
had have be been said says told he she they it we i you`)

// adjLike reports whether w may be an adjective in a role phrase:
// lower-case letters, digits and hyphens ("36-year-old").
func adjLike(w string) bool {
	for _, r := range w {
		if !unicode.IsLower(r) && !unicode.IsDigit(r) && r != '-' {
			return false
		}
	}
	return w != ""
}

func isLower(w string) bool {
	for _, r := range w {
		if !unicode.IsLower(r) && r != '-' {
			return false
		}
	}
	return w != ""
}

// roleTail returns the role phrase that ends head: back over capitalised
// words and role modifiers to "the"/"The", at most maxRoleWords words.
func roleTail(head string) string {
	ws := strings.Fields(head)
	from := len(ws) - 1
	for i := len(ws) - 2; i >= 0 && len(ws)-i <= maxRoleWords; i-- {
		w := ws[i]
		if strings.ContainsAny(w, "\"“”‘’.,;:!?()") && !strings.HasSuffix(w, "'s") && !strings.HasSuffix(w, "’s") && w != "Dept." {
			break
		}
		if !unicode.IsUpper([]rune(w)[0]) && !modifiers[strings.ToLower(w)] && !(adjLike(w) && !stop[w] && len(ws)-i <= 3) {
			break
		}
		from = i
		if determiners[strings.ToLower(w)] {
			break
		}
	}
	for from < len(ws)-1 && (ws[from] == "'s" || ws[from] == "’s") {
		from++
	}
	return strings.Join(ws[from:], " ")
}

// resolveRole names the person holding the role of phrase ph: the person
// right after the role word where the text names one ("spokesman John
// Kirby", "spokesman, Mark Toner"), nearest before quoteAt first. Without
// one it returns the phrase, without a leading "the".
func (f *finder) resolveRole(ph string, quoteAt int) string {
	role := strings.ToLower(strings.TrimRight(lastWord(ph), ".,"))
	best, bestDist := "", -1
	holders := f.holders()[role]
	if documents[role] {
		holders = nil // "According to the affidavit, Ronald Wilkson was shot": no one holds a document
	}
	if indefinite.MatchString(ph) {
		// "“…,” a government spokesman said": someone the text does not
		// name, not the spokesman it named before (of another side); a
		// person the text gives that role in an appositive in the same
		// sentence is ("Richard Collier , a second generation fisherman ,
		// says"; not "said Hobab Jomaa , a rebel fighter" a paragraph
		// before "one fighter in Zawiya told"); holders() has filled
		// apposedTo
		var apposed []int
		for _, i := range holders {
			if m := f.mentions[i]; f.apposedTo[i] && m.Start < quoteAt && !sentenceBreak.MatchString(f.text[m.End:quoteAt]) {
				apposed = append(apposed, i) // in the quotation's sentence
			}
		}
		holders = apposed
	}
	for _, i := range holders {
		m := f.mentions[i]
		d := quoteAt - m.Start
		if d < 0 {
			if m.Start-quoteAt > maxSentence || sentenceBreak.MatchString(f.text[quoteAt:m.Start+1]) {
				continue // a later sentence's spokesman may be another one
			}
			d = -d + len(f.text) // prefer names before the quote
		}
		if bestDist < 0 || d < bestDist {
			best, bestDist = m.Text, d
		}
	}
	if best != "" {
		return best
	}
	definite := strings.HasPrefix(ph, "the ") || strings.HasPrefix(ph, "The ")
	if definite && orgRoles[role] && strings.Count(strings.TrimSpace(ph), " ") == 1 {
		if org := f.orgAntecedent(quoteAt); org != "" {
			return org // "Halliburton said it ... . “…,” the company said"
		}
	}
	if definite && f.introducedAs(role, quoteAt) {
		// "A friend close to the family said Junior was a wonderful kid .
		// “…,” the friend said": the one the text introduced so, unnamed
		return strings.TrimRight(strings.TrimPrefix(strings.TrimPrefix(ph, "the "), "The "), " ,")
	}
	if definite && roles[role] && !things[role] && !groups[role] && !ranks[role] {
		// "the judge said", "the 36-year-old single mother said": the
		// person who last spoke or was the subject, of the role's gender.
		// Not across a person introduced by a role ("said a medical
		// official ... . The doctor, who ...").
		if who, at := f.resolve(quoteAt, roleGender(role), true); who != "" && !f.introducesRole(at, quoteAt) && f.mayHold(who, role, quoteAt) {
			return who
		}
	}
	for _, d := range []string{"the ", "The ", "that ", "That ", "this ", "This "} {
		ph = strings.TrimPrefix(ph, d)
	}
	return strings.TrimRight(ph, " ,")
}

// indefinite is an indefinite article opening a role phrase.
var indefinite = regexp.MustCompile(`^\s*(?:[Aa]n?|[Aa]nother|[Oo]ne)\s`)

// introducedAs reports whether the text introduces someone unnamed by
// role word role, after an indefinite article, in the sentences just
// before pos ("A friend close to the family said ...").
func (f *finder) introducedAs(role string, pos int) bool {
	from := f.sentencesBack(pos, 2)
	for _, m := range indefiniteRole.FindAllStringSubmatchIndex(f.text[from:pos], -1) {
		if f.inQuoteAt(from + m[0]) {
			continue
		}
		for _, w := range strings.Fields(f.text[from+m[2] : from+m[3]]) {
			if strings.EqualFold(strings.TrimRight(w, ".,;:"), role) && !f.subjectBetween(from+m[3], pos) {
				return true
			}
		}
	}
	return false
}

// subjectBetween reports whether a person opens a sentence in
// text[from:to]: "…, a government spokesman said . Moussa Ibrahim said
// …" names the spokesman.
func (f *finder) subjectBetween(from, to int) bool {
	for i := f.before(from); i < len(f.mentions) && f.mentions[i].End <= to; i++ {
		if m := f.mentions[i]; f.isPerson(m) && !f.inQuote(m) && f.isSubject(m) {
			return true
		}
	}
	return false
}

// ranks are roles a text gives with the name ("Sgt. Trent Crump",
// "Detective Jane Roe"): "the police sergeant said" is the person the
// text names so (holders), never merely the last person it spoke of.
var ranks = set(`sergeant lieutenant captain corporal detective inspector marshal trooper sheriff commissioner
superintendent commander general colonel major admiral`)

// orgRoles are the roles of an organisation.
var orgRoles = set(`company firm group agency network channel broadcaster newspaper station`)

// documentWords are the roles that are writings (documents): no person
// holds one.
const documentWords = `statement report release letter email e-mail sign appeal citation article documents complaint
affidavit lawsuit suit brief filing memo study survey paper page notice reports obituary cable banner banners placard
placards transcript indictment warrant records forecast`

var documents = set(documentWords)

// orgAntecedent returns the organisation nearest before pos (within
// roleWindow, outside quotations) that speaks or opens its sentence.
func (f *finder) orgAntecedent(pos int) string {
	for i := f.before(pos) - 1; i >= 0; i-- {
		m := f.mentions[i]
		if m.Start < pos-roleWindow {
			break
		}
		// a one-word "person" no full name explains may be a company the
		// name finder mistyped ("Halliburton")
		org := m.Type == entity.Org || m.Type == entity.Person && !strings.Contains(m.Text, " ") && len(f.byWord[m.Text]) == 0 && m.Title == ""
		if m.Type == entity.Place && placeSpeaks.MatchString(f.text[m.End:min(len(f.text), m.End+20)]) {
			org = true // "Al-Jazeera reported", the name finder taking the network for a place
		}
		if !org || m.AfterThe || f.inQuote(m) || f.possessive(m) {
			continue
		}
		if f.speaks(m, pos) || f.isSubject(m) {
			return m.Text
		}
	}
	return ""
}

// orgSubject returns the organisation nearest before pos (within
// roleWindow, outside quotations) that opens its sentence or is the source
// of an "according to": what "it" stands for in "“…,” it said" ("The
// agency expressed frustration ... . It accused BP ... . “…,” it said": not
// BP; "The Arab Spring has brought fresh abuses , according to the ICRC ,
// ... . “…,” it said": the ICRC).
func (f *finder) orgSubject(pos int) string {
	for i := f.before(pos) - 1; i >= 0; i-- {
		m := f.mentions[i]
		if m.Start < pos-roleWindow {
			break
		}
		if m.Type == entity.Org && !f.inQuote(m) && !f.possessive(m) && (f.isSubject(m) || accordingToBefore.MatchString(f.text[max(0, m.Start-20):m.Start])) {
			return m.Text
		}
	}
	return ""
}

// accordingToBefore ends where the source of an "according to" begins.
var accordingToBefore = regexp.MustCompile(`\b[Aa]ccording to (?:the )?$`)

// mayHold reports whether the person who may be the one a definite role
// stands for: the text gives them no other role ("the mayor said" is not
// the deputy assistant secretary named before).
func (f *finder) mayHold(who, role string, pos int) bool {
	name := f.name(who, pos)
	r := f.roleOf(name)
	ws := strings.Fields(name)
	for _, i := range f.byWord[ws[len(ws)-1]] {
		if t := strings.TrimSuffix(f.mentions[i].Title, "."); t != "" && !honorifics[t] && cleanName(f.mentions[i].Text) == name {
			r += " " + t // "Admiral Mike Mullen"
		}
	}
	if strings.TrimSpace(r) == "" {
		return true
	}
	for _, w := range strings.Fields(strings.ToLower(r)) {
		if w = strings.TrimRight(w, ".,"); w == role || sameRole[w] != "" && sameRole[w] == sameRole[role] {
			return true
		}
	}
	return false
}

// sameRole groups role words that name one role.
var sameRole = map[string]string{"lawyer": "lawyer", "attorney": "lawyer", "counsel": "lawyer",
	"spokesman": "spokes", "spokeswoman": "spokes", "spokesperson": "spokes"}

// honorifics are titles that give no role.
var honorifics = set(`Mr Mrs Ms Miss Dr Sir Dame Lord Lady`)

// indefiniteRole is a person introduced by a role: "a neighbor", "one
// Western risk consultant".
var indefiniteRole = regexp.MustCompile(`\b(?:[Aa]n?|[Oo]ne|[Aa]nother)((?:\s+[\w'’-]+){1,4})`)

// introducesRole reports whether text[from:to] introduces someone by a
// role.
func (f *finder) introducesRole(from, to int) bool {
	for _, m := range indefiniteRole.FindAllStringSubmatch(f.text[max(from, 0):to], -1) {
		for _, w := range strings.Fields(m[1]) {
			if roles[w] && !things[w] {
				return true
			}
		}
	}
	return false
}

// holders returns, by role word, the persons the text names with it: the
// role word right before the name ("spokesman John Kirby") or ending an
// appositive after it ("Ramona Mathis, Collier’s great-grandmother").
// Built once per text.
func (f *finder) holders() map[string][]int {
	if f.byRole != nil {
		return f.byRole
	}
	f.byRole = map[string][]int{}
	for i, m := range f.mentions {
		if m.Type != entity.Person || f.inQuote(m) {
			continue
		}
		pre := strings.ToLower(strings.TrimRight(lastWord(strings.TrimRight(f.text[max(m.Start-40, 0):m.Start], " ,")), ".,"))
		if roles[pre] {
			f.byRole[pre] = append(f.byRole[pre], i)
		}
		if r := f.apposed(m); roles[r] {
			if r != pre {
				f.byRole[r] = append(f.byRole[r], i)
			}
			if f.apposedTo == nil {
				f.apposedTo = map[int]bool{}
			}
			f.apposedTo[i] = true
		}
	}
	return f.byRole
}

// apposed returns the last word of an appositive right after person m,
// lower case: "Ramona Mathis, Collier’s great-grandmother" ->
// "great-grandmother".
func (f *finder) apposed(m entity.Mention) string {
	rest := f.text[m.End:min(len(f.text), m.End+60)]
	rest = strings.TrimLeft(rest, " ")
	if !strings.HasPrefix(rest, ",") {
		return ""
	}
	rest = rest[1:]
	if i := strings.IndexAny(rest, ",.;\n"); i >= 0 {
		rest = rest[:i]
	}
	if strings.ContainsAny(rest, "\"“”`") || anyVerb.MatchString(rest) {
		return "" // not an appositive: `Burke," said the woman`
	}
	return strings.ToLower(lastWord(rest))
}

// groups are roles of several people or of someone unnamed on purpose: a
// definite one ("the officials") is not resolved to a person.
var groups = set(`officials sources source witnesses residents investigators detectives authorities prosecutors
police parents executives officers neighbors spokespeople executors co-executors authors family lawyers attorneys
aides advisers advisors critics supporters relatives friends experts analysts doctors`)

// roleWindow bounds how far from a quotation a role or pronoun is
// resolved (bytes): the work stays linear in the text.
const roleWindow = 1500

// antecedent resolves the pronoun pron at pos (he, she) to the nearest
// compatible antecedent before it, outside quotations and within
// roleWindow bytes: a person named earlier in the pronoun's own sentence;
// else, sentence by sentence back, the first person there who speaks
// (a speech verb follows the name in its sentence: "Karen Piurkowski,
// director of loyalty with Polk, said"), or a role subject ("One neighbor
// hopes ...") nearer than any person; else the nearest person of the
// paragraph. Gender comes from the pronoun and the person's given name or
// honorific.
func (f *finder) antecedent(pos int, pron string) string {
	who, _ := f.resolve(pos, pronounGender(pron), false)
	if roles[who] {
		// "The police chief promised ... . “…,” he said": the chief the
		// text names, if it does
		for _, i := range f.holders()[who] {
			if m := f.mentions[i]; m.Start < pos {
				who = m.Text
			}
		}
	}
	return who
}

// resolve finds the antecedent at pos of gender want (see antecedent);
// strict leaves out the nearest person who neither speaks nor shares the
// sentence, and role subjects.
func (f *finder) resolve(pos int, want gender, strict bool) (string, int) {
	para := strings.LastIndexByte(f.text[:pos], '\n') + 1
	prevPara := strings.LastIndexByte(f.text[:max(para-1, 0)], '\n') + 1
	plain, plainAt := "", -1
	lastEnd := pos
	for i := f.before(pos) - 1; i >= 0; i-- {
		m := f.mentions[i]
		if m.Start < pos-roleWindow {
			break
		}
		if m.End > pos || !f.isPerson(m) || f.inQuote(m) || f.possessive(m) || !fits(f.gender(m, pos), want) || asBefore.MatchString(f.text[max(0, m.Start-12):m.Start]) {
			continue
		}
		if r := f.roleSubject(m.End, lastEnd, want); r != "" && !strict {
			return r, m.End
		}
		lastEnd = m.Start
		switch {
		case !strict && !sentenceBreak.MatchString(f.text[m.End:min(len(f.text), pos+1)]):
			return m.Text, m.Start // named in the pronoun's sentence
		case f.speaks(m, pos):
			return f.subjectOf(i, pos, want), m.Start
		case f.isSubject(m) || f.clauseSubject(m):
			if plain != "" && f.hasSpoken(plain, plainAt) && !f.hasSpoken(m.Text, m.Start) {
				// "But Obama ... worries environmentalists such as Brune .
				// “…,” he said": the nearer one, who spoke before, goes on
				return plain, plainAt
			}
			return m.Text, m.Start // "Ghoga sought to clarify ... . “…,” he said"
		case plain == "" && (m.Start >= para || m.Start >= prevPara && want != anyGender && f.gender(m, pos) == want):
			// the nearest person of the paragraph, or of the one before
			// when the pronoun's gender is the person's
			plain, plainAt = m.Text, m.Start
			if !strict && namedBefore.MatchString(f.text[max(0, m.Start-24):m.Start]) {
				// "CNN is calling him Jamal -- not his real name . “…,” he
				// said": the person the text has just introduced by name
				return plain, plainAt
			}
			if !strict && want != anyGender && f.gender(m, pos) == want && f.onlyFit(i, pos, want) {
				// "… where Emily Schatzel was examining reeds. “…,” she
				// said": the one person of her sex in the sentence before
				return plain, plainAt
			}
		}
	}
	if strict {
		return "", -1
	}
	if plain == "" {
		plain = f.roleSubject(max(para, pos-roleWindow), lastEnd, want)
	}
	if plain == "" {
		// "Sal Sunseri 's P&J Oyster Company has worked ... . But the
		// future is grim , he told": no one else, the possessor
		for i := f.before(pos) - 1; i >= 0; i-- {
			m := f.mentions[i]
			if m.Start < max(para, pos-roleWindow) {
				break
			}
			if f.isPerson(m) && f.possessive(m) && !f.inQuote(m) && fits(f.gender(m, pos), want) {
				return m.Text, m.Start
			}
		}
	}
	return plain, plainAt
}

// onlyFit reports whether mention i stands in the sentence right before
// the one holding pos, and no other person there before it fits gender
// want.
func (f *finder) onlyFit(i, pos int, want gender) bool {
	own := f.sentenceStart(pos)
	if own == 0 || f.text[own-1] == '\n' {
		return false // the pronoun opens a paragraph: the paragraph before is not one sentence back
	}
	prev := f.sentenceStart(own - 1)
	m := f.mentions[i]
	if m.Start < prev || m.End > own {
		return false
	}
	for j := i - 1; j >= 0 && f.mentions[j].Start >= prev; j-- {
		if o := f.mentions[j]; f.isPerson(o) && !f.inQuote(o) && fits(f.gender(o, pos), want) {
			return false
		}
	}
	return true
}

// leadPhrase is a sentence opening before its subject: "In Grand Isle ,",
// "On Monday ,".
var leadPhrase = regexp.MustCompile(`^[\s"“'` + "`" + `]*(?:In|At|On|After|Before|During|Since|For|From|Outside|Inside|Near)\s[^,;]{1,60},\s*$`)

// leadClause is a long sentence opening that ends at a comma before the
// subject, commas inside it: "In a joint appearance with Mayor X, who
// returned this morning,", "When the spree started on Friday,".
var leadClause = regexp.MustCompile(`^[\s"“'` + "`" + `]*(?:In|At|On|After|Before|During|Since|For|From|Outside|Inside|Near|When|While|Although|Though|With|Despite|Speaking|Asked|A|An)\s[^.;:!?"“”]{1,240},\s*$`)

// notVerbs are lower-case words that follow a name without making it the
// subject of a verb.
var notVerbs = set(`who whom whose which that and or but of in on at to for with from by as`)

// verbFollows reports whether a lower-case word that may be a verb comes
// right after end ("Batts defended", not "Batts, who" or "Batts and").
func (f *finder) verbFollows(end int) bool {
	rest := f.text[end:min(len(f.text), end+40)]
	if !strings.HasPrefix(rest, " ") {
		return false
	}
	w := strings.Fields(rest)
	if len(w) == 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w[0])
	return unicode.IsLower(r) && !notVerbs[w[0]]
}

// asBefore opens a reporting aside: "..., as Alana Goodman pointed out,".
var asBefore = regexp.MustCompile(`(?:^|[,(]\s*)[Aa]s\s+$`)

// isSubject reports whether person m starts its sentence (after a title
// at most): the sentence is about it.
func (f *finder) isSubject(m entity.Mention) bool {
	s := f.sentenceStart(m.Start)
	head := datePrefix.ReplaceAllString(f.text[s:m.Start], "")
	if k := strings.LastIndex(head, ","); k >= 0 && leadPhrase.MatchString(head[:k+1]) {
		head = head[k+1:] // "In oil-soaked Grand Isle , Jason French might ..."
	} else if k >= 0 && leadClause.MatchString(head[:k+1]) && strings.TrimSpace(head[k+1:]) == "" && f.verbFollows(m.End) {
		// "In a joint appearance with Mayor X, who returned ..., Batts
		// defended his role": a long opening clause, then the subject
		return true
	}
	lead := strings.Fields(head)
	for _, w := range lead {
		// "Burkina President Blaise Compaore denied", "U.S. Defense Secretary Leon Panetta said"
		if !roleWords[w] && !isCapital(w) && !isInitials(w) && !roles[w] && !modifiers[w] && strings.Trim(w, "`'\"“‘") != "" {
			return false
		}
	}
	return len(lead) <= maxRoleWords
}

// datePrefix is a date that opens a sentence, as timelines write them:
// "8 October 2011 Dr Murray reveals", "May 2009 Dr Murray is hired".
var datePrefix = regexp.MustCompile(`^\s*(?:\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|[A-Z][a-z]+\s+\d{1,2}\s*,?\s+\d{4}|[A-Z][a-z]+\s+\d{4}|\d{4})\s+`)

// clauseSubject reports whether person m opens a clause of its sentence
// (after a comma, a semicolon, "and" or "but"; title words and a
// possessive name at most before it) and a verb follows it: "Orange Beach
// , Ala. , Mayor Tony Kennon laughed", "... and Renaissance 's Richter
// expects".
func (f *finder) clauseSubject(m entity.Mention) bool {
	if !f.verbFollows(m.End) || roles[firstWord(f.text[m.End:min(len(f.text), m.End+30)])] {
		return false // "Gaddafi son"
	}
	head := datePrefix.ReplaceAllString(f.text[f.sentenceStart(m.Start):m.Start], "")
	cut := strings.LastIndexAny(head, ",;") + 1
	for _, c := range []string{" and ", " but "} {
		if k := strings.LastIndex(head, c); k >= 0 {
			cut = max(cut, k+len(c))
		}
	}
	lead := strings.Fields(head[cut:])
	for i, w := range lead {
		if i > 0 && (w == "'s" || w == "’s" || w == "'" || w == "’") && isCapital(lead[i-1]) {
			continue // "Renaissance 's"
		}
		if !roleWords[w] && !isCapital(w) && !isInitials(w) && strings.Trim(w, "`'\"“‘") != "" {
			return false // "another Gaddafi son": no clause opens there
		}
	}
	return len(lead) <= maxRoleWords
}

// isPerson reports whether m names a person: typed so, or one word of a
// person's name given in full elsewhere in the text ("Ghoga").
func (f *finder) isPerson(m entity.Mention) bool {
	if strings.ContainsAny(m.Text, "&0123456789") {
		return false // "P&J" (Oyster Company), taken for a person
	}
	if m.Type == entity.Person {
		return true
	}
	return m.Type == entity.Unknown && !strings.Contains(m.Text, " ") && len(f.byWord[m.Text]) > 0
}

// possessive reports whether m is followed by 's, or by an apostrophe
// alone when it ends in s: "McDonald’s mother", "Michelle Jones '
// attorney".
func (f *finder) possessive(m entity.Mention) bool {
	_, ok := f.possessiveEnd(m)
	return ok
}

// possessiveEnd returns where the possessive marker after m ends.
func (f *finder) possessiveEnd(m entity.Mention) (int, bool) {
	at := m.End
	for at < len(f.text) && f.text[at] == ' ' && at < m.End+2 {
		at++
	}
	rest := f.text[at:min(len(f.text), at+5)]
	for _, mark := range []string{"'s", "’s"} {
		if strings.HasPrefix(rest, mark) {
			if r, _ := utf8.DecodeRuneInString(rest[len(mark):]); !unicode.IsLetter(r) {
				return at + len(mark), true
			}
		}
	}
	if strings.HasSuffix(m.Text, "s") {
		for _, mark := range []string{"'", "’"} {
			if strings.HasPrefix(rest, mark+" ") {
				return at + len(mark), true // not "''", a closing quote mark
			}
		}
	}
	return 0, false
}

// gender is the sex of person m as the text tells it: its honorific or
// given name, or those of the full name it shortens.
func (f *finder) gender(m entity.Mention, pos int) gender {
	if g := nameGender(cleanName(m.Text), m.Title); g != anyGender {
		return g
	}
	return nameGender(f.name(m.Text, pos), "")
}

// roleSubjectRe is a role noun phrase that starts a sentence: "One
// neighbor hopes", "The boy's mother pleaded".
var roleSubjectRe = regexp.MustCompile(`(?:^|[.!?]["”'’]*\s+|\n)(?:One|A|An|The|Another|Her|His|Their)\s+(?:[\w'’-]+\s+){0,2}?([a-z-]+)(?:\s+(?:in|at|from|of|with|on|for)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)?(?:\s+who\s+[^,.;"“”]{1,80}?)?(?:\s*,[^,.;]{1,80},)?(?:\s*,)?(?:\s+[a-z]+(?:\s+\w+){0,3}\s+and)?\s+(?:` + verbs + `|hopes|pleaded|has|had|is|was|heard|saw|lives|lived|wants|wanted|called|described|woke|watched)\b`)

// indefiniteSpeaker is someone a role introduces inside a sentence as the
// subject of a speech verb: "In Benghazi , an NTC official said".
var indefiniteSpeaker = regexp.MustCompile(`(?:^|[,;]\s+|\b(?:and|but)\s+)(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w'’-]+\s+){0,2}?([a-z-]+)(?:\s*,[^,.;]{1,80},)?\s+(?:` + verbs + `)\b`)

// saidIndefinite is someone a role introduces after a speech verb: "...
// is not Egypt , said a highly placed Libyan source close to the
// government".
var saidIndefinite = regexp.MustCompile(`\b(?:said|says|according to)\s+(?:an?|one|another)\s+((?:[\w'’-]+\s+){0,3}[\w'’-]+)`)

// roleSubject returns the role of the last role subject in
// text[from:to] that fits gender want, or "".
func (f *finder) roleSubject(from, to int, want gender) string {
	if to <= from {
		return ""
	}
	locs := roleSubjectRe.FindAllStringSubmatchIndex(f.text[from:to], -1)
	locs = append(locs, indefiniteSpeaker.FindAllStringSubmatchIndex(f.text[from:to], -1)...)
	for _, m := range saidIndefinite.FindAllStringSubmatchIndex(f.text[from:to], -1) {
		// the first role word of "a highly placed Libyan source"
		at := m[2]
		for _, w := range strings.Fields(f.text[from+m[2] : from+m[3]]) {
			k := strings.Index(f.text[from+at:from+m[3]], w) + at
			if roles[w] {
				locs = append(locs, []int{m[0], m[1], k, k + len(w)})
				break
			}
			at = k + len(w)
		}
	}
	sort.Slice(locs, func(i, j int) bool { return locs[i][2] < locs[j][2] })
	for i := len(locs) - 1; i >= 0; i-- {
		r := f.text[from+locs[i][2] : from+locs[i][3]]
		if roles[r] && !things[r] && fits(roleGender(r), want) && !f.inQuoteAt(from+locs[i][2]) {
			return r
		}
	}
	return ""
}

// personRole reports whether w is a role a person holds: no thing, no
// document.
func personRole(w string) bool { return roles[w] && !things[w] && !documents[w] }

// things are the roles that are no person: a pronoun never stands for
// them.
var things = set(documentWords + ` ministry company agency department district administration government military
committee panel police authorities tv television radio network channel broadcaster newspaper station narrator announcer`)

// sentenceBreak is a sentence stop followed by a new sentence, or a new
// paragraph; quote marks may close the one and open the other, straight,
// curly or written “...”. A sentence may open with a number ("26 October
// 2011 Nutritionist ... tells the court").
var sentenceBreak = regexp.MustCompile("[.!?](?: ?(?:[\"”'’]|''))*\\s+(?:[\"“‘]|``)?\\s*[A-Z0-9]|\n")

// subjectOf returns, of mention i (a speaker) and the persons named
// before it in its sentence who also speak, the first: "Karen Piurkowski,
// director of loyalty with Polk, said".
func (f *finder) subjectOf(i, pos int, want gender) string {
	best := f.mentions[i]
	if afterSubject.MatchString(f.text[best.End:min(len(f.text), best.End+8)]) && verbJustBefore.MatchString(titleCut(f.text[max(0, best.Start-80):best.Start])) {
		return best.Text // "..., said Jon Marks , a Libya expert": the subject comes after its verb
	}
	for j := i - 1; j >= 0; j-- {
		m := f.mentions[j]
		if best.Start-m.End > maxSentence || sentenceBreak.MatchString(f.text[m.End:best.Start+1]) {
			break
		}
		if f.isPerson(m) && !f.possessive(m) && !f.inQuote(m) && fits(f.gender(m, pos), want) && f.speaks(m, pos) && !f.modifies(m, best) {
			best = m
		}
	}
	return best.Text
}

// afterSubject is what may follow a subject after its verb ("said Jon
// Marks , a ...", "said Uhlmann of the ..."), not a clause of its own
// ("said Gaddafi must agree").
var afterSubject = regexp.MustCompile(`^\s*(?:[,.;]|$|(?:of|from|at|with|in|who)\b)`)

// modifies reports whether m only qualifies the name after it, with title
// words between: "Burkina" of "Burkina President Blaise Compaore".
func (f *finder) modifies(m, next entity.Mention) bool {
	between := f.text[m.End:next.Start]
	return !strings.ContainsAny(between, ",;") && strings.TrimSpace(titleCut(f.text[m.Start:next.Start])) == ""
}

// verbJustBefore is a speech verb right before a name: "said Dunderdale".
var verbJustBefore = regexp.MustCompile(`\b(?:` + verbs + `)\s+$`)

// speaks reports whether a speech verb follows mention m in its sentence
// (before pos), or comes right before it.
func (f *finder) speaks(m entity.Mention, pos int) bool {
	if head := titleCut(f.text[max(0, m.Start-80):m.Start]); verbJustBefore.MatchString(head) {
		// "said Dunderdale", not "Pagett told Judge Edward Korman": the
		// one told is not the speaker
		return inverts(lastWord(strings.TrimRight(head, " ")))
	}
	rest := f.text[m.End:min(pos, m.End+160)]
	if i := strings.IndexAny(rest, ".!?\n"); i >= 0 {
		rest = rest[:i]
	}
	if i := strings.IndexAny(rest, "\"“”`‘"); i >= 0 {
		rest = rest[:i] // not the verbs of a quotation
	}
	if i := strings.Index(rest, "''"); i >= 0 {
		rest = rest[:i]
	}
	return anyVerb.MatchString(rest)
}

// nextWord returns the next space-separated word of s at or after pos and
// where it starts.
func nextWord(s string, pos int) (string, int) {
	for pos < len(s) && (s[pos] == ' ' || s[pos] == ',') {
		pos++
	}
	end := pos
	for end < len(s) && s[end] != ' ' && s[end] != '\n' && s[end] != ',' {
		end++
	}
	return s[pos:end], pos
}

func firstWord(s string) string {
	w, _ := nextWord(s, 0)
	return strings.TrimRightFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
}

func lastWord(s string) string {
	s = strings.TrimRight(s, " ,")
	if i := strings.LastIndexAny(s, " \n"); i >= 0 {
		return s[i+1:]
	}
	return s
}

// titleCut cuts from the end of head the words of a title or role that
// may stand between a speech verb and a name ("said Finnish Foreign
// Minister Erkki Tuomioja"): role words, capitalised words and role
// modifiers, at most maxRoleWords.
func titleCut(head string) string {
	for range maxRoleWords {
		head = strings.TrimRight(head, " ")
		w := lastWord(head)
		bare := strings.TrimRight(w, ".,")
		if w == "" || !(roleWords[w] || roles[strings.ToLower(bare)] || modifiers[strings.ToLower(bare)] || isCapital(bare)) {
			break
		}
		head = head[:len(head)-len(w)]
	}
	return strings.TrimRight(head, " ") + " "
}

// isCapital reports whether w is a capitalised word.
func isCapital(w string) bool {
	r := []rune(w)
	return len(r) > 1 && unicode.IsUpper(r[0]) && unicode.IsLower(r[1])
}

// isInitials reports whether w is written in capitals and stops ("U.S.").
func isInitials(w string) bool {
	return len(w) > 1 && strings.Trim(w, "ABCDEFGHIJKLMNOPQRSTUVWXYZ.") == "" && strings.Contains(w, ".")
}

// hasSpoken reports whether the person named so at pos was already given
// a quotation.
func (f *finder) hasSpoken(name string, pos int) bool {
	return slices.Contains(f.spoken, f.name(name, pos))
}
