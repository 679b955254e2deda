package eval

import (
	"strings"

	"parallax/internal/nlp/stem"
)

// rouge155Tokens splits a text as ROUGE-1.5.5 does when tilse runs it
// with stemming and stop-word removal (-m -s): ASCII lower-cased, every
// character but a letter or a digit a separator, the SMART stop words
// dropped, tokens longer than three characters Porter-stemmed. ROUGE
// first looks a token up in WordNet's exception lists (went -> go); that
// step is left out, so an irregular form stays itself.
func rouge155Tokens(s string) []string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
	out := f[:0]
	for _, w := range f {
		if rouge155Stop[w] {
			continue
		}
		if len(w) > 3 {
			w = stem.Porter(w)
		}
		out = append(out, w)
	}
	return out
}

// rougeCounts is ROUGE-1.5.5's raw counts (-t 2) for one peer and one
// model: hits (clipped n-gram overlap), peer n-grams, model n-grams.
type rougeCounts struct{ hit, peer, model float64 }

// rouge155Counts counts the n-grams of a peer text against one model text.
func rouge155Counts(model, peer []string, n int) rougeCounts {
	m, p := ngrams(model, n), ngrams(peer, n)
	return rougeCounts{float64(overlap(m, p)), float64(total(p)), float64(total(m))}
}
