package quote

import (
	"regexp"
	"sort"
	"strings"
	"unicode"

	"parallax/internal/nlp/entity"
)

// maxCarryWords is the most words between two quotations of one speaker
// that hold only the first one's attribution (`“…,” Shelby said. “…”`).
const maxCarryWords = 8

// carried returns the speaker of a quotation with no attribution of its
// own, from the narration between the previous quotation of its line (or
// the line start) and it: the subject of the last speech verb there
// (“Kleine said the spill hurt. ‘…’”), else the previous quotation's
// speaker when only a short attribution stands between them.
func (f *finder) carried(from, open int, prevWho string) string {
	if prevWho != "" && from > 0 && f.tailOnly(from, open) {
		// “…,” X said . “…”: only the first quotation's attribution between
		return prevWho
	}
	own := max(from, f.sentenceStart(open))
	who, at := f.narratorAt(max(from, f.sentencesBack(open, narrationSentences)), open)
	if who != "" && at >= own {
		return who // the narration of the quotation's own sentence
	}
	if who := f.ownSubject(own, open); who != "" {
		// "He said it was up to BP . David Cameron ... expressed his
		// sadness at the “…”": a sentence with a person of its own is
		// not the narration before it
		return who
	}
	if who != "" {
		if other := f.laterSubject(at, open); other != "" && lastWord(f.name(other, open)) != lastWord(f.name(who, open)) {
			// "“…,” John Hocevar ... told Reuters . During the hearing ,
			// congressman Joe Barton ... stunned lawmakers when he
			// apologized . “I think …”": the later subject
			return other
		}
		return who
	}
	if prevWho != "" && wordCount(f.text[from:open]) <= maxCarryWords {
		return prevWho
	}
	return ""
}

// speechNoun is a person's words named by a possessive before a
// quotation: "Tony Hayward 's earlier comments that he “…”".
var speechNoun = regexp.MustCompile(`(?:\s's|'s|’s|\s'|\s’)\s+(?:[a-z-]+\s+){0,2}(?:comments?|remarks?|words|statements?|claims?|assertions?|promises?|pledges?|testimony|admission|insistence|warnings?|vows?|answer|reply|response|message)\s+(?:that\s+|was\s+|were\s+|,\s+|:\s+)?(?:(?:he|she|they|it)\s+)?$`)

// baseSpeech is a speech verb in its base form after "to" or "and".
var baseSpeech = regexp.MustCompile(`\b(?:to|and)\s+(?:ask|say|tell|add|explain|warn|shout|yell|scream|write|declare|insist|reply|answer)\b`)

// ownSubject returns who the sentence text[from:to] before a quotation
// gives the quotation to without a speech verb: the person whose remark a
// possessive names ("Tony Hayward 's earlier comments that he “…”"), else
// the person opening the sentence.
func (f *finder) ownSubject(from, to int) string {
	head := f.text[from:to]
	if t := strings.TrimRight(head, " `'\"“‘"); strings.HasSuffix(t, ".") || strings.HasSuffix(t, "!") || strings.HasSuffix(t, "?") {
		return "" // the quotation opens its sentence: head is the one before
	}
	if loc := speechNoun.FindStringIndex(head); loc != nil {
		if m, ok := f.mentionEndingAt(from + len(strings.TrimRight(head[:loc[0]], " "))); ok && f.isPerson(m) {
			return m.Text
		}
		return ""
	}
	if baseSpeech.MatchString(head) {
		return "" // "... his daughter , Malia , had knocked ... to ask , “…”": someone's speech the sentence introduces
	}
	if cs := strings.TrimLeft(head, " `'\"“"); determiners[strings.ToLower(firstWord(cs))] {
		// "His mother called Christina and her slain sister “…”": a role
		// that opens the sentence, a verb after it
		if ph, n := rolePhrase(cs); ph != "" && personRole(strings.ToLower(lastWord(ph))) {
			if at := from + len(head) - len(cs) + n; f.verbFollows(at) {
				return f.resolveRole(ph, to)
			}
		}
	}
	for i := f.before(from); i < len(f.mentions) && f.mentions[i].End <= to; i++ {
		if m := f.mentions[i]; f.isPerson(m) && !f.inQuote(m) {
			if !f.possessive(m) && f.isSubject(m) && (f.verbFollows(m.End) || f.coSubject(m)) {
				return m.Text
			}
			return "" // the sentence's first person is no subject
		}
	}
	return ""
}

