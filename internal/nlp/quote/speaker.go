package quote

import (
	"regexp"
	"sort"
	"strings"
	"unicode"

	"parallax/internal/nlp/entity"
)

type finder struct {
	text      string
	mentions  []entity.Mention
	quoted    []span            // every quotation of the text, in order
	byWord    map[string][]int  // persons of several words by first and last word (see index)
	roleCache map[string]string // roleOf by name
	byRole    map[string][]int  // persons by the role word the text gives them (see holders)
	apposedTo map[int]bool      // mentions given their role in an appositive after them (see holders)
	owned     bool              // the last quotation's sentence attributes it after it (see ownAttribution)
	spoken    []string          // the speakers of the quotations so far, in order, as name returns them
	breaks    []sentenceBreakAt // the text's sentence breaks, in order (see indexBreaks)
}

// inQuote reports whether mention m lies inside a quotation: a name
// quoted is not a speaker to resolve a pronoun or role to.
func (f *finder) inQuote(m entity.Mention) bool {
	k := sort.Search(len(f.quoted), func(i int) bool { return f.quoted[i].close > m.Start })
	return k < len(f.quoted) && f.quoted[k].open <= m.Start
}

// verbs are the verbs of speech that attribute a quotation, in the past
// and the present tense ("concedes", "testifies": timelines and British
// papers report in the present).
const verbs = `said|says|say|told|tells|added|adds|stated|states|explained|explains|noted|notes|wrote|writes|warned|warns|declared|declares|insisted|insists|argued|argues|claimed|claims|asked|asks|replied|replies|continued|recalled|recalls|tweeted|announced|acknowledged|admitted|complained|pointed out|commented|observed|observes|contended|contends|concluded|reported|reads|read|described|describes|pledged|promised|urged|accused|suggested|testified|confirmed|denied|assert|hinted|alleged|speculated|pleaded|begged|insisting|claiming|telling|arguing|warning|responded|answered|stressed|cautioned|predicted|charging|saying|adding|posted|believes|thinks|hopes|agreed|conceded|quipped|joked|emphasized|emphasised|maintained|asserts|asserted|disputed|remembers|prayed|shouted|yelled|screamed|exclaimed|whispered|chanted|muttered|boasted|vowed|lamented|recounted|reiterated|countered|retorted|likened|likens|blamed|blames|announces|acknowledges|admits|complains|comments|concedes|confirms|denies|testifies|suggests|urges|pledges|promises|stresses|cautions|predicts|responds|answers|recounts|reiterates|counters|retorts|boasts|laments|vows|maintains|emphasizes|emphasises|exclaims|alleges|revealed|reveals`

// hometown is where a person named by one word comes from, after the
// name: " from Ivory Coast".
var hometown = regexp.MustCompile(`^\s+(?:from|of)\s+(?:the\s+)?[A-Z]`)

// dashBy is the dash that signs a pull quote: "“…” — Buddy Dyer".
var dashBy = regexp.MustCompile(`^\s*(?:—|–|--?)\s*`)

// asPutIt is an attribution before the quotation: "as one analyst put
// it,", "as Smith puts it:".
var asPutIt = regexp.MustCompile(`\b[Aa]s\s+([^,;:"“”]{2,80}?)(?:,[^,;:"“”]{1,40},)?\s+(?:put|puts|has put|described|describes|phrased|phrases)\s+it\s*[,:]?\s*$`)

// endsWithIt reports whether s ends with "it", "it," or "it:" (what
// asPutIt needs, tested before the expression).
func endsWithIt(s string) bool {
	s = strings.TrimRight(s, ",: ")
	return strings.HasSuffix(s, " it")
}

// nickBefore is a name given as a nickname right before a verb: "a
// writer using the nickname BetterJedi", "a fan who goes by Jedi1".
var nickBefore = regexp.MustCompile(`\b(?:using the (?:nickname|name|handle|screen name|pseudonym)|who goes by|nicknamed)\s+([\p{L}\d][\w.-]*)$`)

// appositive opens a noun phrase after a name: ", a watercolor artist".
var appositive = regexp.MustCompile(`^\s*,\s+(?:an?|the)\s`)

// answerWas is a person's words announced by a possessive and a colon:
// "Bronston's answer was:", "Her reply read:".
var answerWas = regexp.MustCompile(`(?:^|\s)(\S+?)\s?['’]s\s+(?:answer|reply|response|words|message|testimony|explanation|retort)\s+(?:was|is|read|reads|came)\s*:\s*$`)

// participleTail is what may stand between a speech participle and its
// quotation: nothing, or "instead that", "that".
var participleTail = regexp.MustCompile(`^(?:\s+[a-z]+){0,2}?(?:\s+that)?\s*$`)

// mannerVerbs attribute a quotation only right next to it ("“…,” his
// mother wept"; "“…,” translated a friend"): elsewhere they tell no
// speech ("She cried when she heard").
const mannerVerbs = `wept|weeps|sobbed|sobs|cried|cries|sighed|sighs|gushed|gushes|laughed|laughs|scoffed|scoffs|snapped|sniffed|marveled|marvelled|translated|screams|shouts|yells|whispers|pleads|raps|rapped|sings|sang|chants`

var (
	// after the quote: `, said X` / `, X said` / `, according to X`
	verbFirst  = regexp.MustCompile(`^[\s,;:—–'-]*(?:` + verbs + `|` + mannerVerbs + `)\s+`)
	accordingA = regexp.MustCompile(`^[\s,;:—–'-]*according to\s+`)
	according  = regexp.MustCompile(`\b[Aa]ccording to\s+`)
	lead       = regexp.MustCompile(`^[\s,;:—–'-]*`)
	// "X said", "X, a spokesman for Y, said", "X of South Carolina, one
	// of the House managers, said", "X , chief executive of Y said"
	verbAfter = regexp.MustCompile(`^(?:\s+(?:of|from|for|at|with|in)\s+[\w.'’-]+(?:\s+[\w.'’-]+){0,6}?){0,2}(?:\s*,[^,"“”\n]{1,100}|\s*,\s+(?:an?|the)\s+[^,"“”\n]{1,80}(?:,[^,"“”\n]{1,40}){1,2})?\s*,?(?:\s+(?:has|had|have|also|later|then|again))?\s+(?:` + verbs + `|` + mannerVerbs + `)\b`)
	// a title before a name: "Dr. Dan Geschwind", "Prime Minister Tony Blair"
	title    = regexp.MustCompile(`^(?:(?:Dr|Mr|Mrs|Ms|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Prof|Rev|Sec|Adm|Capt|Maj|Cpl|Det|Supt|Insp)\.?\s+|(?:Rear|Vice|Prime Minister|President|Secretary|Senator|Judge|Chancellor|Professor|Sheriff|Mayor|Governor|Admiral|Captain|Major|General|Colonel|Lieutenant|Sergeant|Corporal|Detective|Officer|Commissioner|Superintendent|Chief|Deputy|Pastor|Bishop|Father|Ambassador|Attorney General|Councilman|Councilwoman)(?:\s+|-))+`) // "Lieutenant-General"
	anyVerb  = regexp.MustCompile(`\b(?:` + verbs + `)\b`)
	colonEnd = regexp.MustCompile(`:\s*$`)
)

