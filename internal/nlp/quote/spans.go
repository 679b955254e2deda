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
			closers = []string{"”", "“"} // some texts close with an opening mark
		case r == '"':
			closers = []string{"\""}
		case r == '`' && strings.HasPrefix(line[i:], "``"):
			n = 2
			closers = []string{"''", "\""}
		case r == '‘' && (i == 0 || !isLetterBefore(line, i)):
			closers = []string{"’"}
		default:
			i += n
			continue
		}
		s := i + n
		e, c := findClose(line, s, closers, r == '‘')
		if e < 0 {
			if r == '‘' {
				i += n
				continue
			}
			e, c = len(line), len(line)
		}
		out = append(out, span{open: from + i, start: from + s, end: from + e, close: from + c})
		i = c
	}
	return out
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
