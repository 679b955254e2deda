package quote

import (
	"regexp"
	"strings"
	"unicode"

	"parallax/internal/nlp/entity"
)

// maxRoleWords bounds a role phrase ("the UN's special envoy for Syria").
const maxRoleWords = 7

// modifiers are the lower-case words allowed inside a role phrase.
var modifiers = map[string]bool{"the": true, "of": true, "for": true, "special": true, "foreign": true,
	"deputy": true, "senior": true, "chief": true, "top": true, "press": true, "state": true,
	"defense": true, "defence": true, "a": true, "an": true, "an official": true, "military": true,
	"government": true, "department": true, "'s": true, "local": true, "former": true, "retired": true,
	"veteran": true, "independent": true, "western": true, "unnamed": true, "another": true, "one": true}

// rolePhrase returns the role phrase at the start of s ("the State Dept.
// spokesman") up to and including its role word, and its byte length.
func rolePhrase(s string) (string, int) {
	pos, words := 0, 0
	for words < maxRoleWords {
		w, start := nextWord(s, pos)
		if w == "" {
			return "", 0
		}
		words++
		pos = start + len(w)
		bare := strings.TrimRight(w, ".,")
		if roles[strings.ToLower(bare)] {
			return s[:pos], pos
		}
		if !unicode.IsUpper([]rune(bare + " ")[0]) && !modifiers[bare] {
			return "", 0
		}
	}
	return "", 0
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
		if !unicode.IsUpper([]rune(w)[0]) && !modifiers[w] {
			break
		}
		from = i
		if w == "the" || w == "The" {
			break
		}
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
	for _, m := range f.mentions {
		if m.Type != entity.Person {
			continue
		}
		pre := strings.TrimRight(f.text[max(m.Start-40, 0):m.Start], " ,")
		if !strings.EqualFold(lastWord(pre), role) {
			continue
		}
		d := quoteAt - m.Start
		if d < 0 {
			if strings.Contains(f.text[quoteAt:m.Start], "\n") {
				continue // a later paragraph's spokesman may be another one
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
	ph = strings.TrimPrefix(strings.TrimPrefix(ph, "the "), "The ")
	return strings.TrimRight(ph, " ,")
}

// lastPerson resolves a pronoun at pos: the last person named before it
// in the pronoun's sentence or who speaks (a speech verb follows the name
// in its sentence, as in "Karen Piurkowski, director of loyalty with Polk,
// said"), else the last person named in the same paragraph.
func (f *finder) lastPerson(pos int) string {
	para := strings.LastIndexByte(f.text[:pos], '\n') + 1
	plain := ""
	for i := len(f.mentions) - 1; i >= 0; i-- {
		m := f.mentions[i]
		if m.End > pos || m.Type != entity.Person || f.inQuote(m) {
			continue
		}
		if !sentenceBreak.MatchString(f.text[m.End:pos]) {
			return m.Text // named in the pronoun's sentence
		}
		if f.speaks(m, pos) {
			return f.subjectOf(i, pos)
		}
		if plain == "" && m.Start >= para {
			plain = m.Text
		}
	}
	return plain
}

// sentenceBreak is a sentence stop followed by a new sentence, or a new
// paragraph.
var sentenceBreak = regexp.MustCompile(`[.!?]["”'’]?\s+["“]?[A-Z]|\n`)

// subjectOf returns, of mention i (a speaker) and the persons named
// before it in its sentence who also speak, the first: "Karen Piurkowski,
// director of loyalty with Polk, said".
func (f *finder) subjectOf(i, pos int) string {
	best := f.mentions[i]
	for j := i - 1; j >= 0; j-- {
		m := f.mentions[j]
		if sentenceBreak.MatchString(f.text[m.End:best.Start]) {
			break
		}
		if m.Type == entity.Person && f.speaks(m, pos) {
			best = m
		}
	}
	return best.Text
}

// verbJustBefore is a speech verb right before a name: "said Dunderdale".
var verbJustBefore = regexp.MustCompile(`\b(?:` + verbs + `)\s+$`)

// speaks reports whether a speech verb follows mention m in its sentence
// (before pos), or comes right before it.
func (f *finder) speaks(m entity.Mention, pos int) bool {
	if verbJustBefore.MatchString(f.text[max(0, m.Start-20):m.Start]) {
		return true
	}
	rest := f.text[m.End:min(pos, m.End+160)]
	if i := strings.IndexAny(rest, ".!?\n"); i >= 0 {
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