// coSubject reports whether person m and another person after "and" are
// the subject of the verb after them: "David Cameron and Barack Obama
// talked".
func (f *finder) coSubject(m entity.Mention) bool {
	rest := f.text[m.End:min(len(f.text), m.End+8)]
	if !strings.HasPrefix(rest, " and ") {
		return false
	}
	n, ok := f.mentionAt(m.End + len(" and "))
	return ok && f.isPerson(n) && f.verbFollows(n.End)
}

// tailOnly reports whether text[from:to] ends the sentence of a
// quotation closed at from and holds nothing more.
func (f *finder) tailOnly(from, to int) bool {
	gap := f.text[from:to]
	if q := strings.TrimRight(f.text[max(0, from-8):from], " '\"”’`"); !strings.HasSuffix(q, ",") && !strings.HasPrefix(strings.TrimLeft(gap, " '\"”’"), ",") {
		return false // the quotation ended its sentence: what follows is new narration
	}
	breaks := sentenceBreak.FindAllStringIndex(f.text[from:min(len(f.text), to+1)], 2)
	if len(breaks) == 1 && fieldCount(f.text[from+breaks[0][1]-1:to]) > 1 {
		return false // "“…,” Wendell Warren said . His mother called … “…”": a sentence of its own before it
	}
	return !strings.Contains(gap, "\n") && len(breaks) <= 1 && fieldCount(gap) <= 2*maxCarryWords // "56-year-old" is one word
}

// fieldCount counts the space-separated fields of s without building
// them.
func fieldCount(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		sp := s[i] == ' ' || s[i] == '\t' || s[i] == '\n'
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}

// narrationSentences is how many sentences before a quotation's own the
// narration that attributes it may stand in: a paragraph of a one-line
// text (PTB-tokenised articles) may run on for pages.
const narrationSentences = 2

// sentencesBack returns where the sentence n sentences before the one
// holding pos starts (the line start at most).
func (f *finder) sentencesBack(pos, n int) int {
	s := f.sentenceStart(pos)
	for range n {
		if s == 0 || f.text[s-1] == '\n' {
			break
		}
		s = f.sentenceStart(s - 1)
	}
	return s
}

// narrator returns the subject of the last speech verb in text[from:to]
// (one line), in the last sentence that has one, resolved.
func (f *finder) narrator(from, to int) string {
	who, _ := f.narratorAt(from, to)
	return who
}

// passiveAfter is a passive or a copula after a subject: "Jones was
// arrested", not what the person did.
var passiveAfter = regexp.MustCompile(`^\s+(?:was|were|is|are|has been|had been|have been|will be)\b`)

// laterSubject returns the last person who opens a sentence (see
// isSubject) after the one holding at and before to, as the doer of its
// verb (no passive).
func (f *finder) laterSubject(at, to int) string {
	next := f.nextSentence(at)
	for i := f.before(to) - 1; i >= 0; i-- {
		m := f.mentions[i]
		if m.Start < next {
			break
		}
		if m.End > to || !f.isPerson(m) || f.inQuote(m) || f.possessive(m) || !f.isSubject(m) {
			continue
		}
		if passiveAfter.MatchString(f.text[m.End:min(len(f.text), m.End+20)]) {
			return ""
		}
		return m.Text
	}
	return ""
}

// narratorAt is narrator, with where the speech verb stands.
func (f *finder) narratorAt(from, to int) (string, int) {
	gap := f.text[from:to]
	locs := anyVerb.FindAllStringIndex(gap, -1)
	for i := len(locs) - 1; i >= 0; i-- {
		v := from + locs[i][0]
		if f.inQuoteAt(v) {
			continue
		}
		start := max(from, f.sentenceStart(v))
		if who := f.subjectBefore(v, start, to); who != "" {
			return who, v
		}
		// "said Keath Ladner , a Mississippi ... owner ."
		if inverts(gap[locs[i][0]:locs[i][1]]) && strings.HasPrefix(gap[locs[i][1]:], " ") {
			// not "said the government would hold BP responsible": the
			// phrase after the verb is its subject only where a subject
			// may end (see afterSubject)
			if who, end := f.phraseAt(from+locs[i][1]+1, to); who != "" && afterSubject.MatchString(f.text[end:min(len(f.text), end+8)]) {
				return who, v
			}
		}
	}
	return "", -1
}

