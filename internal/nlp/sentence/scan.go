package sentence

import (
	"unicode"
	"unicode/utf8"
)

// stopLen is the byte length of the run of sentence-final marks (". ? !
// …") starting at line[i], or 0 if none starts there.
func stopLen(line string, i int) int {
	j := i
	for j < len(line) {
		switch {
		case line[j] == '.' || line[j] == '?' || line[j] == '!':
			j++
		case hasPrefixAt(line, j, "…"):
			j += len("…")
		default:
			return j - i
		}
	}
	return j - i
}

// closerLen is the byte length of the closing quote or bracket at line[j].
func closerLen(line string, j int) int {
	switch line[j] {
	case '"', '\'', ')', ']':
		return 1
	}
	for _, c := range [...]string{"”", "’", "»"} {
		if hasPrefixAt(line, j, c) {
			return len(c)
		}
	}
	return 0
}

// openerLen is the byte length of the opening quote or bracket at line[j].
func openerLen(line string, j int) int {
	switch line[j] {
	case '"', '\'', '(', '[':
		return 1
	}
	for _, c := range [...]string{"“", "‘", "«"} {
		if hasPrefixAt(line, j, c) {
			return len(c)
		}
	}
	return 0
}

func hasPrefixAt(s string, i int, p string) bool {
	return len(s)-i >= len(p) && s[i:i+len(p)] == p
}

// isSpaceAt reports whether a white-space rune starts at s[i].
func isSpaceAt(s string, i int) bool {
	c := s[i]
	if c < utf8.RuneSelf {
		return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r)
}

func spaceLen(s string, i int) int {
	if s[i] < utf8.RuneSelf {
		return 1
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return n
}

// isSpaceBefore reports whether a white-space rune ends at s[:i].
func isSpaceBefore(s string, i int) bool {
	c := s[i-1]
	if c < utf8.RuneSelf {
		return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsSpace(r)
}

func spaceLenBefore(s string, i int) int {
	if s[i-1] < utf8.RuneSelf {
		return 1
	}
	_, n := utf8.DecodeLastRuneInString(s[:i])
	return n
}
