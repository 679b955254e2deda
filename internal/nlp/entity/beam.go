package entity

// beamWidth is how many label sequences the tagger keeps while it reads a
// sentence. On CoNLL-2003 dev, the greedy tagger (repaired labels) of the
// same features scored F1 .907 decoded greedily, .923 with a beam of 2 and
// .925 with 4 or 8; trained with the beam of 4 as well, .930
// (docs/entities.md).
const beamWidth = 4

// seqLearner is a model that learns from whole label sequences (the
// trainer): learnSeq moves the weights towards gold and away from pred,
// two sequences of one length that start the sentence; tick counts the
// tokens seen, for averaging.
type seqLearner interface {
	learnSeq(info []tokenInfo, d *docInfo, caps bool, h history, gold, pred []int)
	tick(n int)
}

// entry is one sequence of the beam at a token: its last label, the entry
// of the token before it holds the rest.
type entry struct {
	parent int32 // index in the beam of the token before; -1 at the first token
	label  int8
	gold   bool // the sequence so far is gold's (training)
	score  float32
}

// beamSentence labels one sentence by beam search over the labels'
// constraints: each sequence's score is the sum of its tokens' scores,
// the labels before a token read as the sequence has them. The document's
// history is the one before the sentence.
//
// In training (gold set) it also returns the violation to learn from
// (Collins and Roark 2004, early update): the best sequence so far at the
// first token where no sequence of the beam agrees with gold, or the best
// whole sequence when it is not gold; nil when the best is gold.
func beamSentence(m weights, info []tokenInfo, d *docInfo, caps bool, h history, gold []int) (best, violation []int) {
	n := len(info)
	if n == 0 {
		return nil, nil
	}
	steps := make([][beamWidth]entry, n)
	sizes := make([]int, n)
	feats := make([]uint64, 0, 64)
	var static, dyn [nLabels]float32
	labelAt := func(i, k, j int) int { // label of token j < i on the sequence of entry k at token i
		for ; i > j; i-- {
			k = int(steps[i][k].parent)
		}
		return int(steps[j][k].label)
	}
	path := func(i, k int) []int {
		out := make([]int, i+1)
		for ; i >= 0; i-- {
			out[i] = int(steps[i][k].label)
			k = int(steps[i][k].parent)
		}
		return out
	}
	for i := range info {
		feats = staticFeatures(feats[:0], info, i, d, caps)
		m.score(feats, &static)
		parents := 1
		if i > 0 {
			parents = sizes[i-1]
		}
		cur := &steps[i]
		size := 0
		for p := 0; p < parents; p++ {
			l1, l2, base, onGold := 0, 0, float32(0), gold != nil
			if i > 0 {
				e := steps[i-1][p]
				l1, base, onGold = int(e.label), e.score, e.gold
				if i > 1 {
					l2 = labelAt(i-1, p, i-2)
				}
			}
			feats = dynamicFeatures(feats[:0], info[i], l1, l2, h)
			m.score(feats, &dyn)
			for l := 0; l < nLabels; l++ {
				if !allowed(l1, l) {
					continue
				}
				if i == n-1 && l != 0 {
					if q, _ := labelParts(l); q == pB || q == pI {
						continue // a name left open at the end
					}
				}
				e := entry{parent: int32(p), label: int8(l), score: base + static[l] + dyn[l], gold: onGold && l == gold[i]}
				if i == 0 {
					e.parent = -1
				}
				// Insert in score order (ties keep the first).
				k := size
				if k == beamWidth {
					if e.score <= cur[k-1].score {
						continue
					}
					k--
				} else {
					size++
				}
				for k > 0 && cur[k-1].score < e.score {
					cur[k] = cur[k-1]
					k--
				}
				cur[k] = e
			}
		}
		sizes[i] = size
		if size == 0 {
			return make([]int, n), nil
		}
		if gold != nil && violation == nil {
			in := false
			for k := 0; k < size; k++ {
				in = in || cur[k].gold
			}
			if !in {
				violation = path(i, 0)
			}
		}
	}
	best = path(n-1, 0)
	if gold != nil && violation == nil && !steps[n-1][0].gold {
		violation = best
	}
	return best, violation
}
