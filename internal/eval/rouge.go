package eval

import (
	"strings"

	"parallax/internal/nlp/stem"
	"parallax/internal/nlp/token"
)

// SummaryWords is the DUC length limit callers truncate summaries to.
const SummaryWords = 250

// ROUGE scores a summary against reference summaries as score.py does:
// lower-cased \w+ tokens, Porter-stemmed, no stop-word removal; ROUGE-1
// and ROUGE-2 F1 and ROUGE-L F1 (one LCS over the whole token sequence),
// each averaged over the references. Figures are fractions (score.py
// prints them times 100).
func ROUGE(refs []string, summary string) (r1, r2, rl float64) {
	if len(refs) == 0 {
		return 0, 0, 0
	}
	st := rougeTokens(summary)
	s1, s2 := ngrams(st, 1), ngrams(st, 2)
	for _, ref := range refs {
		rt := rougeTokens(ref)
		g1, g2 := ngrams(rt, 1), ngrams(rt, 2)
		_, _, f1 := prf(float64(overlap(g1, s1)), float64(total(s1)), float64(total(g1)))
		_, _, f2 := prf(float64(overlap(g2, s2)), float64(total(s2)), float64(total(g2)))
		_, _, fl := prf(float64(lcs(rt, st)), float64(len(st)), float64(len(rt)))
		r1 += f1
		r2 += f2
		rl += fl
	}
	n := float64(len(refs))
	return r1 / n, r2 / n, rl / n
}

// Truncate keeps the first n whitespace-separated words of s.
func Truncate(s string, n int) string {
	w := strings.Fields(s)
	if len(w) > n {
		w = w[:n]
	}
	return strings.Join(w, " ")
}

func rougeTokens(s string) []string {
	ws := token.Words(s)
	for i, w := range ws {
		ws[i] = stem.Porter(w)
	}
	return ws
}

// ngrams counts the n-grams of ts, joined by a separator no token holds.
func ngrams(ts []string, n int) map[string]int {
	m := map[string]int{}
	for i := 0; i+n <= len(ts); i++ {
		m[strings.Join(ts[i:i+n], "\x00")]++
	}
	return m
}

// lcs is the length of the longest common subsequence.
func lcs(a, b []string) int {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for _, x := range a {
		cur[0] = 0
		for j, y := range b {
			if x == y {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
