package extract

import (
	"strings"
	"unicode"
)

// tokens splits like Python's re \w+ (letters, numbers, underscore),
// lower-cased: the tokens of the reference scorer.
func tokens(s string) map[string]int {
	bag := map[string]int{}
	for _, t := range strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_' || unicode.IsMark(r) && false)
	}) {
		bag[strings.ToLower(t)]++
	}
	return bag
}

// prf is bag-of-tokens precision, recall and F1 of pred against gold.
func prf(pred, gold string) (p, r, f float64) {
	pb, gb := tokens(pred), tokens(gold)
	np, ng, inter := 0, 0, 0
	for t, c := range pb {
		np += c
		inter += min(c, gb[t])
	}
	for _, c := range gb {
		ng += c
	}
	if np == 0 && ng == 0 {
		return 1, 1, 1
	}
	if np > 0 {
		p = float64(inter) / float64(np)
	}
	if ng > 0 {
		r = float64(inter) / float64(ng)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}
