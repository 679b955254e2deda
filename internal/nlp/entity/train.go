package entity

import (
	"math/rand/v2"
)

// TrainOptions are the training settings; DefaultTrainOptions documents
// the shipped model's.
type TrainOptions struct {
	Epochs int
	Seed   uint64
	// Prune drops features whose averaged weights all stay below it.
	Prune float32
	// KeepRare turns off the hiding of words seen once (see trainer.unknown).
	KeepRare bool
	// Progress, when set, is called after every epoch with the model so far.
	Progress func(epoch int, m *Tagger)
}

// DefaultTrainOptions are the settings of the embedded model.
func DefaultTrainOptions() TrainOptions { return TrainOptions{Epochs: 16, Seed: 1, Prune: 0.05} }

// trainRow is one feature's weights and the sums for averaging
// (Daumé's trick: the average is w - u/c).
type trainRow struct {
	w [nLabels]float32
	u [nLabels]float64
}

type trainer struct {
	rows  map[uint64]*trainRow
	c     float64
	once  map[string]bool // words seen once in training
	vocab map[uint64]bool // the word features of all training words
	epoch int
}

// unknown hides half the words seen once in training (a different half
// each epoch), so that the model learns to read unknown words.
func (t *trainer) unknown(norm string) bool {
	return t.once[norm] && hashAdd(hashByte(hashKind(0), byte(t.epoch)), norm)&1 == 0
}

// classless hides the word classes of half the hidden words as well: a
// word the tagger has never seen is often one the classes' corpus has
// not seen either.
func (t *trainer) classless(norm string) bool {
	return hashAdd(hashByte(hashKind(1), byte(t.epoch)), norm)>>40&1 == 0 // not the low bit: FNV-1a's is the parity of the bytes, which unknown reads
}

func (t *trainer) score(feats []uint64, s *[nLabels]float32) {
	*s = [nLabels]float32{}
	for _, f := range feats {
		if r := t.rows[f]; r != nil {
			for k := range s {
				s[k] += r.w[k]
			}
		}
	}
}

func (t *trainer) tick(n int) { t.c += float64(n) }

// learnSeq is the structured perceptron's update for a beam: each token's
// features with gold's labels before it count for its gold label, with
// pred's for its predicted one.
func (t *trainer) learnSeq(info []tokenInfo, d *docInfo, caps bool, h history, gold, pred []int) {
	var feats []uint64
	for i := range pred {
		if gold[i] == pred[i] && (i == 0 || gold[i-1] == pred[i-1]) && (i < 2 || gold[i-2] == pred[i-2]) {
			continue // the same features for the same label: no change
		}
		feats = staticFeatures(feats[:0], info, i, d, caps)
		n := len(feats)
		g1, g2, p1, p2 := 0, 0, 0, 0
		if i > 0 {
			g1, p1 = gold[i-1], pred[i-1]
		}
		if i > 1 {
			g2, p2 = gold[i-2], pred[i-2]
		}
		feats = dynamicFeatures(feats, info[i], g1, g2, h)
		t.add(feats, gold[i], 1)
		feats = dynamicFeatures(feats[:n], info[i], p1, p2, h)
		t.add(feats, pred[i], -1)
	}
}

// add adds delta to label l's weight of each feature.
func (t *trainer) add(feats []uint64, l int, delta float32) {
	for _, f := range feats {
		r := t.rows[f]
		if r == nil {
			r = &trainRow{}
			t.rows[f] = r
		}
		r.w[l] += delta
		r.u[l] += float64(delta) * t.c
	}
}

// average returns the averaged weights as a Tagger, without the features
// whose weights all stay below prune in absolute value.
//
// The word feature of every training word is kept, zero or not: the
// tagger tells a word it knows from an unknown one by it.
func (t *trainer) average(prune float32) *Tagger {
	index := map[uint64]int32{}
	var w []float32
	for f := range t.vocab {
		if t.rows[f] == nil {
			index[f] = int32(len(w) / nLabels)
			w = append(w, make([]float32, nLabels)...)
		}
	}
	for f, r := range t.rows {
		var row [nLabels]float32
		keep := t.vocab[f]
		for k := range row {
			row[k] = r.w[k] - float32(r.u[k]/t.c)
			if row[k] >= prune || row[k] <= -prune {
				keep = true
			}
		}
		if keep {
			index[f] = int32(len(w) / nLabels)
			w = append(w, row[:]...)
		}
	}
	m := &Tagger{index: newTable(len(index)), w: w}
	for f, r := range index {
		m.index.put(f, r)
	}
	return m
}

// Train learns a tagger from documents tagged in IOB1 or IOB2. Documents
// are visited in a seeded random order each epoch, so a run is
// reproducible.
func Train(docs []CoNLLDoc, opts TrainOptions) *Tagger {
	t := &trainer{rows: map[uint64]*trainRow{}, c: 1}
	type prepared struct {
		toks [][]string
		gold [][]int
	}
	prep := make([]prepared, len(docs))
	for i, d := range docs {
		for _, s := range d.Sentences {
			prep[i].toks = append(prep[i].toks, s.Tokens)
			prep[i].gold = append(prep[i].gold, bilou(s.Tags))
		}
	}
	count := map[string]int{}
	for _, p := range prep {
		for _, s := range p.toks {
			for _, w := range s {
				count[norm(w)]++
			}
		}
	}
	t.once, t.vocab = map[string]bool{}, map[uint64]bool{}
	for w, n := range count {
		t.vocab[feat(fNorm, w)] = true
		if n == 1 && !opts.KeepRare {
			t.once[w] = true
		}
	}
	rng := rand.New(rand.NewPCG(opts.Seed, 2))
	order := make([]int, len(prep))
	for i := range order {
		order[i] = i
	}
	for e := 1; e <= opts.Epochs; e++ {
		t.epoch = e
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			p := prep[k]
			decodeDoc(t, p.toks, p.gold)
		}
		if opts.Progress != nil {
			opts.Progress(e, t.average(opts.Prune))
		}
	}
	return t.average(opts.Prune)
}
