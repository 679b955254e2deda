package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax/internal/nlp/sentence"
)

// span is one token of a text as the tagger sees it: Text normalised the
// way CoNLL writes it (straight quotes, "'s" and "n't" apart), Start and
// End its bytes in the text.
type span struct {
	Text       string
	Start, End int
}

// segment splits text into sentences of tokens.
func segment(text string) [][]span {
	var out [][]span
	for _, s := range sentence.Split(text) {
		if toks := tokenizeSpans(text, s.Start, s.End); len(toks) > 0 {
			out = append(out, toks)
		}
	}
	return out
}

// openers and closers are punctuation split off the front and back of a
// word; quotes are written as CoNLL writes them.
const (
	openers = "\"'“‘([{«¿¡`"
	closers = "\"'”’)]}».,;:!?…"
)

var quoteForm = map[rune]string{'“': "\"", '”': "\"", '‘': "'", '’': "'", '«': "\"", '»': "\"", '`': "\""}

// clitics split off the end of a word, as in CoNLL ("Obama 's", "do n't").
var clitics = []string{"n't", "'s", "'re", "'ve", "'ll", "'d", "'m", "'"}

// tokenizeSpans tokenises text[from:to] at white space, then splits each
// word's leading and trailing punctuation, dashes and clitics off.
func tokenizeSpans(text string, from, to int) []span {
	var out []span
	i := from
	for i < to {
		r, n := utf8.DecodeRuneInString(text[i:to])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		j := i
		for j < to {
			r, n := utf8.DecodeRuneInString(text[j:to])
			if unicode.IsSpace(r) {
				break
			}
			j += n
		}
		out = splitWord(out, text, i, j)
		i = j
	}
	return out
}

// splitWord appends the tokens of the word text[a:b].
func splitWord(out []span, text string, a, b int) []span {
	if isClitic(text[a:b]) {
		// a clitic the text already wrote apart, as PTB-tokenised text
		// does ("Obama 's"): one token, as CoNLL writes it
		return append(out, span{Text: straight(text[a:b]), Start: a, End: b})
	}
	// Leading punctuation, one token each; a PTB quote ("``", "''") is one.
	for a < b {
		if b-a > 2 && (strings.HasPrefix(text[a:b], "``") || strings.HasPrefix(text[a:b], "''")) {
			out = append(out, span{Text: "\"", Start: a, End: a + 2})
			a += 2
			continue
		}
		r, n := utf8.DecodeRuneInString(text[a:b])
		if !strings.ContainsRune(openers, r) || a+n == b {
			break
		}
		out = append(out, punct(text, a, a+n, r))
		a += n
	}
	// Trailing punctuation, kept in order.
	var tail []span
	for b > a {
		if b-a > 2 && strings.HasSuffix(text[a:b], "''") {
			tail = append(tail, span{Text: "\"", Start: b - 2, End: b})
			b -= 2
			continue
		}
		r, n := utf8.DecodeLastRuneInString(text[a:b])
		if !strings.ContainsRune(closers, r) || b-n == a {
			break
		}
		if r == '.' && keepsPeriod(text[a:b-n]) {
			break
		}
		tail = append(tail, punct(text, b-n, b, r))
		b -= n
	}
	out = splitDashes(out, text, a, b)
	for k := len(tail) - 1; k >= 0; k-- {
		out = append(out, tail[k])
	}
	return out
}

// splitDashes splits a word at em and en dashes and double hyphens, then
// clitics off each part.
func splitDashes(out []span, text string, a, b int) []span {
	for a < b {
		k, n := dashAt(text[a:b])
		if k < 0 {
			return splitClitic(out, text, a, b)
		}
		if k > 0 {
			out = splitClitic(out, text, a, a+k)
		}
		t := "--"
		if text[a+k] == '/' {
			t = "/"
		}
		out = append(out, span{Text: t, Start: a + k, End: a + k + n})
		a += k + n
	}
	return out
}

func dashAt(s string) (int, int) {
	best, n := -1, 0
	for _, d := range []string{"—", "–", "--"} {
		if k := strings.Index(s, d); k >= 0 && (best < 0 || k < best) {
			best, n = k, len(d)
		}
	}
	// A slash between two words ("Lane/New York Times"), not in "1/2".
	if k := strings.IndexByte(s, '/'); k > 0 && k+1 < len(s) && (best < 0 || k < best) {
		a, _ := utf8.DecodeLastRuneInString(s[:k])
		b, _ := utf8.DecodeRuneInString(s[k+1:])
		if unicode.IsLetter(a) && unicode.IsLetter(b) {
			best, n = k, 1
		}
	}
	return best, n
}

// splitClitic appends text[a:b], with a clitic ending split off.
func splitClitic(out []span, text string, a, b int) []span {
	w := text[a:b]
	if !strings.ContainsAny(w, "'’") {
		return append(out, span{Text: w, Start: a, End: b})
	}
	for _, c := range clitics {
		for _, v := range []string{c, strings.ReplaceAll(c, "'", "’")} {
			if len(w) <= len(v) || !strings.EqualFold(w[len(w)-len(v):], v) {
				continue
			}
			if c == "'" && !strings.EqualFold(w[len(w)-len(v)-1:len(w)-len(v)], "s") {
				continue // only a plural's possessive: "workers'"
			}
			cut := b - len(v)
			out = append(out, span{Text: straight(text[a:cut]), Start: a, End: cut})
			return append(out, span{Text: straight(text[cut:b]), Start: cut, End: b})
		}
	}
	return append(out, span{Text: straight(w), Start: a, End: b})
}

// isClitic reports whether w is a clitic of more than an apostrophe
// ("'s", "’s", "n't").
func isClitic(w string) bool {
	for _, c := range clitics {
		if len(c) > 1 && (strings.EqualFold(w, c) || strings.EqualFold(w, strings.ReplaceAll(c, "'", "’"))) {
			return true
		}
	}
	return false
}

// straight writes curly apostrophes straight.
func straight(s string) string { return strings.ReplaceAll(s, "’", "'") }

func punct(text string, a, b int, r rune) span {
	t := text[a:b]
	if q, ok := quoteForm[r]; ok {
		t = q
	}
	if r == '…' {
		t = "..."
	}
	return span{Text: t, Start: a, End: b}
}

// keepsPeriod reports whether a word keeps its final period: initials and
// abbreviations ("U.S.", "J.", "Mr.", "Corp.").
func keepsPeriod(w string) bool {
	if strings.Contains(w, ".") {
		return true // "U.S" of "U.S."
	}
	if utf8.RuneCountInString(w) == 1 {
		return unicode.IsLetter([]rune(w)[0])
	}
	return abbrevs[strings.ToLower(w)]
}
