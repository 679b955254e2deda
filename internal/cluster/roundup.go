package cluster

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Roundups: an article that covers several stories (a daily digest, a blog
// roundup with a heading per topic) joins the story its text fits best,
// but only the sections about that story belong there. After an article
// joins an existing story its text is cut into sections at heading lines;
// each section is scored against the story's centroid as it stood before
// the article; the sections that come close to the best one fit, and so
// does any section close to those (one long article's other parts). When
// the sections that fit hold under roundupShare of the words, and at
// least roundupOffSections sections with roundupOff words do not fit, the
// article is a roundup and Passages returns the sections that fit. The
// rules are conservative: a long single-story article whose parts drift
// from the story's wording should keep all its text. A roundup whose
// story passages are a sliver of it (under sectionMinWords words and
// slightShare of its words: a hatnote of a long page) does not join the
// story at all: it opens one of its own.
const (
	roundupMinSections = 3    // fewer sections: not a roundup
	roundupShare       = 0.75 // the story's sections hold less of the words
	roundupOff         = 60   // words outside the story's sections, at least
	roundupOffSections = 2    // and sections outside it, at least
	roundupRel         = 0.75 // a section fits when its cosine reaches this share of the best section's
	roundupAbs         = 0.08 // and at least this cosine
	roundupCohesion    = 0.2  // a section this close to those that fit fits too
	headingMaxWords    = 14
	sectionMinWords    = 40 // shorter sections join the next one
)

// Passage is a byte range [Start, End) of an article's text as given to Add.
type Passage struct{ Start, End int }

// Passages returns the parts of the latest added article's text that
// belong to its story when the article is a roundup of several stories,
// in text order; nil when all of it belongs (the usual case).
func (c *Clusterer) Passages() []Passage { return c.passages }

// roundup returns the sections of text about story s, or nil when the
// text is not a roundup with sections about other stories; and for a
// roundup, the rest of the text in pieces (the sections about other
// stories, and the trailing paragraphs cut from s's sections).
func (c *Clusterer) roundup(text, lang string, s *story) (on, off []Passage) {
	secs := sections(text)
	if len(secs) < roundupMinSections || s.size == 0 {
		return nil, nil
	}
	vc := c.vocab[lang]
	vecs := make([]vector, len(secs))
	cos := make([]float64, len(secs))
	words := make([]int, len(secs))
	best, total := 0.0, 0
	for i, p := range secs {
		part := text[p.Start:p.End]
		words[i] = countWords(part)
		total += words[i]
		c.terms.count(Doc{Text: part}, &c.opts, vc)
		vecs[i] = vc.vectors(&c.terms, c.opts.ProperBoost, false).all
		cos[i] = s.all.cosine(vecs[i])
		best = max(best, cos[i])
	}
	fits := make([]bool, len(secs))
	core := newCentroid() // the sections that fit
	for i := range secs {
		if fits[i] = cos[i] >= roundupAbs && cos[i] >= roundupRel*best; fits[i] {
			core.add(vecs[i])
		}
	}
	// A section close to those that fit is about the same story (another
	// part of one long article), whatever its cosine to the story.
	for i := range secs {
		if !fits[i] && core.cosine(vecs[i]) >= roundupCohesion {
			fits[i] = true
		}
	}
	onWords, nOff := 0, 0
	for i, p := range secs {
		if !fits[i] {
			nOff++
			off = append(off, p)
		}
		if fits[i] {
			onWords += words[i]
			if n := len(on); n > 0 && on[n-1].End == p.Start {
				on[n-1].End = p.End
			} else {
				on = append(on, p)
			}
		}
	}
	if len(on) == 0 || nOff < roundupOffSections || float64(onWords) >= roundupShare*float64(total) || total-onWords < roundupOff {
		return nil, nil
	}
	// A roundup may move to its next topic without a heading: trailing
	// paragraphs of a passage that do not fit the story are cut off.
	kept := on[:0]
	for i := range on {
		end := on[i].End
		on[i].End = c.trimTail(text, on[i], lang, s, roundupRel*best)
		if headingOnly(text[on[i].Start:on[i].End]) && (len(kept) > 0 || i < len(on)-1) {
			// all but its heading cut off ("Aftermath [ edit ]"): the
			// section says nothing about the story
			off = append(off, Passage{on[i].Start, end})
			continue
		}
		if on[i].End < end {
			off = append(off, Passage{on[i].End, end})
		}
		kept = append(kept, on[i])
	}
	on = kept
	slices.SortFunc(off, func(a, b Passage) int { return a.Start - b.Start })
	return on, off
}

// sections cuts text into sections, each starting at a heading line (a
// short line that does not end a sentence, followed by a longer one, and
// by a paragraph after the short lines that follow it, if any) or
// at the text's start; a section of fewer than sectionMinWords words joins
// the next. Sections cover the text without gaps.
func sections(text string) []Passage {
	type line struct {
		start, end, words int
	}
	var lines []line
	for at := 0; at < len(text); {
		end := strings.IndexByte(text[at:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += at + 1
		}
		if n := countWordsUpTo(text[at:end], headingMaxWords+1); n > 0 { // enough for isHeading
			lines = append(lines, line{at, end, n})
		}
		at = end
	}
	// A heading leads into a paragraph: after it come short lines, if
	// any, then a long one. In a text of short lines only (a transcript
	// wrapped at 50 characters) no line is a heading.
	paragraphAhead := make([]bool, len(lines))
	for i := len(lines) - 2; i >= 0; i-- {
		paragraphAhead[i] = lines[i+1].words > headingMaxWords || paragraphAhead[i+1]
	}
	var out []Passage
	open := 0 // start of the section being built
	for i, l := range lines {
		if i == 0 || i+1 >= len(lines) || !paragraphAhead[i] {
			continue
		}
		if isHeading(strings.TrimSpace(text[l.start:l.end]), l.words, lines[i+1].words) {
			out = append(out, Passage{open, l.start})
			open = l.start
		}
	}
	if len(lines) > 0 {
		out = append(out, Passage{open, len(text)})
	}
	// Fold short sections into the next one.
	kept := out[:0]
	carry := -1
	for i, p := range out {
		if carry >= 0 {
			p.Start, carry = carry, -1
		}
		if i+1 < len(out) && countWordsUpTo(text[p.Start:p.End], sectionMinWords) < sectionMinWords {
			carry = p.Start
			continue
		}
		kept = append(kept, p)
	}
	return kept
}

// isHeading reports whether a line of n words, followed by a line of next
// words, reads as a section heading.
func isHeading(l string, n, next int) bool {
	if n == 0 || n > headingMaxWords || next <= n {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(l)
	if strings.ContainsRune(".!?:;,\"”'’…", last) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(l)
	return unicode.IsUpper(first) || unicode.IsDigit(first)
}

// trimTail returns where passage p ends once its trailing paragraphs
// (lines) whose cosine to story s is under min are cut off; the first
// paragraph always stays.
func (c *Clusterer) trimTail(text string, p Passage, lang string, s *story, min float64) int {
	end := p.End
	for end > p.Start {
		body := strings.TrimRight(text[p.Start:end], " \t\r\n")
		cut := strings.LastIndexByte(body, '\n')
		if cut < 0 {
			break // the first paragraph
		}
		cut += p.Start + 1
		c.terms.count(Doc{Text: text[cut:end]}, &c.opts, c.vocab[lang])
		if s.all.cosine(c.vocab[lang].vectors(&c.terms, c.opts.ProperBoost, false).all) >= min {
			break
		}
		end = cut
	}
	return end
}

// slightShare is the least share of a roundup's words its story's
// passages hold for the roundup to join the story.
const slightShare = 0.05

// slight reports whether passages ps hold under slightShare of text's
// words and fewer than sectionMinWords.
func slight(text string, ps []Passage) bool {
	on := 0
	for _, p := range ps {
		on += countWords(text[p.Start:p.End])
	}
	return on < sectionMinWords && float64(on) < slightShare*float64(countWords(text))
}

// headingOnly reports whether a passage is one short line: a heading
// with nothing under it.
func headingOnly(p string) bool {
	p = strings.TrimSpace(p)
	return !strings.Contains(p, "\n") && countWordsUpTo(p, headingMaxWords+1) <= headingMaxWords
}

// countWords counts the space-separated fields of s without building them.
func countWords(s string) int { return countWordsUpTo(s, math.MaxInt) }

// countWordsUpTo is countWords, stopping at limit: min(countWords(s), limit).
// ASCII bytes are read as bytes, others decoded.
func countWordsUpTo(s string, limit int) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		space, size := false, 1
		if c := s[i]; c < utf8.RuneSelf {
			space = asciiSpace[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		i += size
		if space {
			in = false
		} else if !in {
			if n == limit {
				return n
			}
			in = true
			n++
		}
	}
	return n
}

// asciiSpace marks the ASCII bytes unicode.IsSpace counts as space.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}