var roles = set(`star spokesman spokeswoman spokesperson minister secretary envoy official officials ambassador
president director chairman chairwoman leader commander analyst general governor mayor source sources statement
ministry diplomat farmer expert lawyer attorney professor researcher scientist witness witnesses resident residents
aide adviser advisor economist prosecutor prosecutors report neighbor neighbour neighbors woman man mother father
sister brother son daughter wife husband friend cousin relative officer officers executive executives manager owner
worker employee clerk doctor nurse fighter rebel consultant police investigators detectives authorities district
company agency department family release letter email e-mail sign appeal citation judge teacher student victim
suspect driver pastor coach chief sheriff deputy trooper co-worker coworker co-executors executors authors article
panel committee administration government military spokespeople lawmaker senator engineer trader investor
grandmother grandfather aunt uncle girlfriend boyfriend boy girl teen teenager principal superintendent founder
activist protester volunteer survivor parent parents customer passenger pilot fisherman shrimper operator
historian critic journalist reporter editor author documents complaint affidavit lawsuit suit brief filing memo
study survey paper page notice women men great-grandmother grandson granddaughter stepfather co-author
tv television radio network channel broadcaster newspaper station narrator announcer counsel
stepmother fiance fiancee godmother godfather co-author co-chairman co-chair chair chairperson treasurer
councilman councilwoman congressman congresswoman alderman lawman deputy flier onlooker bystander eyewitness
passerby patron shopper attendee organizer organiser sergeant lieutenant captain corporal detective
inspector commissioner marshal agent ranger firefighter paramedic medic dispatcher deckhand crewman soldier
veteran guard bartender cashier homeowner tenant landlord rapper singer musician reports obituary cable banner
banners placard placards transcript indictment warrant records visitor visitors fan fans representative
viewer viewers reader readers caller callers spectator spectators participant participants lawyers
attorneys aides advisers advisors critics supporters relatives friends experts analysts doctors writer writers
secretary-general attorney-general undersecretary under-secretary lecturer strategist specialist meteorologist
oceanographer geologist biologist ecologist seismologist chemist physicist toxicologist epidemiologist psychologist
sociologist criminologist columnist commentator pundit
blogger bloggers commenter commenters`)

var pronouns = map[string]bool{"he": true, "she": true, "He": true, "She": true}

// speaker finds who said the quotation sp on line ln.
func (f *finder) speaker(sp span, ln [2]int) string {
	f.owned = false
	if m := insideAttribution.FindStringSubmatchIndex(f.text[sp.start:sp.end]); m != nil && sp.close == ln[1] {
		// "I saw a lot of police, witness Dildra Williams said. (the closing
		// mark left out): the attribution inside the marks
		if who, _ := f.phraseAt(sp.start+m[2], sp.open); who != "" {
			return who
		}
	}
	after := f.text[sp.close:ln[1]]
	if m := verbFirst.FindStringIndex(after); m != nil && !strings.HasSuffix(strings.TrimSpace(after[:m[1]]), "ing") {
		// not "“…,” adding that the company 's role ...": a participle's
		// subject is its sentence's, what follows it is what was said
		if who := f.subjectAt(sp.close+m[1], sp.open); who != "" {
			return who
		}
		if p, ok := f.mentionAt(sp.close + m[1]); ok && p.Type == entity.Place && appositive.MatchString(f.text[p.End:min(len(f.text), p.End+8)]) {
			return p.Text // "said Won Park, a watercolor artist": places do not speak, the name is a person's
		}
		if p, ok := f.mentionAt(sp.close + m[1]); ok && p.Type == entity.Place && !strings.Contains(p.Text, " ") && hometown.MatchString(f.text[p.End:min(len(f.text), p.End+40)]) {
			return p.Text // "said Omar from Ivory Coast": a place is from no other place
		}
	}
	if m := dashBy.FindStringIndex(after); m != nil {
		// "“We will not be defined by this act of terror” — Orlando Mayor
		// Buddy Dyer": a pull quote signed after a dash
		if who, end := f.phraseAt(sp.close+m[1], sp.open); who != "" && (strings.Trim(f.text[end:ln[1]], " .") == "" || strings.HasPrefix(f.text[end:ln[1]], ",")) {
			return who
		}
	}
	if m := lead.FindStringIndex(after); m != nil {
		pos := sp.close + m[1]
		if who, end := f.phraseAt(pos, sp.open); who != "" {
			tail := f.text[end:min(ln[1], end+200)]
			if v := verbAfter.FindStringIndex(tail); v != nil && (!endsSentence(f.text[sp.start:sp.end]) || shortRest(tail[v[1]:]) && attributes(lastWord(tail[:v[1]]))) {
				return who
			}
		}
	}
	bs := max(ln[0], f.sentenceStart(sp.open))
	before := f.text[bs:sp.open]
	if endsSentence(before) {
		before, bs = "", sp.open // the quotation starts a sentence
	}
	if who := f.capitalHeader(before); who != "" {
		return who
	}
	if who := f.verbSubject(before, bs, sp.open); who != "" {
		return who
	}
	if m := calledQuote.FindStringSubmatchIndex(before); m != nil && !passives[lastWord(strings.TrimRight(before[:m[2]], " "))] {
		// "Obama called the spill the “greatest disaster …”": who calls
		// it so says it
		if who := f.subjectBefore(bs+m[2], bs, sp.open); who != "" {
			return who
		}
	}
	if m := quotedAs.FindStringSubmatchIndex(sentenceRest(after)); m != nil {
		// "“…,” the news agency quoted X as saying"
		if who := f.subjectAt(sp.close+m[2], sp.open); who != "" {
			return who
		}
		if who := f.firstPerson(sp.close+m[2], sp.close+m[3]); who != "" {
			return who // "quoted Arab League Secretary-General Amr Moussa"
		}
	}
	if m := accordingA.FindStringIndex(after); m != nil {
		if who := f.subjectAt(sp.close+m[1], sp.open); who != "" {
			return who
		}
	}
	if locs := according.FindAllStringIndex(before, -1); locs != nil {
		if who := f.subjectAt(bs+locs[len(locs)-1][1], sp.open); who != "" {
			return who
		}
	}
	if endsWithIt(before) {
		if m := asPutIt.FindStringSubmatchIndex(before); m != nil {
			// "as bookseller John Barrigner of Charlotte put it, “…”"
			if who := f.subjectAt(bs+m[2], sp.open); who != "" {
				return who
			}
		}
	}
	if colonEnd.MatchString(before) {
		if m := answerWas.FindStringSubmatchIndex(before); m != nil {
			// "Bronston's answer was: “…”"
			if o, ok := f.mentionEndingAt(bs + m[3]); ok && o.Type != entity.Place {
				return f.name(o.Text, o.Start)
			}
		}
		end := bs + strings.LastIndex(before, ":")
		head := f.text[bs:end]
		if locs := colonInverted.FindAllStringSubmatchIndex(head, -1); locs != nil {
			// "The tool kits must be updated , said Rep. Edward J.
			// Markey ( D-Mass . ) , chairman of the subcommittee : “…”"
			if who := f.subjectAt(bs+locs[len(locs)-1][2], sp.open); who != "" {
				return who
			}
		}
		if who := f.subjectBefore(end, bs, sp.open); who != "" {
			return who
		}
		if m := issuedFollowing.FindStringIndex(head); m != nil {
			// "The parents of Shannon Rollins issued the following
			// statement Thursday after Nelson was charged:"
			if who := f.subjectBefore(bs+m[0], bs, sp.open); who != "" {
				return who
			}
		}
		if w := lastWord(strings.TrimRight(head, " ")); isLower(w) && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "s")) && !passives[lastWord(strings.TrimRight(strings.TrimSuffix(strings.TrimRight(head, " "), w), " "))] {
			// "W. Mark Lanier , scoffed :": any verb before the colon
			if who := f.subjectBefore(bs+len(strings.TrimRight(head, " "))-len(w), bs, sp.open); who != "" {
				return who
			}
		}
		if who := bareName(head[strings.LastIndexAny(head, ":;,.!?")+1:]); who != "" {
			return who // "Seamus : “The 1901 Census ...”"
		}
	}
	if rest := sentenceRest(after); !endsSentence(f.text[sp.start:sp.end]) && !strings.ContainsAny(rest, "\"“”`") {
		// "“We don't know for sure” whether it will work, said BP
		// spokesman Bill Salvin.": the attribution ends the sentence the
		// quotation is part of
		if m := tailInverted.FindStringSubmatchIndex(rest); m != nil {
			if who := f.subjectAt(sp.close+m[2], sp.open); who != "" {
				return who
			}
		}

	}
	who, own := f.ownAttribution(sp, ln)
	f.owned = own
	if rest := sentenceRest(after); who == "" && !endsSentence(f.text[sp.start:sp.end]) && !strings.ContainsAny(rest, "\"“”`") {
		if m := tailSubject.FindStringSubmatchIndex(rest); m != nil {
			// "... back a no-fly zone “to protect the civilian
			// population” in Libya, the body's secretary-general Amre
			// Moussa said."
			who = f.subjectBefore(sp.close+m[3], sp.close+m[2], sp.open)
		}
	}
	return who
}

