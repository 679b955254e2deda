package cluster

import (
	"fmt"
	"math"
)

// Pairs replays docs, in the given order, with each article placed in its
// gold story (gold[i] names the story of docs[i]), and returns the
// features of every (article, candidate story) pair the clusterer would
// score, with label 1 when the candidate is the article's gold story.
// This is the training set of the pair model (teacher forcing, as in
// Miranda et al. 2018).
func Pairs(docs []Doc, gold []string, opts Options) (x [][]float64, y []float64) {
	c := New(opts)
	for i, d := range docs {
		d = c.normalize(d)
		v := c.vectorize(d)
		cands := c.candidates(d.Lang, v.top, v.at)
		for k, f := range c.featureRows(v, cands, nil) {
			s := cands[k]
			x = append(x, f)
			if s.id == gold[i] {
				y = append(y, 1)
			} else {
				y = append(y, 0)
			}
		}
		s := c.stories[gold[i]]
		if s == nil {
			s = c.newStory(gold[i], d.Lang)
		}
		c.place(s, nil, v)
	}
	return x, y
}

// Fit trains a logistic regression on standardized features by Newton's
// method with an L2 penalty l2; weight[i] weighs example i (nil: all 1).
// It also weighs the product of every two of the features named in pairs
// (Model.Pairs).
func Fit(x [][]float64, y, weight []float64, l2 float64, pairs []string) (*Model, error) {
	if len(x) == 0 {
		return nil, fmt.Errorf("cluster: fit: no examples")
	}
	nf := len(x[0])
	if nf != len(FeatureNames) {
		return nil, fmt.Errorf("cluster: fit: %d features, want %d", nf, len(FeatureNames))
	}
	m := &Model{Features: FeatureNames, Mean: make([]float64, nf), Scale: make([]float64, nf), Pairs: pairs}
	idx := m.pairIndex()
	n := nf + len(idx)*(len(idx)-1)/2
	m.Weights = make([]float64, n)
	standardize(x, m)
	w := make([]float64, n+1) // bias last
	z := make([]float64, 0, n+1)
	for iter := 0; iter < 50; iter++ {
		g := make([]float64, n+1)
		h := make([][]float64, n+1)
		for j := range h {
			h[j] = make([]float64, n+1)
			if j < n {
				g[j] = l2 * w[j]
				h[j][j] = l2
			}
		}
		for i, row := range x {
			z = z[:0]
			for j := range nf {
				z = append(z, clip((row[j]-m.Mean[j])/m.Scale[j]))
			}
			z = expand(z, idx)
			z = append(z, 1)
			s := 0.0
			for j := range z {
				s += w[j] * z[j]
			}
			p := 1 / (1 + math.Exp(-s))
			c := 1.0
			if weight != nil {
				c = weight[i]
			}
			q := c * p * (1 - p)
			for j, zj := range z {
				g[j] += c * (p - y[i]) * zj
				hj, qz := h[j], q*zj
				for k := j; k < len(z); k++ { // upper triangle; mirrored below
					hj[k] += qz * z[k]
				}
			}
		}
		for j := range h {
			for k := 0; k < j; k++ {
				h[j][k] = h[k][j]
			}
		}
		step, err := solve(h, g)
		if err != nil {
			return nil, err
		}
		delta := 0.0
		for j := range w {
			w[j] -= step[j]
			delta = max(delta, math.Abs(step[j]))
		}
		if delta < 1e-8 {
			break
		}
	}
	copy(m.Weights, w[:n])
	m.Bias = w[n]
	return m, nil
}

// standardize sets m's Mean and Scale from x.
func standardize(x [][]float64, m *Model) {
	n := float64(len(x))
	for _, row := range x {
		for j, v := range row {
			m.Mean[j] += v / n
		}
	}
	for _, row := range x {
		for j, v := range row {
			m.Scale[j] += (v - m.Mean[j]) * (v - m.Mean[j]) / n
		}
	}
	for j := range m.Scale {
		m.Scale[j] = math.Sqrt(m.Scale[j])
		if m.Scale[j] == 0 {
			m.Scale[j] = 1
		}
	}
}

// solve solves a x = b by Gaussian elimination with partial pivoting.
func solve(a [][]float64, b []float64) ([]float64, error) {
	n := len(b)
	for i := range n {
		p := i
		for r := i + 1; r < n; r++ {
			if math.Abs(a[r][i]) > math.Abs(a[p][i]) {
				p = r
			}
		}
		if math.Abs(a[p][i]) < 1e-12 {
			return nil, fmt.Errorf("cluster: fit: singular system")
		}
		a[i], a[p] = a[p], a[i]
		b[i], b[p] = b[p], b[i]
		for r := i + 1; r < n; r++ {
			f := a[r][i] / a[i][i]
			for k := i; k < n; k++ {
				a[r][k] -= f * a[i][k]
			}
			b[r] -= f * b[i]
		}
	}
	x := make([]float64, n)
	for i := n - 1; i >= 0; i-- {
		s := b[i]
		for k := i + 1; k < n; k++ {
			s -= a[i][k] * x[k]
		}
		x[i] = s / a[i][i]
	}
	return x, nil
}