// inverts reports whether a speech verb comes before its subject in
// news style ("said Keath Ladner"); "told" is followed by its object.
func inverts(v string) bool {
	switch v {
	case "said", "says", "added", "adds", "wrote", "writes", "asked", "explained", "recalled", "continued", "read", "reads",
		"responded", "replied", "answered", "noted", "declared", "insisted", "stated", "warned", "countered", "retorted":
		return true
	}
	return false
}

// prevLineNarrator returns the speaker the line before ln introduces in
// its last sentence ("She says the city needs new solutions." then a
// quotation paragraph), when that line is narration.
func (f *finder) prevLineNarrator(ln [2]int) string {
	if ln[0] == 0 {
		return ""
	}
	end := ln[0] - 1
	start := strings.LastIndexByte(f.text[:end], '\n') + 1
	if end-start > 600 {
		start = end - 600
	}
	s := max(start, f.sentenceStart(max(end-1, start)))
	if who := f.narrator(s, end); who != "" {
		return who
	}
	// "The State Dept. issued a nuanced statement … .\n“…”": the
	// paragraph before announces a statement, and the quotation is it
	if !strings.Contains(f.text[start:end], "statement") {
		return ""
	}
	for _, m := range issuedStatement.FindAllStringIndex(f.text[start:end], -1) {
		if m[1] < end-start-400 {
			continue // too far back
		}
		at := start + m[0]
		subjEnd := len(strings.TrimRight(f.text[:at], " "))
		if o, ok := f.mentionEndingAt(subjEnd); ok && o.Type != entity.Place {
			return f.name(o.Text, o.Start) // "The State Dept. issued …"
		}
		if who := f.subjectBefore(at, max(start, f.sentenceStart(at)), end); who != "" {
			return who
		}
	}
	return ""
}

// issuedStatement is a statement announced: "issued a nuanced statement",
// "released a statement".
var issuedStatement = regexp.MustCompile(`\b(?:issued|released|put out|published)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?statement\b`)

// inQuoteAt reports whether byte pos lies inside a quotation.
func (f *finder) inQuoteAt(pos int) bool {
	for _, sp := range f.quoted {
		if sp.open > pos {
			return false
		}
		if pos < sp.close {
			return true
		}
	}
	return false
}

// sentenceStart returns where the sentence holding pos starts: after the
// last sentence break before it, no further back than the line start or
// maxSentence bytes.
func (f *finder) sentenceStart(pos int) int {
	lo := max(0, pos-maxSentence)
	if nl := strings.LastIndexByte(f.text[lo:pos], '\n'); nl >= 0 {
		lo += nl + 1
	}
	if f.breaks == nil {
		f.indexBreaks()
	}
	// the last break that ends (on its sentence's first letter) at or
	// before pos and starts in the window
	k := sort.Search(len(f.breaks), func(i int) bool { return f.breaks[i].end > pos+1 })
	for k--; k >= 0 && f.breaks[k].start >= lo; k-- {
		if !f.breaks[k].abbrev {
			return f.breaks[k].end - 1
		}
	}
	return lo
}

// sentenceBreakAt is one sentence break of a text: text[start:end]
// matches sentenceBreak, end-1 is the next sentence's first letter; abbrev
// marks a stop that ends an abbreviation or an initial, no sentence.
type sentenceBreakAt struct {
	start, end int
	abbrev     bool
}