// bareName returns the name that is all of head (one to three
// capitalised words, not a title), or "".
func bareName(head string) string {
	ws := strings.Fields(head)
	if len(ws) == 0 || len(ws) > 3 {
		return ""
	}
	for _, w := range ws {
		r := []rune(w)
		if len(r) < 2 || !unicode.IsUpper(r[0]) || !(unicode.IsLower(r[1]) || len(r) <= 3 && unicode.IsUpper(r[1])) || roleWords[w] {
			return ""
		}
	}
	return strings.Join(ws, " ")
}

// namedAs is "named X" after a role: "a rebel named Majdi".
var namedAs = regexp.MustCompile(`^\s*,?\s*(?:named|called|using the (?:nickname|name|handle|screen name|pseudonym)|who goes by)\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})`)

// givenName is "who gave his name (only) as X" after a role.
var givenName = regexp.MustCompile(`^(?:\s+(?:from|of|in)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)?\s*,?\s*who (?:only )?gave (?:only )?(?:his|her) (?:first )?name (?:only )?(?:as )?([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)`)

// endsSentence reports whether s ends a sentence: a stop, perhaps inside
// closing quote marks, then spaces.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \t")
	s = strings.TrimRight(s, "'\"”’")
	s = strings.TrimRight(s, " ")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?")
}

// insideAttribution is a name and a speech verb ending an unclosed
// quotation's text: the writer left out the closing mark before them.
var insideAttribution = regexp.MustCompile(`,\s+((?:[a-z]+\s+){0,2}[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})\s+(?:said|says|added|told [a-zA-Z]+)\.?\s*$`)

// manner holds mannerVerbs.
var manner = set(strings.ReplaceAll(mannerVerbs, "|", " "))

// attributes reports whether verb v may attribute a quotation that ended
// its sentence ("“….” Feinberg said ."), not start a sentence of its own
// ("Blaise Compaore denied ...").
func attributes(v string) bool {
	switch v {
	case "said", "says", "added", "adds", "told", "tells", "wrote", "writes", "explained", "explains", "continued", "recalled", "stated", "noted", "insisted", "asked", "asks":
		return true
	}
	return manner[v]
}

// sentenceRest returns s up to the end of its sentence.
func sentenceRest(s string) string {
	if loc := sentenceBreak.FindStringIndex(s); loc != nil {
		return s[:loc[0]]
	}
	return s
}

// shortRest reports whether the sentence ends within a few words of the
// start of s ("Feinberg said ." but not "Nilsson said contacts at ...").
func shortRest(s string) bool {
	for i := 0; i < len(s); i++ {
		// a stop ends the sentence when a space or the end follows it
		// (not "FoxNews.com", "U.S")
		if c := s[i]; c == '\n' || (c == '.' || c == '!' || c == '?') && (i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\n') {
			s = s[:i]
			break
		}
	}
	return wordCount(s) <= 5
}

// byAs is a passive agent: "described by officials as".
var byAs = regexp.MustCompile(`\b(?:described|called|characterized|characterised|labeled|labelled|branded)\s+by\s+(.{1,60}?)\s+as\s*$`)

// calledQuote is a verb of naming right before a quotation, with what it
// names: "X called the shooting “…”", "X described it as “…”"; not the
// naming of a title ("a group called", "is called", "so-called").
var calledQuote = regexp.MustCompile(`(?:^|[^-\w])((?:called|calls|calling|dubbed|termed|labeled|labelled|branded)\s+(?:it|this|that|them|him|her|(?:the|a|an|his|her|their|its)\s+[^"“”\x60;:.!?]{1,50}?)\s+(?:as\s+)?(?:an?\s+|the\s+)?)$`)

// tailInverted is an attribution that ends a quotation's sentence after
// more of it: "“…” whether it works, said X.".
// media are the roles that are broadcasters and papers.
var media = set(`tv television radio network channel broadcaster newspaper station`)

// tailSubject is a subject and its speech verb ending the sentence after
// a comma: ", the body's secretary-general Amre Moussa said."
var tailSubject = regexp.MustCompile(`,\s*([^,;:"“”]{2,100}?)\s+(?:said|says|added|adds|noted|explained)\s*[.!]?\s*$`)

var tailInverted = regexp.MustCompile(`,\s*(?:said|says|added|adds|explained|noted)\s+([^,;:]{2,80}?(?:,[^,;:]{2,80})?)\s*[.!]?\s*$`)

// personOfPlace returns the person m follows as a hometown or affiliation
// does ("Kevin Beach of Metairie", "Jane Roe from Toledo"): a name right
// after a person's and "of" or "from" is no subject of its own.
func (f *finder) personOfPlace(m entity.Mention) (entity.Mention, bool) {
	before := strings.TrimRight(f.text[max(0, m.Start-6):m.Start], " ")
	var n int
	switch {
	case strings.HasSuffix(before, " of"):
		n = 3
	case strings.HasSuffix(before, " from"):
		n = 5
	default:
		return entity.Mention{}, false
	}
	end := max(0, m.Start-6) + len(before) - n
	if p, ok := f.mentionEndingAt(end); ok && p.Type == entity.Person && strings.Contains(p.Text, " ") {
		return p, true
	}
	return entity.Mention{}, false
}

