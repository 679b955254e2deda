// Package quote finds direct quotations in news text and who said them.
//
// A quotation is text between quote marks (curly, straight, “TeX-style”
// or curly single) of at least MinWords words; shorter quoted bits are
// scare quotes. Its speaker comes from the attribution around it:
// “...,” said X / X said / according to X after the quote, X said (that) /
// X: before it, in the same paragraph. Pronouns ("he said") resolve to the
// last person named before; roles ("the spokesman") to the person the text
// names with that role ("spokesman John Kirby"); a paragraph that is only
// a quotation inherits the speaker introduced by the paragraph before.
package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax/internal/nlp/entity"
)

// MinWords is the fewest words a quotation has (a hyphenated compound is
// one word).
const MinWords = 4

// maxPhraseWords is the most words of a quoted phrase: a fragment that
// starts in lower case inside a sentence of the reporter's. Without a
// speaker it is not kept as a quotation.
const maxPhraseWords = 6

// Quote is one direct quotation. Text is text[Start:End], without the
// quote marks. Speaker is a person's name (in full where the text gives
// it, without title words), an organisation, or the role as written when
// no person holding it is named, or "" when no attribution was found.
// Role is what the text says a person speaker is ("BP chief operating
// officer"), if anything.
type Quote struct {
	Start, End int
	Text       string
	Speaker    string
	Role       string
}

// Find returns the quotations in text (one paragraph a line), in order.
// Titles and other quoted names ("Deepwater Cementing Considerations")
// are not quotations.
func Find(text string) []Quote {
	f := finder{text: text, mentions: entity.Find(text)}
	lines := lineRanges(text)
	spans := make([][]span, len(lines))
	for i, ln := range lines {
		spans[i] = quoteSpans(text, ln[0], ln[1])
		f.quoted = append(f.quoted, spans[i]...)
	}
	f.joinParticles()
	f.kinNames()
	f.appositiveNames()
	f.index()
	f.addSurnames()
	var out []Quote
	prevSpeaker := ""
	for i, ln := range lines {
		lineSpeaker, from := "", ln[0]
		for _, sp := range spans[i] {
			q := strings.TrimSpace(strings.Trim(text[sp.start:sp.end], " ,"))
			if tokenCount(q) < MinWords || isTitle(q) {
				continue
			}
			s, e := trimmed(text, sp.start, sp.end)
			who := f.speaker(sp, ln)
			if who == "" && !f.owned {
				who = f.carried(from, sp.open, lineSpeaker)
			}
			if who == "" && !f.owned && from == ln[0] && onlyQuotes(text, ln, spans[i]) {
				who = prevSpeaker
				if who == "" {
					who = f.introducer(ln[0])
				}
			}
			if who == "" && !f.owned && from == ln[0] && wordCount(text[ln[0]:sp.open]) == 0 {
				who = f.prevLineNarrator(ln)
			}
			if who == "" && !f.owned {
				who = f.prevSubject(sp, ln)
			}
			who = f.name(who, sp.open)
			if who != "" && (len(f.spoken) == 0 || f.spoken[len(f.spoken)-1] != who) {
				f.spoken = append(f.spoken, who)
			}
			if who == "" && (isPhrase(q) || woven(text, sp)) {
				continue // a phrase quoted in passing ("reckless decisions and actions"), no one's words
			}
			lineSpeaker, from = who, sp.close
			out = append(out, Quote{Start: s, End: e, Text: text[s:e], Speaker: who, Role: f.roleOf(who)})
		}
		if (len(spans[i]) == 0 && !opensQuote(text[ln[0]:ln[1]])) || (len(spans[i]) > 0 && !onlyQuotes(text, ln, spans[i])) {
			prevSpeaker = "" // a paragraph opening a quotation it does not close goes on with its speaker
		}
		if lineSpeaker != "" {
			prevSpeaker = lineSpeaker
		}
	}
	backfill(text, out)
	return out
}

// backfill gives a quotation without a speaker the speaker of the one that
// follows it at once in the same paragraph ("“You could taste the
// fumes.” “The whole rig was shaking,” he said."): only marks and spaces
// stand between them, so the attribution after the second covers both.
func backfill(text string, qs []Quote) {
	for i := len(qs) - 2; i >= 0; i-- {
		if qs[i].Speaker != "" || qs[i+1].Speaker == "" || qs[i].End > qs[i+1].Start {
			continue
		}
		if gap := text[qs[i].End:qs[i+1].Start]; strings.Trim(gap, " .,!?`'\"“”‘’") == "" && !strings.Contains(gap, "\n") {
			qs[i].Speaker, qs[i].Role = qs[i+1].Speaker, qs[i+1].Role
		}
	}
}

// tokenCount counts the space-separated tokens of s that hold a letter
// or digit.
func tokenCount(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		if strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	return n
}

// isPhrase reports whether quoted text q is a phrase rather than speech:
// it starts in lower case and is short.
func isPhrase(q string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(q, " .…'`‘"))
	return unicode.IsLower(r) && tokenCount(q) <= maxPhraseWords
}

// woven reports whether the quotation at sp is part of the reporter's
// sentence: it starts in lower case right after a word of the sentence
// ("… was defined as “contact with …”", "… that the department was
// satisfied “with the way the city is headed”"). Without a speaker, a
// reader cannot tell whose words these are: it is not listed.
func woven(text string, sp span) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(text[sp.start:sp.end], " .…'`‘"))
	if !unicode.IsLower(r) {
		return false
	}
	before := strings.TrimRight(text[:sp.open], " ")
	b, _ := utf8.DecodeLastRuneInString(before)
	return unicode.IsLetter(b)
}

// lineRanges returns the [start, end) byte range of each line.
func lineRanges(text string) [][2]int {
	var out [][2]int
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' {
			out = append(out, [2]int{start, i})
			start = i + 1
		}
	}
	return out
}

// trimmed returns [s, e) without surrounding spaces and trailing commas.
func trimmed(text string, s, e int) (int, int) {
	for s < e && text[s] == ' ' {
		s++
	}
	for e > s && (text[e-1] == ' ' || text[e-1] == ',') {
		e--
	}
	return s, e
}

// opensQuote reports whether a line starts with an opening quote mark.
func opensQuote(line string) bool {
	line = strings.TrimLeft(line, " ")
	for _, m := range []string{"“", "‘", "\"", "``", "'"} {
		if strings.HasPrefix(line, m) {
			return true
		}
	}
	return false
}

// onlyQuotes reports whether the line holds nothing but its quotations
// (and punctuation).
func onlyQuotes(text string, ln [2]int, spans []span) bool {
	if len(spans) == 0 {
		return false
	}
	pos := ln[0]
	rest := 0
	for _, sp := range spans {
		rest += wordCount(text[pos:sp.open])
		pos = sp.close
	}
	rest += wordCount(text[pos:ln[1]])
	return rest == 0
}
