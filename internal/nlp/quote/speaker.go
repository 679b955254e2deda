package quote

import (
	"regexp"
	"strings"

	"parallax/internal/nlp/entity"
)

type finder struct {
	text     string
	mentions []entity.Mention
	quoted   []span // every quotation of the text, in order
}

// inQuote reports whether mention m lies inside a quotation: a name
// quoted is not a speaker to resolve a pronoun or role to.
func (f *finder) inQuote(m entity.Mention) bool {
	for _, sp := range f.quoted {
		if sp.open > m.Start {
			return false
		}
		if m.End <= sp.close {
			return true
		}
	}
	return false
}

const verbs = `said|says|say|told|tells|added|adds|stated|states|explained|explains|noted|notes|wrote|writes|warned|warns|declared|declares|insisted|insists|argued|argues|claimed|claims|asked|asks|replied|replies|continued|recalled|recalls|tweeted|announced|acknowledged|admitted|complained|pointed out|commented|observed|observes|contended|contends|concluded|reported`

var (
	// after the quote: `, said X` / `, X said` / `, according to X`
	verbFirst  = regexp.MustCompile(`^[\s,.;:!?—–-]*(?:` + verbs + `)\s+`)
	accordingA = regexp.MustCompile(`^[\s,.;:!?—–-]*according to\s+`)
	lead       = regexp.MustCompile(`^[\s,.;:!?—–-]*`)
	// "X said", "X, a spokesman for Y, said", "X of South Carolina, one
	// of the House managers, said"
	verbAfter = regexp.MustCompile(`^(?:\s+of\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?(?:,[^,"“”\n]{1,100},)?,?\s+(?:` + verbs + `)\b`)
	// a title before a name: "Dr. Dan Geschwind", "Prime Minister Tony Blair"
	title = regexp.MustCompile(`^(?:(?:Dr|Mr|Mrs|Ms|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Prof|Rev|Sec)\.\s+|(?:Prime Minister|President|Secretary|Senator|Judge|Chancellor)\s+)`)
	// before the quote: `X said (that)` / `X told Y that` / `X:`
	verbBefore = regexp.MustCompile(`\b(?:` + verbs + `)\b(?:\s+[^\s.!?]+){0,5}[\s,:]*$`)
	anyVerb    = regexp.MustCompile(`\b(?:` + verbs + `)\b`)
	colonEnd   = regexp.MustCompile(`:\s*$`)
)

var roles = map[string]bool{
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "minister": true, "secretary": true,
	"envoy": true, "official": true, "officials": true, "ambassador": true, "president": true,
	"director": true, "chairman": true, "leader": true, "commander": true, "analyst": true,
	"general": true, "governor": true, "mayor": true, "source": true, "statement": true, "ministry": true,
	"diplomat": true, "farmer": true, "expert": true, "lawyer": true, "attorney": true, "professor": true,
	"researcher": true, "scientist": true, "witness": true, "resident": true, "aide": true, "adviser": true,
	"advisor": true, "economist": true, "prosecutor": true, "report": true,
}

var pronouns = map[string]bool{"he": true, "she": true, "He": true, "She": true}

// speaker finds who said the quotation sp on line ln.
func (f *finder) speaker(sp span, ln [2]int) string {
	after := f.text[sp.close:ln[1]]
	if m := verbFirst.FindStringIndex(after); m != nil {
		if who := f.subjectAt(sp.close+m[1], sp.open); who != "" {
			return who
		}
	}
	if m := lead.FindStringIndex(after); m != nil {
		pos := sp.close + m[1]
		if who, end := f.phraseAt(pos, sp.open); who != "" && verbAfter.MatchString(f.text[end:ln[1]]) {
			return who
		}
	}
	before := f.text[ln[0]:sp.open]
	if loc := verbBefore.FindStringIndex(before); loc != nil {
		v := anyVerb.FindStringIndex(before[loc[0]:])
		if who := f.subjectBefore(ln[0]+loc[0]+v[0], ln[0], sp.open); who != "" {
			return who
		}
	}
	if m := accordingA.FindStringIndex(after); m != nil {
		if who := f.subjectAt(sp.close+m[1], sp.open); who != "" {
			return who
		}
	}
	if colonEnd.MatchString(before) {
		end := ln[0] + strings.LastIndex(before, ":")
		if who := f.subjectBefore(end, ln[0], sp.open); who != "" {
			return who
		}
	}
	return ""
}

// subjectAt returns the speaker written at pos, resolved.
func (f *finder) subjectAt(pos, quoteAt int) string {
	who, _ := f.phraseAt(pos, quoteAt)
	return who
}