// colonInverted is an inverted attribution in the clause a colon ends:
// ", said Rep. Edward J. Markey ( D-Mass . ) , chairman of …:".
var colonInverted = regexp.MustCompile(`,\s*(?:said|says|added|adds|explained|noted)\s+([A-Z])`)

// passives before a verb of naming make it a name, not a judgement:
// "the operation was called “…”".
var passives = set(`is was are were be been being`)

// kinName is a name set off by a comma after a possessive's role, ending
// its clause: "Ibrahim 's father , Ali ." (whose name it is).
var kinName = regexp.MustCompile(`^\s*,\s*([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2})\s*(?:[.,;]|$)`)

// appositiveName is a name set off by commas after a role phrase, a place
// perhaps between: "a witness in Misrata , Mohamed ,".
var appositiveName = regexp.MustCompile(`^(?:\s+(?:in|from|of|at|near)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?\s*,\s*([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s*,`)

// itSaid is "it" as the subject of a speech verb right after it.
var itSaid = regexp.MustCompile(`^it\s+(?:` + verbs + `)\b`)

// placeSpeaks is a speech verb right after a name.
var placeSpeaks = regexp.MustCompile(`^\s+(?:said|says|reported|reports|announced|added|stated|told|wrote|warned|claimed|insisted|responded|replied|denied|confirmed)\b`)

// issuedFollowing announces the statement a colon opens: "issued the
// following statement".
var issuedFollowing = regexp.MustCompile(`\s+(?:issued|released|put out|posted)\s+(?:the\s+following|this|a)\s+(?:\w+\s+)?statement\b`)

// quotedBy is the passive "was quoted by a paper (as) saying".
var quotedBy = regexp.MustCompile(`\s+(?:was|were|is|has been)\s+quoted\s+(?:by|in)\b`)

// quotedAs is "quoted a source as saying".
var quotedAs = regexp.MustCompile(`\bquoted\s+(.{1,60}?)\s+as\s+saying\b`)

// verbSubject returns the subject of the last speech verb of before (the
// quotation's sentence up to it) that has one: `X said (that) “…”`, `X
// told Y that “…”`, `X described it as “…”`.
func (f *finder) verbSubject(before string, bs, quoteAt int) string {
	if m := byAs.FindStringSubmatchIndex(before); m != nil {
		if who := f.subjectAt(bs+m[2], quoteAt); who != "" {
			return who
		}
	}
	if m := quotedAs.FindStringSubmatchIndex(before); m != nil {
		if who := f.subjectAt(bs+m[2], quoteAt); who != "" {
			return who
		}
	}
	if m := quotedBy.FindStringIndex(before); m != nil {
		// "Sen. Dianne Feinstein , D-Calif . , was quoted by The San
		// Francisco Chronicle saying": the one quoted, not the paper
		if who := f.subjectBefore(bs+m[0], bs, quoteAt); who != "" {
			return who
		}
	}
	locs := anyVerb.FindAllStringIndex(before, -1)
	for i := len(locs) - 1; i >= 0; i-- {
		v := bs + locs[i][0]
		if f.inQuoteAt(v) || asAside.MatchString(f.text[bs:v]) {
			continue
		}
		if who := f.subjectBefore(v, bs, quoteAt); who != "" {
			return who
		}
		if w := before[locs[i][0]:locs[i][1]]; (strings.HasSuffix(w, "ing") || w == "say" && strings.HasSuffix(strings.TrimRight(before[:locs[i][0]], " "), " and")) && participleTail.MatchString(before[locs[i][1]:]) {
			// "Vance can be seen inside the patrol car, saying “…”",
			// "shows Vance point the camera and say “…”": a participle or
			// a coordinated "say" right before the quotation speaks for
			// the sentence's first person
			if who := f.firstSpeaker(bs, v); who != "" {
				return who
			}
		}
	}
	return ""
}

// firstSpeaker returns the first person named in text[from:to], outside
// quotations and not as a possessive ("Clinton's lawyers"), resolved.
func (f *finder) firstSpeaker(from, to int) string {
	m, ok := f.firstMention(from, to, func(m entity.Mention) bool {
		return f.isPerson(m) && !f.inQuote(m) && !f.possessive(m)
	})
	if !ok {
		return ""
	}
	return f.name(m.Text, m.Start)
}

// firstMention returns the first mention starting in text[from:to] that
// keep accepts.
func (f *finder) firstMention(from, to int, keep func(entity.Mention) bool) (entity.Mention, bool) {
	for i := f.before(from); i < len(f.mentions) && f.mentions[i].Start < to; i++ {
		if m := f.mentions[i]; keep(m) {
			return m, true
		}
	}
	return entity.Mention{}, false
}

// asAside is a reporting aside before its verb: "..., as U.S. officials
// have said , Gaddafi was ...": not who speaks the quotation.
var asAside = regexp.MustCompile(`[,(]\s*as\s+[^,;:"“”]{1,60}$`)

// subjectAt returns the speaker written at pos, resolved.
func (f *finder) subjectAt(pos, quoteAt int) string {
	who, _ := f.phraseAt(pos, quoteAt)
	return who
}

