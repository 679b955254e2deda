package entity

// Tagger is a trained sequence tagger: an averaged perceptron over BILOU
// labels, decoded greedily left to right with the labels' constraints.
type Tagger struct {
	index *table    // feature -> row
	w     []float32 // nLabels weights a row
}

// weights is what decoding reads: the shipped Tagger, or the trainer.
type weights interface {
	score(feats []uint64, s *[nLabels]float32)
	// unknown reports whether the model reads a word as unknown.
	unknown(norm string) bool
	// classless reports whether an unknown word is read without its word
	// classes as well.
	classless(norm string) bool
}

func (m *Tagger) unknown(norm string) bool {
	_, ok := m.index.get(feat(fNorm, norm))
	return !ok
}

func (m *Tagger) classless(string) bool { return false }

func (m *Tagger) score(feats []uint64, s *[nLabels]float32) {
	*s = [nLabels]float32{}
	for _, f := range feats {
		r, ok := m.index.get(f)
		if !ok {
			continue
		}
		row := m.w[int(r)*nLabels : int(r)*nLabels+nLabels]
		for k, v := range row {
			s[k] += v
		}
	}
}

// TagDoc tags the sentences of one document; it returns IOB2 tags with the
// types PER, ORG, LOC and MISC.
func (m *Tagger) TagDoc(sents [][]string) [][]string {
	labels, _ := decodeDoc(m, sents, nil, nil)
	out := make([][]string, len(labels))
	for i, l := range labels {
		out[i] = iob2(l)
	}
	return out
}

// step is called for every token decoded: the features, the predicted
// label, and the position (sentence, token). Training uses it to update.
type step func(feats []uint64, pred int, s, i int) (label int)

// decodeDoc labels every token of a document. When learn is set it is
// given each prediction and returns the label to continue with (the gold
// one in training); gold may be nil.
//
// headlines marks the sentences that are title-case headlines (see
// docInfo.truecase).
func decodeDoc(m weights, sents [][]string, gold [][]int, learn step) (out [][]int, headlines []bool) {
	d := newDocInfo(sents)
	h := history{}
	out = make([][]int, len(sents))
	headlines = make([]bool, len(sents))
	feats := make([]uint64, 0, 64)
	var scores [nLabels]float32
	for si, toks := range sents {
		toks, tc := d.truecase(toks)
		headlines[si] = tc
		info := sentenceInfo(toks)
		for i := range info {
			info[i].unk = m.unknown(info[i].norm)
			if info[i].unk && m.classless(info[i].norm) {
				info[i].cls = nil
			}
		}
		caps := headline(toks)
		if sl, ok := m.(seqLearner); beamWidth > 1 && (learn == nil || ok && gold != nil) {
			var want []int
			if learn != nil {
				want = gold[si]
			}
			labels, gotWrong := beamSentence(m, info, d, caps, h, want)
			if learn != nil {
				if gotWrong != nil {
					sl.learnSeq(info, d, caps, h, want[:len(gotWrong)], gotWrong)
				}
				sl.tick(len(info))
			}
			if !tc {
				for i, l := range labels {
					h.remember(info[i], l)
				}
			}
			postprocess(toks, labels)
			out[si] = labels
			continue
		}
		labels := make([]int, len(toks))
		l1, l2 := 0, 0
		for i := range toks {
			feats = staticFeatures(feats[:0], info, i, d, caps)
			feats = dynamicFeatures(feats, info[i], l1, l2, h)
			m.score(feats, &scores)
			pred := argmax(&scores)
			if learn != nil {
				pred = learn(feats, pred, si, i)
			}
			pred = repair(labels, i, pred)
			labels[i] = pred
			if !tc {
				h.remember(info[i], pred)
			}
			l1, l2 = pred, l1
		}
		if n := len(labels); n > 0 {
			closeName(labels, n)
		}
		postprocess(toks, labels)
		out[si] = labels
	}
	return out, headlines
}

func argmax(s *[nLabels]float32) int {
	b := 0
	for l := 1; l < nLabels; l++ {
		if s[l] > s[b] {
			b = l
		}
	}
	return b
}

// repair makes label l at position i follow labels[:i]: a name left open
// before it is closed (B -> U, I -> L), and a continuation with nothing
// open starts a name (I -> B, L -> U). Greedy decoding thus never has to
// extend a name it should not.
func repair(labels []int, i, l int) int {
	if i > 0 && allowed(labels[i-1], l) {
		return l
	}
	if i > 0 {
		closeName(labels, i)
	}
	if l != 0 {
		if p, t := labelParts(l); p == pI {
			return label(pB, t)
		} else if p == pL {
			return label(pU, t)
		}
	}
	return l
}

// closeName closes a name left open at labels[n-1].
func closeName(labels []int, n int) {
	l := labels[n-1]
	if l == 0 {
		return
	}
	switch p, t := labelParts(l); p {
	case pB:
		labels[n-1] = label(pU, t)
	case pI:
		labels[n-1] = label(pL, t)
	}
}

// Features returns the number of features with weights.
func (m *Tagger) Features() int { return m.index.n }
