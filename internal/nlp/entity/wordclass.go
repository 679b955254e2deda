package entity

import (
	"cmp"
	"math"
	"slices"
)

// WordClassOptions are the settings of LearnWordClasses.
type WordClassOptions struct {
	Classes  int // number of classes
	MinCount int // words seen fewer times get no class
	Passes   int // passes of the exchange over the vocabulary
}

// LearnWordClasses groups the words of an unlabelled corpus (sentences of
// tokens) into classes of words that follow the same words, by the
// exchange algorithm on the predictive class bigram model (Uszkoreit and
// Brants 2008, "Distributed Word Clustering for Large Scale Class-Based
// Language Modeling in Machine Translation"): P(v | w) = P(class(v) | w)
// P(v | class(v)), each word moved in turn to the class that most raises
// the corpus likelihood. Words of one class tend to play one part
// ("Monday", "Tuesday"; "Hayward", "Suttles"; "Exxon", "Chevron"), which
// tells the tagger the part of a word it has never seen labelled.
//
// It returns each word's class, in 0..Classes-1. The result depends only
// on the corpus and the options.
func LearnWordClasses(sents [][]string, opts WordClassOptions) map[string]int {
	if opts.Classes < 2 || opts.Passes < 1 {
		return nil
	}
	count := map[string]int{}
	for _, s := range sents {
		for _, w := range s {
			count[w]++
		}
	}
	// Words in order of frequency (ties by the word): ids 0..V-1 predict,
	// V is the sentence start and V+1 every rarer word, as histories.
	var vocab []string
	for w, n := range count {
		if n >= opts.MinCount {
			vocab = append(vocab, w)
		}
	}
	slices.SortFunc(vocab, func(a, b string) int {
		if c := cmp.Compare(count[b], count[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	V := len(vocab)
	if V == 0 {
		return nil
	}
	id := make(map[string]int32, V)
	for i, w := range vocab {
		id[w] = int32(i)
	}
	start, rare := int32(V), int32(V+1)
	// Bigram counts by predicted word: preds[v] lists (history, count).
	type hist struct {
		w int32
		n int32
	}
	bigrams := map[[2]int32]int32{}
	for _, s := range sents {
		prev := start
		for _, w := range s {
			v, ok := id[w]
			if !ok {
				prev = rare
				continue
			}
			bigrams[[2]int32{prev, v}]++
			prev = v
		}
	}
	preds := make([][]hist, V)
	unigram := make([]int64, V) // times predicted
	for k, n := range bigrams {
		preds[k[1]] = append(preds[k[1]], hist{k[0], n})
		unigram[k[1]] += int64(n)
	}
	for _, p := range preds {
		slices.SortFunc(p, func(a, b hist) int { return cmp.Compare(a.w, b.w) })
	}
	C := opts.Classes
	class := make([]int32, V)
	for v := range class {
		class[v] = int32(v % C)
	}
	H := V + 2
	nwc := make([]int32, H*C) // N(history, class)
	nc := make([]int64, C)    // N(class)
	for v, p := range preds {
		c := int(class[v])
		for _, h := range p {
			nwc[int(h.w)*C+c] += h.n
		}
		nc[c] += unigram[v]
	}
	var xlogx [1 << 16]float64
	for i := 1; i < len(xlogx); i++ {
		xlogx[i] = float64(i) * math.Log(float64(i))
	}
	f := func(x int64) float64 {
		if x < int64(len(xlogx)) {
			return xlogx[x]
		}
		return float64(x) * math.Log(float64(x))
	}
	gain := make([]float64, C)
	for pass := 0; pass < opts.Passes; pass++ {
		moved := 0
		for v := 0; v < V; v++ {
			p, old := preds[v], int(class[v])
			// Take v out of its class.
			for _, h := range p {
				nwc[int(h.w)*C+old] -= h.n
			}
			nc[old] -= unigram[v]
			// The likelihood gained by putting it back into each class.
			for c := range gain {
				gain[c] = f(nc[c]) - f(nc[c]+unigram[v])
			}
			for _, h := range p {
				row := nwc[int(h.w)*C : int(h.w)*C+C]
				n := int64(h.n)
				for c, x := range row {
					gain[c] += f(int64(x)+n) - f(int64(x))
				}
			}
			best := old
			for c, g := range gain {
				if g > gain[best]+1e-9 {
					best = c
				}
			}
			if best != old {
				moved++
			}
			class[v] = int32(best)
			for _, h := range p {
				nwc[int(h.w)*C+best] += h.n
			}
			nc[best] += unigram[v]
		}
		if moved == 0 {
			break
		}
	}
	out := make(map[string]int, V)
	for v, w := range vocab {
		out[w] = int(class[v])
	}
	return out
}
