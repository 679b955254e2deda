package search

import (
	"strings"
	"unicode"
)

// String renders q in the query language, so that Parse(q.String())
// gives q back: words, "phrases", -exclusions, then operators.
func (q Query) String() string {
	var b []string
	for _, t := range q.Terms {
		b = append(b, quote(t))
	}
	for _, t := range q.Exclude {
		b = append(b, "-"+quote(t))
	}
	for _, e := range q.Entities {
		b = append(b, strings.ToLower(e.Type)+":"+quote(e.Tokens))
	}
	for _, o := range q.Outlets {
		if strings.ContainsFunc(o, unicode.IsSpace) {
			o = `"` + o + `"`
		}
		b = append(b, "outlet:"+o)
	}
	if !q.After.IsZero() {
		b = append(b, "after:"+q.After.Format(dateLayout))
	}
	if !q.Before.IsZero() {
		b = append(b, "before:"+q.Before.Format(dateLayout))
	}
	if q.Order == Newest {
		b = append(b, "sort:newest")
	}
	return strings.Join(b, " ")
}

// quote writes tokens as a word, or as a "phrase" when there are several.
func quote(toks []string) string {
	if len(toks) == 1 {
		return toks[0]
	}
	return `"` + strings.Join(toks, " ") + `"`
}