// phraseAt returns the resolved speaker of the name, pronoun or role
// phrase starting at pos, and where it ends.
func (f *finder) phraseAt(pos, quoteAt int) (string, int) {
	rest := f.text[pos:]
	w := firstWord(rest)
	if pronouns[w] {
		return f.lastPerson(quoteAt), pos + len(w)
	}
	if w == "the" || w == "The" || w == "a" || w == "an" || roles[w] {
		if ph, n := rolePhrase(rest); ph != "" {
			if m, ok := f.personAt(pos + n); ok {
				return m.Text, m.End // "analyst Rob Chen"
			}
			return f.resolveRole(ph, quoteAt), pos + n
		}
	}
	if t := title.FindString(rest); t != "" {
		if m, ok := f.mentionAt(pos + len(t)); ok && m.Type != entity.Place {
			return m.Text, m.End
		}
	}
	for _, m := range f.mentions {
		if m.Start == pos && m.Type != entity.Person {
			// "State Department spokesman John Kirby": the person after the role.
			if ph, n := rolePhrase(rest); ph != "" && n > len(m.Text) {
				return f.resolveRole(ph, quoteAt), pos + n
			}
		}
		if m.Start == pos {
			return m.Text, m.End
		}
	}
	return "", pos
}

// subjectBefore returns the speaker whose name, pronoun or role ends just
// before the verb at v (within the line from lineStart).
func (f *finder) subjectBefore(v, lineStart, quoteAt int) string {
	head := strings.TrimRight(f.text[lineStart:v], " ,")
	end := lineStart + len(head)
	if w := lastWord(head); pronouns[w] || w == "they" {
		if w == "they" {
			return ""
		}
		return f.lastPerson(end)
	}
	for i := len(f.mentions) - 1; i >= 0; i-- {
		m := f.mentions[i]
		if m.End != end {
			continue
		}
		// "Anne Donnellan, a professor at ... Madison, said": the person
		// the clause starts with, not the name that ends its appositive.
		if p := f.leadName(lineStart+clauseStart(head), end); p != "" {
			return p
		}
		if m.Type == entity.Person {
			return m.Text
		}
		if p := f.firstPerson(lineStart+clauseStart(head), end); p != "" {
			return p
		}
		if m.Type == entity.Place {
			return ""
		}
		return m.Text
	}
	// "Temple Grandin, an assistant professor ... and an authority on
	// animal behavior, said": the name the clause starts with.
	if strings.HasSuffix(strings.TrimRight(f.text[lineStart:v], " "), ",") {
		if p := f.leadName(lineStart+clauseStart(head), end); p != "" {
			return p
		}
	}
	if roles[strings.ToLower(lastWord(head))] {
		return f.resolveRole(roleTail(head), quoteAt)
	}
	return ""
}

// introducer is the person named by a paragraph ending in ":" or "…" that
// introduces a quotation paragraph.
func (f *finder) introducer(lineStart int) string {
	prev := strings.TrimRight(f.text[:max(lineStart-1, 0)], " \n")
	if !strings.HasSuffix(prev, "…") && !strings.HasSuffix(prev, ":") && !strings.HasSuffix(prev, "...") {
		return ""
	}
	from := strings.LastIndexByte(prev, '\n') + 1
	for i := len(f.mentions) - 1; i >= 0; i-- {
		m := f.mentions[i]
		if m.End <= len(prev) && m.Start >= from && (m.Type == entity.Person || m.Type == entity.Unknown) {
			return m.Text
		}
	}
	return ""
}

// personAt returns the person mention starting at pos, after spaces and
// commas.
func (f *finder) personAt(pos int) (entity.Mention, bool) {
	for pos < len(f.text) && (f.text[pos] == ' ' || f.text[pos] == ',') {
		pos++
	}
	for _, m := range f.mentions {
		if m.Start == pos && m.Type == entity.Person {
			return m, true
		}
	}
	return entity.Mention{}, false
}

// firstPerson returns the first person named in text[from:to].
func (f *finder) firstPerson(from, to int) string {
	for _, m := range f.mentions {
		if m.Start >= from && m.End <= to && m.Type == entity.Person {
			return m.Text
		}
	}
	return ""
}

// clauseStart is where the last sentence of head starts.
func clauseStart(head string) int {
	i := strings.LastIndexAny(head, ".!?;")
	for i > 0 && i+1 < len(head) && head[i+1] != ' ' {
		i = strings.LastIndexAny(head[:i], ".!?;")
	}
	return max(i+1, 0)
}

// leadName returns the name a clause text[from:to] starts with when an
// appositive follows it ("Anne Donnellan, a professor at ...").
func (f *finder) leadName(from, to int) string {
	for from < to && f.text[from] == ' ' {
		from++
	}
	for _, m := range f.mentions {
		if m.Start == from && m.End < to && f.text[m.End] == ',' && m.Type != entity.Place {
			return m.Text
		}
	}
	return ""
}

// mentionAt returns the mention starting at pos.
func (f *finder) mentionAt(pos int) (entity.Mention, bool) {
	for _, m := range f.mentions {
		if m.Start == pos {
			return m, true
		}
	}
	return entity.Mention{}, false
}
