package quote

// The person a role phrase, an appositive or a run of capitalised or
// lower-case words leads to.

import (
	"strings"

	"parallax/internal/nlp/entity"
)

// personAfterCapitals returns the person named after a few capitalised
// words (party, place, title: "Republican Alabama Gov. Bob Riley",
// "Secretary of Energy Steven Chu") that start at pos, with nothing else
// between: the last person of that run of capitals.
func (f *finder) personAfterCapitals(pos int) (entity.Mention, bool) {
	at := pos
	var last entity.Mention
	found := false
	for range 6 {
		if m, ok := f.mentionAt(at); ok && at > pos {
			if m.Type == entity.Person {
				last, found = m, true
			}
			at = m.End // a place or organisation among the capitals
		} else {
			w, _ := nextWord(f.text, at)
			if w == "" || !isCapital(strings.TrimSuffix(w, ".")) && !(at > pos && (w == "of" || w == "for")) {
				break
			}
			at += len(w)
		}
		if !strings.HasPrefix(f.text[at:], " ") {
			break // a comma or the end: the phrase is over
		}
		at++
	}
	return last, found
}

// personAfterWords returns the person named right after up to n words that
// follow at (the end of the word before them), each one space after the
// last and accepted by keep; a person is looked for once min words are
// passed.
func (f *finder) personAfterWords(at, n, min int, keep func(string) bool) (entity.Mention, bool) {
	for k := 0; ; k++ {
		if k >= min && at < len(f.text) && f.text[at] == ' ' {
			if m, ok := f.mentionAt(at + 1); ok && m.Type == entity.Person {
				return m, true
			}
		}
		if k == n {
			return entity.Mention{}, false
		}
		w, start := nextWord(f.text, at)
		if w == "" || start != at+1 || !keep(w) {
			return entity.Mention{}, false
		}
		at = start + len(w)
	}
}

// personAfterAdjectives returns the person named right after one or two
// lower-case adjectives that start after pos ("the deadpan Suttles"); a
// plural noun is none ("their brothers Marlon , Tito and Jackie").
func (f *finder) personAfterAdjectives(pos int) (entity.Mention, bool) {
	return f.personAfterWords(pos, 2, 1, func(w string) bool {
		return adjLike(w) && !stop[w] && !roles[w] && (!strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ous"))
	})
}

// personAfterLower returns the person named right after two or three
// lower-case words that start at pos ("physical oceanographer Ian
// MacDonald").
func (f *finder) personAfterLower(pos int) (entity.Mention, bool) {
	w, start := nextWord(f.text, pos)
	if w == "" || start != pos || !isLower(w) || stop[w] {
		return entity.Mention{}, false
	}
	return f.personAfterWords(pos+len(w), 2, 1, func(w string) bool { return isLower(w) && !stop[w] })
}

// personAfterRole returns the person named right after a role phrase
// that ends at pos: at once ("spokesman John Dern"), after a qualifier
// ("BP senior vice president for exploration and production Kent
// Wells") or after two or three more lower-case words ("TD Ameritrade
// chief derivatives strategist Joe Kinahan").
func (f *finder) personAfterRole(pos int) (entity.Mention, bool) {
	if m, ok := f.personAt(pos); ok {
		return m, true
	}
	if m, ok := f.personAfterQualifier(pos); ok {
		return m, true
	}
	if pos < len(f.text) && f.text[pos] == ' ' {
		return f.personAfterLower(pos + 1)
	}
	return entity.Mention{}, false
}

// personAfterQualifier returns the person named right after a role's
// qualifier that starts after pos: "for" or "of" and up to four more
// words, no stop among them ("... vice president for exploration and
// production Kent Wells").
func (f *finder) personAfterQualifier(pos int) (entity.Mention, bool) {
	w, start := nextWord(f.text, pos)
	if w != "for" && w != "of" || start != pos+1 {
		return entity.Mention{}, false
	}
	return f.personAfterWords(start+len(w), 4, 0, func(w string) bool { return !strings.ContainsAny(w, ".;:") })
}

// namedAfterComma returns the person an appositive names after the first
// comma past pos, within the clause, a role phrase perhaps before the
// name and a comma after it: "another man at the hospital who heard the
// soldiers , lawyer Mohamed al-Mana , told Reuters".
func (f *finder) namedAfterComma(pos, quoteAt int) (entity.Mention, bool) {
	rest := f.text[pos:min(len(f.text), pos+120)]
	k := strings.IndexByte(rest, ',')
	if k < 0 || strings.ContainsAny(rest[:k], ".;:\"“”") {
		return entity.Mention{}, false
	}
	at := pos + k + 1
	for at < len(f.text) && f.text[at] == ' ' {
		at++
	}
	p, ok := f.personAt(at)
	if !ok {
		ph, n := rolePhrase(f.text[at:min(len(f.text), at+80)])
		if ph == "" {
			return entity.Mention{}, false
		}
		if p, ok = f.personAfterRole(at + n); !ok {
			return entity.Mention{}, false
		}
	}
	if after := strings.TrimLeft(f.text[p.End:min(len(f.text), p.End+4)], " "); !strings.HasPrefix(after, ",") || p.End > quoteAt && quoteAt > pos {
		return entity.Mention{}, false
	}
	return p, true
}
