package cluster

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sync"
)

// Model is a logistic regression over the pair features: the probability
// that an article belongs to a candidate story. Features are standardized
// with Mean and Scale before the weights apply.
type Model struct {
	Features []string  `json:"features"`
	Mean     []float64 `json:"mean"`
	Scale    []float64 `json:"scale"`
	Weights  []float64 `json:"weights"`
	Bias     float64   `json:"bias"`
	// Pairs names the features whose products, two by two, also get a
	// weight (after the len(Features) plain weights, in the order of
	// Features: (a,b), (a,c), ..., (b,c), ...): the model can learn that
	// one signal matters more when another is high. Empty: none.
	Pairs []string `json:"pairs,omitempty"`
	// Note says how the model was trained.
	Note string `json:"note,omitempty"`

	once    sync.Once
	pairIdx []int
}

// Prob returns the probability that the pair with features x belongs
// together.
func (m *Model) Prob(x []float64) float64 {
	z := m.Bias
	n := len(m.Features)
	var buf [64]float64
	s := buf[:0]
	for i := range n {
		v := clip((x[i] - m.Mean[i]) / m.Scale[i])
		s = append(s, v)
		z += m.Weights[i] * v
	}
	k := n
	idx := m.pairIndex()
	for a, i := range idx {
		for _, j := range idx[a+1:] {
			z += m.Weights[k] * s[i] * s[j]
			k++
		}
	}
	return 1 / (1 + math.Exp(-z))
}

// pairIndex returns the positions in Features of the Pairs features.
func (m *Model) pairIndex() []int {
	m.once.Do(func() {
		for i, f := range m.Features {
			if slices.Contains(m.Pairs, f) {
				m.pairIdx = append(m.pairIdx, i)
			}
		}
	})
	return m.pairIdx
}

// clipZ bounds standardized features: a value far outside what training
// saw (a cosine of .9 where .1 is usual, as in a cold start) counts as
// the largest value seen, so that products of features cannot run away.
const clipZ = 3

func clip(z float64) float64 { return max(-clipZ, min(clipZ, z)) }

// expand appends the products of every two of the standardized features
// at positions idx of z (the order Pairs weights follow).
func expand(z []float64, idx []int) []float64 {
	for a, i := range idx {
		for _, j := range idx[a+1:] {
			z = append(z, z[i]*z[j])
		}
	}
	return z
}

// check reports whether m fits the current features.
func (m *Model) check() error {
	n := len(FeatureNames)
	p := len(m.pairIndex())
	nw := n + p*(p-1)/2
	if !slices.Equal(m.Features, FeatureNames) || len(m.Mean) != n || len(m.Scale) != n || len(m.Weights) != nw {
		return fmt.Errorf("cluster: model features %v, want %v", m.Features, FeatureNames)
	}
	return nil
}

//go:embed model.json
var modelJSON []byte

//go:embed guard.json
var guardJSON []byte

var defaultModel = sync.OnceValues(func() (*Model, error) { return loadModel("model.json", modelJSON) })

var defaultGuard = sync.OnceValues(func() (*Model, error) { return loadModel("guard.json", guardJSON) })

func loadModel(name string, b []byte) (*Model, error) {
	var m Model
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("cluster: %s: %w", name, err)
	}
	return &m, m.check()
}

// DefaultGuard returns the plain logistic regression (no feature
// products) trained beside the default model (guard.json, embedded); it
// panics if the file does not fit the features.
func DefaultGuard() *Model {
	m, err := defaultGuard()
	if err != nil {
		panic(err)
	}
	return m
}

// DefaultModel returns the model trained on the development sets
// (model.json, embedded). It panics if the file does not fit the features,
// which the package tests catch.
func DefaultModel() *Model {
	m, err := defaultModel()
	if err != nil {
		panic(err)
	}
	return m
}