// phraseAt returns the resolved speaker of the name, pronoun or role
// phrase starting at pos, and where it ends.
func (f *finder) phraseAt(pos, quoteAt int) (string, int) {
	if pos >= len(f.text) {
		return "", pos
	}
	rest := f.text[pos:min(len(f.text), pos+300)]
	w := firstWord(rest)
	if pronouns[w] {
		return f.antecedent(pos, w), pos + len(w)
	}
	if w == "it" && itSaid.MatchString(rest) {
		// "“EPA continues to urge ...,” it said": the organisation that
		// last opened a sentence
		return f.orgSubject(pos), pos + len(w)
	}
	if determiners[strings.ToLower(w)] || roles[strings.ToLower(w)] || isLower(w) {
		if ph, n := rolePhrase(rest); ph != "" {
			if m, ok := f.personAt(pos + n); ok {
				return m.Text, m.End // "analyst Rob Chen"
			}
			if m := namedAs.FindStringSubmatchIndex(rest[n:]); m != nil {
				return rest[n+m[2] : n+m[3]], pos + n + m[1] // "a rebel named Majdi"
			}
			if m, ok := f.personAfterCapitals(pos); ok && ph == strings.TrimSpace(ph) && isCapital(firstWord(ph)) {
				return m.Text, m.End // "Secretary of Energy Steven Chu"
			}
			if m := appositiveName.FindStringSubmatchIndex(rest[n:]); m != nil {
				// "a witness in Misrata , Mohamed , told Reuters": the name
				// between commas after the role, a person's (typed so, or
				// a given name: the finder often takes a lone one for a
				// place), not a place's ("a resident of Misrata , Libya")
				name := rest[n+m[2] : n+m[3]]
				if p, ok := f.mentionAt(pos + n + m[2]); ok && p.Type == entity.Person || nameGender(name, "") != anyGender {
					return name, pos + n + m[1]
				}
			}
			if m := givenName.FindStringSubmatchIndex(rest[n:]); m != nil {
				return rest[n+m[2] : n+m[3]], pos + n + m[1] // "a resident, who gave his name only as Mohammed"
			}
			if p, ok := f.namedAfterComma(pos+n, quoteAt); ok {
				return p.Text, p.End // "another man at the hospital who heard the soldiers , lawyer Mohamed al-Mana ,"
			}
			return f.resolveRole(ph, quoteAt), pos + n
		}
	}
	if determiners[strings.ToLower(w)] {
		if m, ok := f.personAfterAdjectives(pos + len(w)); ok {
			return m.Text, m.End // "the deadpan Suttles said"
		}
		if age, at := nextWord(rest, len(w)); yearsOld.MatchString(age) {
			if who := f.ofAge(strings.TrimSuffix(age, "-year-old"), quoteAt); who != "" {
				return who, pos + at + len(age) // "“…,” the 51-year-old said"
			}
		}
		if np, n := nounPhrase(rest); np != "" {
			if head := lastWord(np); (w == "the" || w == "The") && agentNoun(head) && !things[head] {
				// "“…,” the shallow-water oil driller said": a person the
				// text has named, who last spoke or was the subject
				if who, at := f.resolve(quoteAt, anyGender, true); who != "" && !f.introducesRole(at, quoteAt) && f.mayHold(who, head, quoteAt) {
					return who, pos + n
				}
			}
			return np, pos + n // "the green Zen master says", "the court said"
		}
		if name, n := f.theOrg(pos, rest, w); name != "" {
			return name, pos + n // "according to the Oklahoma Highway Patrol"
		}
	}
	if age := ageBefore.FindString(rest); age != "" {
		// "said 18 year-old Maranda Dillon"
		if who, end := f.phraseAt(pos+len(age), quoteAt); who != "" {
			return who, end
		}
	}
	if adjLike(w) && !pronouns[w] && !stop[w] {
		// "conservative Sen. Lindsey Graham", "16-year-old Myrel
		// Catbagan": an adjective before a name
		if nw, at := nextWord(rest, len(w)); nw != "" && !isLower(nw) && at < 40 {
			if who, end := f.phraseAt(pos+at, quoteAt); who != "" {
				return who, end
			}
		}
		if m, ok := f.personAfterLower(pos); ok {
			return m.Text, m.End // "physical oceanographer Ian MacDonald"
		}
		return "", pos
	}
	if t := title.FindString(rest); t != "" {
		if m, ok := f.mentionAt(pos + len(t)); ok && m.Type != entity.Place {
			return m.Text, m.End
		}
	}
	if m := possessiveHead.FindStringIndex(rest); m != nil {
		if p, ok := f.personAt(pos + m[1]); ok {
			return p.Text, p.End // "LSE 's Brahimi", with LSE not found as a name
		}
	}
	if _, ok := f.mentionAt(pos); !ok {
		// "Boeing safety spokesman John Dern" with Boeing not found
		if ph, n := rolePhrase(rest); ph != "" {
			if m, ok := f.personAfterRole(pos + n); ok {
				return m.Text, m.End
			}
		}
		if m, ok := f.personAfterCapitals(pos); ok {
			return m.Text, m.End // "Republican Alabama Gov. Bob Riley"
		}
	}
	if m, ok := f.mentionAt(pos); ok {
		if m.Type != entity.Place && f.possessive(m) {
			// "NATO 's Oana Lungescu", "Petrofac's chief financial officer
			// Keith Roberts", "Gray’s sister, Mary Smith Elrod"
			at, _ := f.possessiveEnd(m)
			if p, ok := f.personAt(at); ok {
				return p.Text, p.End
			}
			for at < len(f.text) && f.text[at] == ' ' {
				at++
			}
			if ph, n := rolePhrase(f.text[at:min(len(f.text), at+200)]); ph != "" {
				if p, ok := f.personAt(at + n); ok {
					return p.Text, p.End
				}
				if m := kinName.FindStringSubmatchIndex(f.text[at+n : min(len(f.text), at+n+60)]); m != nil {
					// "said Ibrahim 's father , Ali ."
					name := f.text[at+n+m[2] : at+n+m[3]]
					if p, ok := f.mentionAt(at + n + m[2]); !ok || p.Type == entity.Person || nameGender(name, "") != anyGender {
						return name, at + n + m[3]
					}
				}
				if m.Type == entity.Org {
					return m.Text, at + n // "BP 's chief executive said": BP speaks
				}
				// "Dr Murray 's spokeswoman told": the spokeswoman the text
				// names, else whose she is ("Clinton's lawyers")
				if m.Type != entity.Person {
					return f.resolveRole(ph, quoteAt), at + n
				}
				if who := f.heldFor(m, ph); who != "" {
					return who, at + n
				}
				return cleanName(m.Text) + "'s " + strings.TrimRight(ph, " ,"), at + n
			}
		}
		if m.Type != entity.Person {
			// "Coast Guard Adm. Thad Allen": the person after a title.
			at := m.End + len(f.text[m.End:min(len(f.text), m.End+8)]) - len(strings.TrimLeft(f.text[m.End:min(len(f.text), m.End+8)], " "))
			if t := title.FindString(f.text[at:min(len(f.text), at+60)]); t != "" {
				if p, ok := f.personAt(at + len(t)); ok {
					return p.Text, p.End
				}
			}
			// "State Department spokesman John Kirby": the person after the role.
			if ph, n := rolePhrase(rest); ph != "" && n > len(m.Text) {
				if p, ok := f.personAfterRole(pos + n); ok {
					return p.Text, p.End
				}
				return f.resolveRole(ph, quoteAt), pos + n
			}
		}
		if m.Type == entity.Place {
			if placeSpeaks.MatchString(f.text[m.End:min(len(f.text), m.End+20)]) {
				// "“…,” Al-Jazeera reported", the name finder taking the
				// network for a place; "Russia said": a country speaks for
				// its government
				return m.Text, m.End
			}
			return "", pos
		}
		if k := f.before(m.End); k < len(f.mentions) {
			if next := f.mentions[k]; next.Type == entity.Person && next.Start-m.End < 40 && f.modifies(m, next) {
				return next.Text, next.End // "Hallandale Police Maj. Pedro Abut", Hallandale taken for a person
			}
		}
		return m.Text, m.End
	}
	return "", pos
}

