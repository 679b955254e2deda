package brief

import (
	"regexp"
	"strings"
	"unicode"
)

// Page residue: what a page carries around its article that is not a
// sentence of the story. Each is a general signal, not a phrase of one
// page.
var (
	// webResidue: links, embeds, handles and hashtags, pipes (a dateline
	// or a comment header joined to its text: "VENICE, Louisiana | Mon
	// May 31, 2010 7:47 pm EDT", "March 21, 2011 at 5:52 pm | Our role").
	webResidue = regexp.MustCompile(`(?i)https?://|www\.|pic\.twitter\.com|\|` +
		`|(?:^|[\s(])@[a-z0-9_]{2,}\b|(?:^|\s)#[a-z][a-z0-9_]+`)
	// timeStamp: a clock time with a time zone, or a date with its year
	// followed by a clock time (a post's or comment's time stamp).
	timeStamp = regexp.MustCompile(`(?i)\b\d{1,2}:\d{2}\s*(?:[ap]\.?\s?m\.?\s*)?\(?(?:[ECMP][SD]T|ET|GMT|UTC|BST|CET|CEST)\b` +
		`|\b(?:19|20)\d\d\s*[,–—-]?\s*(?:at\s+)?\d{1,2}:\d{2}\b`)
	// pageLabel: a line that labels media or asks the reader to act, a
	// byline, a caption or a copyright notice.
	pageLabel = regexp.MustCompile(`(?i)^\W*(?:live (?:video|stream|blog|coverage|updates)|watch live|(?:video|videos|photos?|pictures|gallery|slideshow|audio|image|caption|related|update)\s*:|click|tap here|share this|follow us|subscribe|sign up|read more|advertisement|copyright|posted|updated|last updated|reply)\b` +
		`|\((?:photo|image|video)s?\s*:|\b(?:AP|Reuters|Getty|AFP) (?:photo|images)\b|all rights reserved`)
	// pageLead is pageLabel's first part, anchored at the start: the
	// labels and calls to act that open a line.
	pageLead = regexp.MustCompile(`(?i)^\W*(?:live (?:video|stream|blog|coverage|updates)|watch live|(?:video|videos|photos?|pictures|gallery|slideshow|audio|image|caption|related|update)\s*:|click|tap here|share this|follow us|subscribe|sign up|read more|advertisement|copyright|posted|updated|last updated|reply)\b`)
	// editorsNote: a wire service's note to editors ("ATTENTION EDITORS:",
	// "Editor's note:", "EDS:"), not the story.
	editorsNote = regexp.MustCompile(`(?i)^\W*(?:attention (?:news )?editors?|editor'?s'? note|eds)\s*:`)
	// byline: "By Jane Doe", "By JANE DOE, Associated Press Writer".
	byline = regexp.MustCompile(`^\W*(?:By|BY)\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){1,3}\s*(?:,|$|\s+(?:and|AND)\s)`)
)

// residue reports whether a sentence is page residue rather than a
// sentence of the story: a link, embed or hashtag, a time stamp, a
// dateline or comment header, a media label, caption, byline or notice.
//
// Each expression runs only where the literal it needs is present: the
// checks run over every sentence of a story, and Go's expressions with
// many alternatives scan the whole sentence (residueExpr is the plain
// form; a test holds them equal).
func residue(s string) bool {
	if byline.MatchString(s) || pageLead.MatchString(s) || editorsNote.MatchString(s) {
		return true
	}
	lower := strings.ToLower(s)
	if (strings.ContainsAny(s, "|@#") || strings.Contains(lower, "http") || strings.Contains(lower, "www.") ||
		strings.Contains(lower, "pic.twitter.com")) && webResidue.MatchString(s) {
		return true
	}
	if strings.IndexByte(s, ':') >= 0 && timeStamp.MatchString(s) {
		return true
	}
	return (strings.Contains(lower, "photo") || strings.Contains(lower, "image") || strings.Contains(lower, "video") ||
		strings.Contains(lower, "rights reserved")) && pageLabel.MatchString(s)
}

// aside reports whether a line stands wholly in parentheses or brackets: a
// photo credit ("(James Estrin/New York Times Photo)"), an editor's note or
// an aside, never a story's title.
func aside(s string) bool {
	t := strings.TrimSpace(s)
	if len(t) < 2 {
		return false
	}
	open, end := t[0], t[len(t)-1]
	if !(open == '(' && end == ')' || open == '[' && end == ']') {
		return false
	}
	// "(AP) Police said ... (the second)" opens and closes with a bracket
	// but is not one aside: the first bracket must close at the end.
	depth := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '(', '[':
			depth++
		case ')', ']':
			if depth--; depth == 0 && i != len(t)-1 {
				return false
			}
		}
	}
	return true
}

// residueExpr is residue without the literal guards.
func residueExpr(s string) bool {
	return webResidue.MatchString(s) || timeStamp.MatchString(s) || pageLabel.MatchString(s) || byline.MatchString(s) || editorsNote.MatchString(s)
}

// Quotation marks, opening and closing, as the archives write them.
var quoteMarks = []string{"“", "”", "\"", "``", "''"}

// speaks holds attribution words: a sentence holding one outside its quotation says
// who speaks.
var speaks = regexp.MustCompile(`(?i)\b(?:said|says|say|told|tells|according|asked|asks|added|adds|wrote|writes|stated|states|declared|explained|noted|insisted|warned|argued|announced|claimed|recalled|replied|urged|quoted|described|called)\b`)

// bareQuote reports whether a sentence is mostly a quotation that does
// not say who speaks: more than half of its letters lie between
// quotation marks and nothing outside them attributes it.
func bareQuote(s string) bool {
	in, out := quotedSplit(s)
	letters := func(t string) int {
		n := 0
		for _, r := range t {
			if unicode.IsLetter(r) {
				n++
			}
		}
		return n
	}
	li, lo := letters(in), letters(out)
	if li == 0 || li <= lo {
		return false
	}
	return !speaks.MatchString(out)
}

// quotedSplit returns the text of s inside and outside quotation marks
// (marks alternate open and close; an unclosed one runs to the end).
func quotedSplit(s string) (in, out string) {
	var bi, bo strings.Builder
	inside := false
	for i := 0; i < len(s); {
		mark := ""
		for _, m := range quoteMarks {
			if strings.HasPrefix(s[i:], m) {
				mark = m
				break
			}
		}
		switch {
		case mark == "“" || mark == "``":
			inside = true
		case mark == "”" || mark == "''":
			inside = false
		case mark == "\"":
			inside = !inside
		}
		if mark != "" {
			i += len(mark)
			continue
		}
		if inside {
			bi.WriteByte(s[i])
		} else {
			bo.WriteByte(s[i])
		}
		i++
	}
	return bi.String(), bo.String()
}
