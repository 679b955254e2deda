package entity

// Tagger is a trained sequence tagger: an averaged perceptron over BILOU
// labels, decoded by beam search within the labels' constraints.
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
	labels, _ := decodeDoc(m, sents, nil)
	out := make([][]string, len(labels))
	for i, l := range labels {
		out[i] = iob2(l)
	}
	return out
}

// decodeDoc labels every token of a document by beam search
// (beamSentence). With gold labels, m is the trainer, which learns from
// each sentence before the next is read.
//
// headlines marks the sentences that are title-case headlines (see
// docInfo.truecase).
func decodeDoc(m weights, sents [][]string, gold [][]int) (out [][]int, headlines []bool) {
	d := newDocInfo(sents)
	h := history{}
	out = make([][]int, len(sents))
	headlines = make([]bool, len(sents))
	learner, _ := m.(seqLearner)
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
		var want []int
		if gold != nil && learner != nil {
			want = gold[si]
		}
		labels, violation := beamSentence(m, info, d, caps, h, want)
		if want != nil {
			if violation != nil {
				learner.learnSeq(info, d, caps, h, want[:len(violation)], violation)
			}
			learner.tick(len(info))
		}
		if !tc {
			for i, l := range labels {
				h.remember(info[i], l)
			}
		}
		postprocess(toks, labels)
		out[si] = labels
	}
	return out, headlines
}

// Features returns the number of features with weights.
func (m *Tagger) Features() int { return m.index.n }