// heldFor returns the person the text names as holding role phrase ph
// for person owner: named with the owner's name close before the role
// ("Murray 's spokeswoman Miranda Sevcik") or in an appositive after
// ("Miranda Sevcik , Murray 's spokeswoman"). Another holder of the role
// is another person ("Michelle Jones ' attorney" is not the attorney
// Kenneth Feinberg named before).
func (f *finder) heldFor(owner entity.Mention, ph string) string {
	role := strings.ToLower(strings.TrimRight(lastWord(ph), ".,"))
	last := lastWord(cleanName(owner.Text))
	owns := func(s string) bool {
		for _, mark := range []string{" 's", "'s", "’s", " ’s", " '", "'", "’"} {
			if strings.Contains(s, last+mark+" ") {
				return true
			}
		}
		return false
	}
	for _, i := range f.holders()[role] {
		m := f.mentions[i]
		before := f.text[max(0, m.Start-60):m.Start]
		after := f.text[m.End:min(len(f.text), m.End+60)]
		if k := strings.IndexAny(after, ".;"); k >= 0 {
			after = after[:k]
		}
		if owns(before) || owns(after) {
			return m.Text
		}
	}
	return ""
}

// possessiveHead is a capitalised name and 's: "LSE 's", "Reuters'".
var possessiveHead = regexp.MustCompile(`^[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,3}\s?['’]s?\s+`)

// nounPhraseRe is a determiner and up to four more words right before a
// speech verb.
var nounPhraseRe = regexp.MustCompile(`^(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)((?:\s+[\w'’.-]+){1,4}?)\s*,?\s+(?:` + verbs + `)\b`)

// ageBefore is an age written before a name without its hyphens: "18
// year-old", "18 year old".
var ageBefore = regexp.MustCompile(`^\d{1,3}[ -]years?[ -]old\s+`)

// orgJoins are the small words inside organisations' names.
var orgJoins = set(`of for and on`)

// theOrg returns the capitalised name a determiner opens when the name
// finder found an organisation in it ("the Oklahoma Highway Patrol",
// "Highway Patrol" found), and the length through it.
func (f *finder) theOrg(pos int, rest, det string) (string, int) {
	at := len(det)
	end := at
	for {
		nw, k := nextWord(rest, end)
		if orgJoins[nw] && end > at {
			// "the National Academy of Sciences"
			if nx, _ := nextWord(rest, k+len(nw)); isCapital(strings.TrimRight(nx, ".;:")) {
				end = k + len(nw)
				continue
			}
		}
		if nw == "" || !isCapital(strings.TrimRight(nw, ".,;:")) {
			break
		}
		end = k + len(nw)
		if strings.ContainsAny(nw, ".;:") || end < len(rest) && rest[end] == ',' {
			break
		}
	}
	name := strings.TrimRight(strings.TrimSpace(rest[at:end]), ".,;:")
	if name == "" {
		return "", 0
	}
	for i := f.before(pos); i < len(f.mentions) && f.mentions[i].Start < pos+end; i++ {
		if f.mentions[i].Type == entity.Org {
			return name, at + strings.Index(rest[at:], name) + len(name)
		}
	}
	return "", 0
}

// nounPhrase returns the phrase of s that a determiner opens right
// before a speech verb, without the determiner, and its length.
func nounPhrase(s string) (string, int) {
	m := nounPhraseRe.FindStringSubmatchIndex(s)
	if m == nil {
		return "", 0
	}
	np := strings.TrimSpace(s[m[2]:m[3]])
	for _, w := range strings.Fields(np) {
		if stop[strings.ToLower(w)] {
			return "", 0
		}
	}
	return np, m[3]
}

// subjectBefore returns the speaker whose name, pronoun or role ends just
// before the verb at v (within the sentence from lineStart).
func (f *finder) subjectBefore(v, lineStart, quoteAt int) string {
	head := trimAdverbs(strings.TrimRight(f.text[lineStart:v], " ,"))
	end := lineStart + len(head)
	if w := lastWord(head); pronouns[w] || w == "they" || w == "They" {
		if w == "they" || w == "They" {
			return ""
		}
		return f.antecedent(end-len(w), w)
	}

	if m := nickBefore.FindStringSubmatch(head); m != nil {
		return m[1] // "a writer using the nickname BetterJedi wrote"
	}
	if w := lastWord(head); w == "and" || w == "but" {
		// "Communications Director Dan Pfeiffer repeated this assertion
		// ... and added": a coordinated verb's subject opens the sentence
		if m, ok := f.firstMention(lineStart, v, func(m entity.Mention) bool { return f.isPerson(m) && !f.inQuote(m) }); ok && f.isSubject(m) {
			return f.name(m.Text, m.Start)
		}
	}
	// "BP was fighting ..., insisting": a participle's subject is the
	// sentence's.
	if w := f.text[v:min(len(f.text), v+12)]; strings.HasPrefix(w, "insisting") || strings.HasPrefix(w, "saying") || strings.HasPrefix(w, "adding") || strings.HasPrefix(w, "claiming") || strings.HasPrefix(w, "arguing") || strings.HasPrefix(w, "warning") || strings.HasPrefix(w, "charging") || strings.HasPrefix(w, "telling") {
		cs := lineStart + clauseStart(head)
		for cs < end && f.text[cs] == ' ' {
			cs++
		}
		if w, at := nextWord(f.text[cs:end], 0); conjunctions[w] {
			cs += at + len(w) // "But he had begun ..., telling"
			for cs < end && (f.text[cs] == ' ' || f.text[cs] == ',') {
				cs++
			}
		}
		if who, _ := f.phraseAt(cs, quoteAt); who != "" {
			return who
		}
		if who := f.firstSpeaker(lineStart, v); who != "" {
			// "Obama cited Gadhafi by name in a public statement ,
			// saying": the sentence's first person, not the nearest noun
			return who
		}
	}
	if m, ok := f.mentionEndingAt(end); ok && m.Type == entity.Place {
		// "one fighter in Zawiya told": the role before the place
		if loc := placePhrase.FindStringIndex(f.text[max(lineStart, m.Start-12):m.Start]); loc != nil {
			rh := strings.TrimRight(f.text[lineStart:max(lineStart, m.Start-12)+loc[0]], " ")
			if w, ph := lastWord(rh), roleTail(rh); personRole(w) && determiners[strings.ToLower(firstWord(ph))] && !f.apposition(lineStart+len(rh)-len(ph)) {
				return f.resolveRole(ph, quoteAt) // not "Dougie Youngson , oil analyst at Arbuthnot ," (the name the clause opens with)
			}
		}
	}
	if m, ok := f.mentionEndingAt(end); ok {
		if p, ok := f.personOfPlace(m); ok {
			return f.name(p.Text, p.Start) // "charter captain Kevin Beach of Metairie says"
		}
		// "Anne Donnellan, a professor at ... Madison, said": the person
		// the clause starts with, not the name that ends its appositive.
		if p := f.leadName(lineStart+clauseStart(head), end); p != "" {
			return p
		}
		if c0 := lineStart + clauseStart(head); m.Type != entity.Place && c0 <= m.Start {
			cs := strings.TrimLeft(f.text[c0:m.Start], " `'\"“")
			if ph, n := rolePhrase(cs); ph != "" && determiners[strings.ToLower(firstWord(cs))] && strings.TrimSpace(cs[n:]) == "of" {
				// "The parents of Shannon Rollins issued": the role speaks,
				// whose it is kept
				return strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(ph, "The "), "the ")) + " of " + m.Text
			}
		}
		if m.Type == entity.Person {
			return m.Text
		}
		if p := f.firstPerson(lineStart+clauseStart(head), end); p != "" {
			return p
		}
		if m.Type == entity.Place {
			if f.clauseOpens(lineStart+clauseStart(head), m.Start) {
				return m.Text // "But Russia said": a country speaks for its government
			}
			return ""
		}
		return m.Text
	}
	// "Temple Grandin, an assistant professor ... and an authority on
	// animal behavior, said", "Tony Hayward, BP chief executive, has
	// stressed": the name the clause starts with.
	if p := f.leadName(lineStart+clauseStart(head), end); p != "" {
		return p
	}
	if roles[strings.ToLower(lastWord(head))] {
		if tail := roleTail(head); !media[strings.ToLower(lastWord(head))] || !strings.HasPrefix(tail, "of ") && !strings.HasPrefix(tail, "for ") {
			return f.resolveRole(tail, quoteAt)
		} // "... people outside the headquarters of state television chanted": a broadcaster inside a phrase speaks not
	}
	if who := f.bareSubject(lineStart+clauseStart(head), end); who != "" {
		return who // "Holder said that", the name finder not knowing Holder
	}
	// "The US State Department spokesman (who only days back said ‘…’)":
	// the subject of a non-restrictive relative clause is the phrase the
	// clause follows.
	if locs := relativeWho.FindAllStringIndex(head, -1); locs != nil {
		if at := lineStart + locs[len(locs)-1][0]; at > lineStart {
			if r := roleBeforeWho.FindStringSubmatch(f.text[max(lineStart, at-120):at]); r != nil && personRole(r[2]) {
				// "interrupted by a protester with her hands painted black
				// and who yelled": the role the relative clause follows
				return f.resolveRole(r[1], quoteAt)
			}
			if who := f.subjectBefore(at, lineStart, quoteAt); who != "" {
				return who
			}
		}
	}
	// "A Democratic Senate aide working on the new legislation noted": a
	// role the clause starts with, a participle's phrase after it.
	if cs := strings.TrimLeft(head[clauseStart(head):], " `'\"“"); determiners[strings.ToLower(firstWord(cs))] {
		if ph, n := rolePhrase(cs); ph != "" {
			if rest := strings.Fields(cs[n:]); len(rest) > 1 && len(rest) <= 8 && isLower(rest[0]) && strings.HasSuffix(rest[0], "ing") && !strings.ContainsAny(cs[n:], ",;:\"“”") {
				return f.resolveRole(ph, quoteAt)
			}
		}
	}
	// "The doctor , who was not identified , told CNN": a role the
	// clause starts with, an appositive after it.
	if strings.HasSuffix(strings.TrimRight(f.text[lineStart:v], " "), ",") {
		cs := strings.TrimLeft(head[clauseStart(head):], " `'\"“")
		if ph, n := rolePhrase(cs); ph != "" && strings.HasPrefix(strings.TrimLeft(cs[n:], " "), ",") {
			return f.resolveRole(ph, quoteAt)
		}
	}
	return ""
}

