package quote

import (
	"regexp"
	"strings"

	"parallax/internal/nlp/entity"
)

// maxOwnAttribution bounds the words between a quotation and the speech
// verb of its own sentence that attributes it.
const maxOwnAttribution = 24

// ownVerb is a speech verb after a quotation, in its sentence.
var ownVerb = regexp.MustCompile(`\b(?:` + verbs + `)\b`)

// ownAttribution is the last resort for a quotation that its own sentence
// attributes after it (`“…,” officer Cameron Morgan with the Kansas City,
// Kan., police department said`) in a way the other rules do not read:
// the last person named between the quotation and the verb, else the role
// or organisation that phrase opens with. own reports whether there is
// such an attribution: then the speaker is not looked for in the
// narration around, which names someone else.
func (f *finder) ownAttribution(sp span, ln [2]int) (who string, own bool) {
	q := strings.TrimRight(f.text[sp.start:sp.end], " ")
	after := sentenceRest(f.text[sp.close:ln[1]])
	trim := strings.TrimLeft(after, " ")
	if !strings.HasSuffix(q, ",") && !strings.HasPrefix(trim, ",") {
		return "", false // the quotation ends its sentence
	}
	v := ownVerb.FindStringIndex(after)
	if v == nil || wordCount(after[:v[0]]) > maxOwnAttribution || strings.ContainsAny(after[:v[0]], "\"“`") {
		return "", false
	}
	from, to := sp.close, sp.close+v[0]
	for i := f.before(to) - 1; i >= 0 && f.mentions[i].Start >= from; i-- {
		if m := f.mentions[i]; m.End <= to && f.isPerson(m) && !f.possessive(m) {
			return m.Text, true
		}
	}
	head := strings.TrimLeft(after[:v[0]], " ,'`\"”’")
	at := to - len(head)
	if w := strings.ToLower(firstWord(head)); w == "he" || w == "she" || w == "it" || w == "they" {
		return "", false // a pronoun the narration may resolve
	}
	if who := f.bareSubject(at, to); who != "" {
		return who, true
	}
	if ph, _ := rolePhrase(head); ph != "" {
		return f.resolveRole(ph, sp.open), true
	}
	if m, ok := f.mentionAt(at); ok && m.Type == entity.Org {
		return m.Text, true
	}
	return "", true
}
