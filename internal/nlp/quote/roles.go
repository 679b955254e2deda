package quote

import (
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
	"government": true, "department": true, "'s": true}

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

// lastPerson returns the last person named before pos.
func (f *finder) lastPerson(pos int) string {
	for i := len(f.mentions) - 1; i >= 0; i-- {
		m := f.mentions[i]
		if m.End <= pos && m.Type == entity.Person {
			return m.Text
		}
	}
	return ""
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