// bareSubject returns the name that is the whole clause text[cs:end]
// (after a conjunction): capitalised words the name finder did not take,
// none of them written in lower case elsewhere in the text ("Analysts").
func (f *finder) bareSubject(cs, end int) string {
	if cs > end {
		return ""
	}
	for cs < end && strings.ContainsRune(" `'\"“", rune(f.text[cs])) {
		cs++
	}
	if w, at := nextWord(f.text[cs:end], 0); conjunctions[w] {
		cs += at + len(w)
	}
	name := bareName(f.text[cs:end])
	for _, w := range strings.Fields(name) {
		if strings.Contains(f.text, " "+strings.ToLower(w)+" ") || weekdays[w] || functionWords[w] {
			return ""
		}
	}
	return name
}

// apposition reports whether the phrase at pos follows a person's name
// and a comma: "Dougie Youngson , oil analyst".
func (f *finder) apposition(pos int) bool {
	head := strings.TrimRight(f.text[:pos], " ")
	if !strings.HasSuffix(head, ",") {
		return false
	}
	m, ok := f.mentionEndingAt(len(strings.TrimRight(head[:len(head)-1], " ")))
	return ok && f.isPerson(m)
}

// placePhrase is a preposition before a place's name: "one fighter in
// Zawiya".
var placePhrase = regexp.MustCompile(`\s(?:in|from|at|of)\s+(?:the\s+)?$`)

// functionWords open clauses and name no one: "When asked ... , he
// looked up and said :".
var functionWords = set(`When While After Before If As Although Though Because Since Until Once Asked Then There Here
This That These Those It They We You He She Where Why How What Who`)

// weekdays and months are capitalised words that name no one.
var weekdays = set(`Monday Tuesday Wednesday Thursday Friday Saturday Sunday Today Yesterday January February March
April May June July August September October November December`)

// roleBeforeWho is a role with its article and a short phrase after it,
// ending where a relative clause opens: "a protester with her hands
// painted black and".
var roleBeforeWho = regexp.MustCompile(`\b((?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]he)\s+(?:[a-z][\w'’-]*\s+){0,2}?([a-z-]+))((?:\s+(?:with|in|from|of|at)\s[^,.;"“”()]{0,60}?)?)(?:\s+and|\s*,)?\s*$`)

// relativeWho opens a non-restrictive relative clause: ", who" or "(who".
var relativeWho = regexp.MustCompile(`(?:\s*[,(]\s*|\s+)who\b`)

// adverbs may stand between a subject and its speech verb: "Kupersmith
// also acknowledged", "The president himself told".
var adverbs = set(`also later then further previously repeatedly recently reportedly earlier again only still
himself herself has had have was once often never first last would could will did does can may might should
to planned plans wanted wants went`)

// timeTail is a time written between a subject and its verb: "Toby Odone
// on Sunday told Reuters", "Allen on Thursday morning said".
var timeTail = regexp.MustCompile(`\s+(?:(?:on|late|early)\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?|yesterday|today|tonight|last\s+(?:week|month|year|night)|this\s+(?:week|month|year))$`)

// trimAdverbs cuts up to two such words from the end of head, a time, and
// a short parenthesis.
func trimAdverbs(head string) string {
	if strings.HasSuffix(head, ")") {
		// "Sen. Mary L. Landrieu ( D-La . ) said": a short parenthesis
		// between subject and verb
		if k := strings.LastIndexByte(head, '('); k > 0 && len(head)-k < 24 {
			head = strings.TrimRight(head[:k], " ,")
		}
	}
	if loc := timeTail.FindStringIndex(head); loc != nil && loc[0] > 0 {
		head = strings.TrimRight(head[:loc[0]], " ,")
	}
	for range 3 {
		w := lastWord(head)
		if !adverbs[w] && !(strings.HasSuffix(w, "ly") && isLower(w) && len(w) > 4) {
			break
		}
		head = strings.TrimRight(head[:len(head)-len(w)], " ,")
	}
	return head
}

