package brief

import (
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax/internal/model"
)

// entityRef is an SGML or HTML character reference left in a text because
// nothing decodes it ("&HT;", which some wire archives use for a tab).
var entityRef = regexp.MustCompile(`&[A-Za-z][A-Za-z0-9]{0,15};`)

// wireMarks are what wire services add to a headline for editors: a note
// in lower case after "EDS-" or "EDS:" ("EDS-more details added Premier
// ... Holds Talks") and a version number at the end ("... (2)").
var (
	wireNote    = regexp.MustCompile(`^EDS?\s*[-:]\s*(?:[a-z][\w']*[\s,;]+)+`)
	wireVersion = regexp.MustCompile(`\s*\(\d{1,2}\)$`)
)

// CleanHeadline is an article's headline as the story pages show it: its
// character references decoded and the marks wire services leave for
// editors dropped ("EDS-more details added …", "… (2)").
func CleanHeadline(t string) string { return cleanHeadline(t) }

// cleanHeadline decodes the character references of a headline and drops
// those that name no character, with the spaces they leave, and the marks
// wire services leave for editors.
func cleanHeadline(t string) string {
	t = strings.TrimSpace(t)
	if strings.HasPrefix(t, "ED") {
		// The note ends where the headline's capitals begin.
		if m := wireNote.FindString(t); m != "" && len(m) < len(t) && unicode.IsUpper(rune(t[len(m)])) {
			t = t[len(m):]
		}
	}
	if strings.HasSuffix(t, ")") {
		t = wireVersion.ReplaceAllString(t, "")
	}
	if !strings.Contains(t, "&") {
		return t
	}
	t = entityRef.ReplaceAllString(html.UnescapeString(t), " ")
	return strings.Join(strings.Fields(t), " ")
}

// smallWords stay lower-case inside a headline written in title case.
var smallWords = map[string]bool{"a": true, "an": true, "and": true, "as": true, "at": true, "but": true,
	"by": true, "for": true, "from": true, "in": true, "into": true, "of": true, "on": true, "or": true,
	"over": true, "the": true, "to": true, "up": true, "with": true, "vs": true}

// truecase rewrites a headline written in capitals ("FLEA BEETLES HARM
// VARIETY OF VEGGIES", as wire services send them) in the case its words
// take in the story's own texts where they write them with capitals other
// than at a sentence's start ("US", "McCain"), else in title case (small
// words lower-case, short words without a vowel kept as written: "FBI").
// A headline with a lower-case letter is left as it is.
func truecase(t string, docs []*model.Article) string {
	if !shouting(t) {
		return t
	}
	forms := caseForms(docs)
	words := strings.Fields(t)
	for i, w := range words {
		words[i] = recase(w, i == 0, forms)
	}
	return strings.Join(words, " ")
}

// shouting reports whether a headline has two or more words of letters
// and no lower-case letter.
func shouting(t string) bool {
	n := 0
	for _, w := range strings.Fields(t) {
		if strings.ContainsFunc(w, unicode.IsLower) {
			return false
		}
		if utf8.RuneCountInString(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })) >= 2 {
			n++
		}
	}
	return n >= 2
}

// caseForms maps each lower-cased word of the texts' leads to its most
// frequent written form, counting only words not at a sentence's start.
func caseForms(docs []*model.Article) map[string]string {
	counts := map[string]map[string]int{}
	for _, d := range docs {
		text := d.Text
		if len(text) > 4000 {
			text = text[:4000]
		}
		prevEnd := true
		for _, w := range strings.Fields(text) {
			core := strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
			if core != "" && !prevEnd {
				low := strings.ToLower(core)
				if counts[low] == nil {
					counts[low] = map[string]int{}
				}
				counts[low][core]++
			}
			prevEnd = strings.ContainsAny(w[len(w)-1:], ".!?:\"”")
		}
	}
	forms := make(map[string]string, len(counts))
	for low, cs := range counts {
		best, n := "", 0
		for f, c := range cs {
			if c > n || c == n && f < best {
				best, n = f, c
			}
		}
		// A short word the texts also write in capitals is an acronym
		// there ("US" beside the pronoun "us").
		if up := strings.ToUpper(low); up != low && cs[up] > 0 && utf8.RuneCountInString(low) <= 4 {
			best = up
		}
		forms[low] = best
	}
	return forms
}

// recase writes one word of a shouted headline (with any punctuation
// around it) in its own case.
func recase(w string, first bool, forms map[string]string) string {
	start := strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
	if start < 0 {
		return w
	}
	end := strings.LastIndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
	_, size := utf8.DecodeRuneInString(w[end:])
	core, low := w[start:end+size], strings.ToLower(w[start:end+size])
	var out string
	switch f, ok := forms[low]; {
	case ok && f != low:
		out = f // as the texts write it: "McCain", "US"
	case smallWords[low] && !first:
		out = low
	case !hasVowel(low) && utf8.RuneCountInString(low) <= 4:
		out = core // an acronym, most likely
	default:
		out = capitalize(low)
	}
	if first {
		out = capitalize(out)
	}
	return w[:start] + out + w[end+size:]
}

// hasVowel reports whether a lower-case word has a vowel (y counts).
func hasVowel(w string) bool { return strings.ContainsAny(w, "aeiouy") }

// capitalize upper-cases a word's first letter.
func capitalize(w string) string {
	r, size := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[size:]
}
