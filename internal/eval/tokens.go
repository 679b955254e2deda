package eval

import "parallax/internal/nlp/token"

// TokenPRF is score.py's extraction metric for one document: precision,
// recall and F1 of the multiset intersection of lower-cased \w+ tokens.
// Two empty texts score 1.
func TokenPRF(gold, pred string) (p, r, f float64) {
	g, q := bag(token.Words(gold)), bag(token.Words(pred))
	ng, nq := total(g), total(q)
	if ng == 0 && nq == 0 {
		return 1, 1, 1
	}
	return prf(float64(overlap(g, q)), float64(nq), float64(ng))
}

// prf is score.py's prf.
func prf(inter, npred, ngold float64) (p, r, f float64) {
	if npred > 0 {
		p = inter / npred
	}
	if ngold > 0 {
		r = inter / ngold
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

func bag[K comparable](ts []K) map[K]int {
	m := make(map[K]int, len(ts))
	for _, t := range ts {
		m[t]++
	}
	return m
}

func total[K comparable](m map[K]int) int {
	n := 0
	for _, c := range m {
		n += c
	}
	return n
}

// overlap is the size of the multiset intersection.
func overlap[K comparable](a, b map[K]int) int {
	n := 0
	for k, c := range a {
		n += min(c, b[k])
	}
	return n
}