// introducer is the person named by a paragraph ending in ":" or "…" that
// introduces a quotation paragraph.
func (f *finder) introducer(lineStart int) string {
	prev := strings.TrimRight(f.text[:max(lineStart-1, 0)], " \n")
	if !strings.HasSuffix(prev, "…") && !strings.HasSuffix(prev, ":") && !strings.HasSuffix(prev, "...") {
		return ""
	}
	from := strings.LastIndexByte(prev, '\n') + 1
	if m := issuedFollowing.FindStringIndex(prev[from:]); m != nil {
		// "The parents of Shannon Rollins issued the following statement
		// Thursday morning after Nelson was charged:"
		return f.subjectBefore(from+m[0], from, len(prev))
	}
	for i := f.before(len(prev)) - 1; i >= 0; i-- {
		m := f.mentions[i]
		if m.Start < from {
			break
		}
		if m.End <= len(prev) && (m.Type == entity.Person || m.Type == entity.Unknown) {
			return m.Text
		}
	}
	return ""
}

// before returns the number of mentions that start before pos.
func (f *finder) before(pos int) int {
	return sort.Search(len(f.mentions), func(i int) bool { return f.mentions[i].Start >= pos })
}

// personAt returns the person mention starting at pos, after spaces and
// commas.
func (f *finder) personAt(pos int) (entity.Mention, bool) {
	for pos < len(f.text) && (f.text[pos] == ' ' || f.text[pos] == ',') {
		pos++
	}
	if m, ok := f.mentionAt(pos); ok && m.Type == entity.Person {
		return m, true
	}
	if t := title.FindString(f.text[pos:min(len(f.text), pos+60)]); t != "" {
		// "Pentagon spokesman Colonel David Lapan", "police Sgt. Gary Robertson"
		if m, ok := f.mentionAt(pos + len(t)); ok && m.Type == entity.Person {
			return m, true
		}
	}
	return entity.Mention{}, false
}

// firstPerson returns the first person named in text[from:to].
func (f *finder) firstPerson(from, to int) string {
	m, _ := f.firstMention(from, to, func(m entity.Mention) bool { return m.End <= to && m.Type == entity.Person })
	return m.Text
}

// clauseStart is where the last sentence of head starts.
func clauseStart(head string) int {
	i := strings.LastIndexAny(head, ".!?;")
	// not a stop inside a word ("U.S"), nor one that ends an
	// abbreviation or an initial ("Howard J. Osofsky")
	for i > 0 && (i+1 < len(head) && head[i+1] != ' ' || head[i] == '.' && abbreviation(head[:i+1]) || strings.HasPrefix(head[i+1:], " )")) { // "( R-Wash . )"
		i = strings.LastIndexAny(head[:i], ".!?;")
	}
	return max(i+1, 0)
}

// leadName returns the name a clause text[from:to] starts with when an
// appositive follows it ("Anne Donnellan, a professor at ...").
func (f *finder) leadName(from, to int) string {
	for from < to && (f.text[from] == ' ' || f.text[from] == '`' || f.text[from] == '\'') {
		from++
	}
	if w, at := nextWord(f.text[from:to], 0); conjunctions[w] {
		from += at + len(w)
		for from < to && (f.text[from] == ' ' || f.text[from] == ',') {
			from++
		}
	}
	if m, ok := f.mentionAt(from); ok && f.possessive(m) {
		at, _ := f.possessiveEnd(m) // "JPI's Jason Ziedenberg, co-author"
		for at < to && f.text[at] == ' ' {
			at++
		}
		from = at
	}
	m, ok := f.mentionAt(from)
	if p, found := f.personAfterCapitals(from); (!ok || m.Type != entity.Person) && found {
		m, ok = p, true // "Retired Coast Guard Admiral Thad Allen , who heads"
	}
	if !ok || m.Type != entity.Person {
		if ph, n := rolePhrase(f.text[from:to]); ph != "" {
			if p, found := f.personAt(from + n); found {
				m, ok = p, true // "R&B star Ne-Yo , who gave a rendition of Billie Jean , said"
			}
		}
	}
	if ok && m.End < to && m.Type != entity.Place {
		rest := strings.TrimLeft(f.text[m.End:to], " ")
		if strings.HasPrefix(rest, "(") {
			if k := strings.IndexByte(rest, ')'); k > 0 && k < 20 {
				rest = strings.TrimLeft(rest[k+1:], " ") // "Rep. Doc Hastings ( R-Wash . ) , chairman of"
			}
		}
		if strings.HasPrefix(rest, ",") {
			return m.Text
		}
	}
	return ""
}

// clauseOpens reports whether the clause from cs opens with the word at
// pos (after spaces, quote marks and a conjunction).
func (f *finder) clauseOpens(cs, pos int) bool {
	if cs > pos {
		return false
	}
	for cs < pos && strings.ContainsRune(" `'\"“", rune(f.text[cs])) {
		cs++
	}
	if w, at := nextWord(f.text[cs:pos], 0); conjunctions[w] {
		cs += at + len(w)
		for cs < pos && (f.text[cs] == ' ' || f.text[cs] == ',') {
			cs++
		}
	}
	return cs == pos
}

// conjunctions may open a clause before its subject.
var conjunctions = set(`But And So Yet Meanwhile However Still Instead Later Earlier Then Now`)

// mentionAt returns the mention starting at pos.
func (f *finder) mentionAt(pos int) (entity.Mention, bool) {
	i := f.before(pos)
	if i < len(f.mentions) && f.mentions[i].Start == pos {
		return f.mentions[i], true
	}
	return entity.Mention{}, false
}

// mentionEndingAt returns the mention ending at end.
func (f *finder) mentionEndingAt(end int) (entity.Mention, bool) {
	i := sort.Search(len(f.mentions), func(i int) bool { return f.mentions[i].End >= end })
	if i < len(f.mentions) && f.mentions[i].End == end {
		return f.mentions[i], true
	}
	return entity.Mention{}, false
}

// yearsOld is an age written as a noun: "51-year-old".
var yearsOld = regexp.MustCompile(`^\d{1,3}-year-old$`)

// ofAge returns the person the text gives that age before pos ("Yvonne
// Graham , 51 ,", "51-year-old Yvonne Graham"), the nearest one, or "".
func (f *finder) ofAge(age string, pos int) string {
	for i := f.before(pos) - 1; i >= 0; i-- {
		m := f.mentions[i]
		if m.Type != entity.Person {
			continue
		}
		after := strings.TrimLeft(f.text[m.End:min(len(f.text), m.End+8)], " ")
		before := strings.TrimRight(f.text[max(0, m.Start-16):m.Start], " ")
		if strings.HasPrefix(after, ", "+age+" ,") || strings.HasPrefix(after, ", "+age+",") || strings.HasPrefix(after, ","+age+",") || strings.HasSuffix(before, age+"-year-old") {
			return f.name(m.Text, m.Start)
		}
	}
	return ""
}

// agentNoun reports whether a lower-case noun names someone by what they
// do: "driller", "harbormaster", "activist".
func agentNoun(w string) bool {
	if !isLower(w) || len(w) < 5 {
		return false
	}
	for _, suf := range []string{"er", "or", "ist", "ian"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}
