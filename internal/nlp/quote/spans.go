package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a quotation inside a line: the quoted text is text[start:end],
// the marks included are text[open:close].
type span struct {
	open, start, end, close int
}

// quoteSpans returns the quotations of text[from:to] (one line): curly
// double quotes, straight double quotes, “TeX-style” quotes and curly
// single quotes around several words. An opening mark without a closing
// one quotes to the end of the line.
func quoteSpans(text string, from, to int) []span {
	var out []span
	line := text[from:to]
	for i := 0; i < len(line); {
		r, n := utf8.DecodeRuneInString(line[i:])
		var closers []string
		switch {
		case r == '“':
			// some texts close with an opening mark, or a straight one
			closers = []string{"”", "“", "\""}
		case r == '"':
			// many pages open straight and close curly: "…,” she said
			closers = []string{"\"", "”"}
		case r == '`' && strings.HasPrefix(line[i:], "``"):
			n = 2
			closers = []string{"''", "\""}
		case r == '‘' && (i == 0 || !isLetterBefore(line, i)):
			closers = []string{"’"}
		case r == '\'' && opensStraight(line, i):
			closers = []string{"'"}
		case r == '”' && len(out) == 0 && closesFromStart(line, i):
			// the opening mark left out: “it will work,” he said
			out = append(out, span{open: from, start: from, end: from + i, close: from + i + n})
			i += n
			continue
		default:
			i += n
			continue
		}
		s := i + n
		e, c := findClose(line, s, closers, r == '‘')
		if r == '\'' {
			e, c = closeStraight(line, s)
		}
		if e < 0 {
			if r == '‘' || r == '\'' {
				i += n
				continue
			}
			if r == '"' && len(out) == 0 && closesFromStart(line, i) {
				// a lone straight mark after the first words' punctuation
				// closes a quotation whose opening mark was left out
				out = append(out, span{open: from, start: from, end: from + i, close: from + s})
				i = s
				continue
			}
			e, c = len(line), len(line)
		}
		out = append(out, span{open: from + i, start: from + s, end: from + e, close: from + c})
		i = c
	}
	return out
}

// closesFromStart reports whether the mark at i closes a quotation that
// began at the line's start without an opening mark: punctuation ends the
// words before it, and an attribution follows (a lower-case word or a
// name, not the end of the line).
func closesFromStart(line string, i int) bool {
	head := strings.TrimRight(line[:i], " ")
	if head == "" || !strings.ContainsAny(head[len(head)-1:], ",.?!") || tokenCount(head) < MinWords {
		return false
	}
	rest := strings.TrimLeft(line[i:], "\"” ")
	return rest != "" && strings.IndexAny(rest[:1], ".;:") < 0
}

// findClose returns where the quote opened at s ends (start of the
// closing mark) and the position after the mark, or -1.
func findClose(line string, s int, closers []string, single bool) (int, int) {
	for j := s; j < len(line); {
		for _, c := range closers {
			if strings.HasPrefix(line[j:], c) {
				if single && !endsSingle(line, j+len(c)) {
					break // an apostrophe: "don’t", "Kirby’s"
				}
				return j, j + len(c)
			}
		}
		_, n := utf8.DecodeRuneInString(line[j:])
		j += n
	}
	return -1, -1
}

// endsSingle reports whether a ’ ending at k closes a quote rather than
// being an apostrophe: it is not followed by a letter.
func endsSingle(line string, k int) bool {
	if k >= len(line) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(line[k:])
	return !unicode.IsLetter(r)
}

func isLetterBefore(line string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(line[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// wordCount counts the words of s.
func wordCount(s string) int {
	n, in := 0, false
	for _, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// opensStraight reports whether the straight single quote at i opens a
// quotation (Daily Mail style: 'It killed me,' she said): at the line
// start or after a space or bracket, before a letter or digit.
func opensStraight(line string, i int) bool {
	if i > 0 && !strings.ContainsRune(" (\t", rune(line[i-1])) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(line[i+1:])
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return false
	}
	w := line[i+1:]
	if k := strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }); k >= 0 {
		w = w[:k]
	}
	return !clitics[w] // PTB text splits "BP 's", "we 're"
}

// clitics are the contractions that tokenised text writes after a space.
var clitics = map[string]bool{"s": true, "re": true, "ve": true, "ll": true, "d": true, "m": true, "S": true, "em": true}

// closeStraight returns where the straight single quote opened before s
// closes, and the position after its mark, or -1: a mark after a stop,
// comma, question or exclamation mark (not an apostrophe: "Banks'
// house", "don't"), not followed by a letter.
func closeStraight(line string, s int) (int, int) {
	for j := s + 1; j < len(line); j++ {
		if line[j] != '\'' || !strings.ContainsRune(",.!?", rune(line[j-1])) {
			continue
		}
		if j+1 < len(line) {
			if r, _ := utf8.DecodeRuneInString(line[j+1:]); unicode.IsLetter(r) {
				continue
			}
		}
		return j, j + 1
	}
	return -1, -1
}