// indexBreaks finds the text's sentence breaks (sentenceBreak) once,
// marking those after an abbreviation or an initial. Only the stops and
// newlines are tried: a break starts at one.
func (f *finder) indexBreaks() {
	f.breaks = []sentenceBreakAt{}
	line := 0
	for i := 0; i < len(f.text); {
		k := strings.IndexAny(f.text[i:], ".!?\n")
		if k < 0 {
			break
		}
		a := i + k
		if f.text[a] == '\n' {
			f.breaks = append(f.breaks, sentenceBreakAt{a, a + 1, false})
			i, line = a+1, a+1
			continue
		}
		end := strings.IndexByte(f.text[a:], '\n')
		if end < 0 {
			end = len(f.text)
		} else {
			end += a
		}
		loc := breakAt.FindStringIndex(f.text[a:min(end, a+64)])
		if loc == nil {
			i = a + 1
			continue
		}
		f.breaks = append(f.breaks, sentenceBreakAt{a, a + loc[1], abbreviation(f.text[max(line, a-maxSentence) : a+1])})
		i = a + loc[1]
	}
}

// breakAt is sentenceBreak's stop and what follows it, at the start.
var breakAt = regexp.MustCompile("^[.!?](?: ?(?:[\"”'’]|''))*\\s+(?:[\"“‘]|``)?\\s*[A-Z0-9]")

// abbrevs are abbreviations that end in a stop but not a sentence.
var abbrevs = set(`Mr. Mrs. Ms. Dr. St. Sgt. Lt. Capt. Col. Gen. Adm. Maj. Cpl. Det. Gov. Sen. Rep. Rev. Prof. Ald. Jr. Sr.
Inc. Co. Corp. Ltd. Mt. Ft. Supt. Insp. No. vs. U.S. U.N. U.K. a.m. p.m. Jan. Feb. Aug. Sept. Oct. Nov. Dec.`)

// abbreviation reports whether head ends in an abbreviation or an
// initial ("J.").
func abbreviation(head string) bool {
	w := lastWord(head)
	if abbrevs[w] {
		return true
	}
	r := []rune(w)
	return len(r) == 2 && unicode.IsUpper(r[0]) && r[1] == '.'
}

// maxSentence bounds how far back a sentence is looked for.
const maxSentence = 400

// maxPrevSentence bounds, in bytes, the sentence before a quotation that
// prevSubject reads.
const maxPrevSentence = 600

// stopThenSpace is a sentence's end and the spaces after it.
var stopThenSpace = regexp.MustCompile(`[.!?]['"”’]*\s+`)

// prevSubject returns the person who opens the sentence just before a
// quotation that is a sentence of its own and that nothing attributes:
// "61-year-old Fendi Faraj came out of retirement to help the recruits .
// “What I witnessed … can not allow an honest soldier to remain .”" A
// named person (after "And", "But" or an age at most) or he/she.
func (f *finder) prevSubject(sp span, ln [2]int) string {
	start := max(ln[0], sp.open-maxPrevSentence) // a one-line text's paragraph may run for pages
	if start >= sp.open || !endsSentence(f.text[start:sp.open]) {
		return "" // the quotation does not start a sentence
	}
	if rest := strings.Trim(sentenceRest(f.text[sp.close:ln[1]]), " .'\"”’"); rest != "" && !endsSentence(f.text[sp.start:sp.end]) {
		return "" // the sentence goes on after it
	}
	// the last sentence of the narration before
	prev := strings.TrimRight(f.text[start:sp.open], " ")
	prev = strings.TrimRight(prev[:max(0, len(prev)-1)], " ") // its stop
	bs := start
	if locs := stopThenSpace.FindAllStringIndex(prev, -1); locs != nil {
		bs += locs[len(locs)-1][1]
	} else if start > ln[0] {
		return "" // no sentence start within reach
	}
	narration := f.text[:sp.open]
	w, pos := nextWord(narration, bs)
	for skipped := 0; skipped < 2 && (w == "And" || w == "But" || yearsOld.MatchString(w)); skipped++ {
		w, pos = nextWord(narration, pos+len(w))
	}
	if pronouns[w] {
		return f.antecedent(pos, w)
	}
	if m, ok := f.mentionAt(pos); ok && m.Type == entity.Person && m.End < sp.open {
		if who := f.name(m.Text, m.Start); strings.Contains(who, " ") {
			return who // a full name: one word opening a sentence may be a verb ("Bill BP for the costs")
		}
	}
	return ""
}
