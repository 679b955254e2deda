package extract

import (
	"regexp"
	"strings"
)

// The scraped-text classifier asks several case-insensitive regular
// expressions with many alternatives about every line, and on long
// articles that was a sixth of ingest's CPU time. Most lines contain none
// of the words the expressions look for, so each expression is guarded
// by a literal prefilter: a set of lower-case strings one of which every
// match must contain. A line that contains none cannot match, and the
// expression is not run; otherwise it decides, so results are the
// expressions' own (FuzzPrefilter checks it).

// guarded is a regular expression behind its literal prefilter.
type guarded struct {
	re  *regexp.Regexp
	any []string // lower-case: a match contains one of them
}

// lowered is a line lower-cased for the prefilters. Only ASCII letters
// are folded; ok is false when the line holds one of the two non-ASCII
// letters that (?i) folds onto ASCII ones (the Kelvin sign and the long
// s), and then every expression runs.
type lowered struct {
	s  string
	ok bool
}

func lower(s string) lowered {
	if strings.ContainsAny(s, "\u212a\u017f") {
		return lowered{}
	}
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return lowered{s: string(b), ok: true}
}

// may tells whether the line may match.
func (g *guarded) may(l lowered) bool {
	if !l.ok {
		return true
	}
	for _, lit := range g.any {
		if strings.Contains(l.s, lit) {
			return true
		}
	}
	return false
}

// MatchString is the expression's MatchString behind the prefilter.
func (g *guarded) MatchString(s string, l lowered) bool {
	return g.may(l) && g.re.MatchString(s)
}

// count is len(FindAllStringIndex(s, n)) behind the prefilter.
func (g *guarded) count(s string, l lowered, n int) int {
	if !g.may(l) {
		return 0
	}
	return len(g.re.FindAllStringIndex(s, n))
}

// startsBy tells whether s may match bylineRe, which needs "by" (any
// case) at its very start.
func startsBy(s string) bool {
	return len(s) >= 2 && s[0]|0x20 == 'b' && s[1]|0x20 == 'y'
}

var (
	creditG     = &guarded{re: creditRe, any: []string{"©", "(c)", "photo", "image", "/", "reuters", "afp"}}
	boilerWordG = &guarded{re: boilerWordRe, any: []string{"cookie", "newsletter", "all rights reserved", "copyright",
		"terms of ", "privacy policy", "donat", "patreon", "paypal", "support", "tax", "sign up", "subscribe",
		"share ", "click ", "opens in new window", "most ", "read more", "min read", "follow ", "related article",
		"popular posts", "advertisement"}}
	boilerAnyG = &guarded{re: boilerAnyRe, any: []string{"opinions expressed", "necessarily", "all rights reserved",
		"uses cookies", "this site", "this website", "related", "read more:", "popular posts from"}}
)
