// Package sentence splits article text into sentences. Text holds one
// paragraph a line; a sentence never crosses a line. The splitter is a
// hand-written scan that knows English abbreviations, initials, decimals,
// ellipses and closing quotes or brackets after the final stop.
package sentence

import "strings"

// Sentence is one sentence of a text, trimmed of surrounding white space.
type Sentence struct {
	Text       string
	Start, End int // byte offsets in the input: Text == input[Start:End]
	Para       int // 0-based paragraph (line) index
}

// Split returns the sentences of text in order. Para counts every line,
// blank ones included, so it is the 0-based line number.
func Split(text string) []Sentence {
	out := make([]Sentence, 0, len(text)/100+1)
	para, lineStart := 0, 0
	for lineStart <= len(text) {
		lineEnd := strings.IndexByte(text[lineStart:], '\n')
		if lineEnd < 0 {
			lineEnd = len(text)
		} else {
			lineEnd += lineStart
		}
		out = splitLine(out, text, lineStart, lineEnd, para)
		para++
		lineStart = lineEnd + 1
	}
	return out
}

// splitLine appends the sentences of text[start:end] to out.
func splitLine(out []Sentence, text string, start, end, para int) []Sentence {
	line := text[start:end]
	from := 0
	for i := 0; i < len(line); {
		n := stopLen(line, i)
		if n == 0 {
			i++
			continue
		}
		cut := boundary(line, i, n)
		if cut < 0 {
			i += n
			continue
		}
		out = appendTrimmed(out, text, start+from, start+cut, para)
		from, i = cut, cut
	}
	return appendTrimmed(out, text, start+from, end, para)
}

// appendTrimmed appends text[start:end] without surrounding white space,
// if anything is left.
func appendTrimmed(out []Sentence, text string, start, end, para int) []Sentence {
	for start < end && isSpaceAt(text, start) {
		start += spaceLen(text, start)
	}
	for end > start && isSpaceBefore(text, end) {
		end -= spaceLenBefore(text, end)
	}
	if start >= end {
		return out
	}
	return append(out, Sentence{Text: text[start:end], Start: start, End: end, Para: para})
}
