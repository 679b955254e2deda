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
	// Pairs adds a weight for the product of every two standardized
	// features (after the len(Features) plain weights, in order (0,1),
	// (0,2), ..., (1,2), ...): the model can learn that one signal matters
	// more when another is high.
	Pairs bool `json:"pairs,omitempty"`
	// Note says how the model was trained.
	Note string `json:"note,omitempty"`
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
	if m.Pairs {
		k := n
		for i := range n {
			for j := i + 1; j < n; j++ {
				z += m.Weights[k] * s[i] * s[j]
				k++
			}
		}
	}
	return 1 / (1 + math.Exp(-z))
}

// clipZ bounds standardized features: a value far outside what training
// saw (a cosine of .9 where .1 is usual, as in a cold start) counts as
// the largest value seen, so that products of features cannot run away.
const clipZ = 3

func clip(z float64) float64 { return max(-clipZ, min(clipZ, z)) }

// expand appends the products of every two of the n standardized features
// in z[:n] (the order Pairs weights follow).
func expand(z []float64, n int) []float64 {
	for i := range n {
		for j := i + 1; j < n; j++ {
			z = append(z, z[i]*z[j])
		}
	}
	return z
}

// check reports whether m fits the current features.
func (m *Model) check() error {
	n := len(FeatureNames)
	nw := n
	if m.Pairs {
		nw += n * (n - 1) / 2
	}
	if !slices.Equal(m.Features, FeatureNames) || len(m.Mean) != n || len(m.Scale) != n || len(m.Weights) != nw {
		return fmt.Errorf("cluster: model features %v, want %v", m.Features, FeatureNames)
	}
	return nil
}

//go:embed model.json
var modelJSON []byte

var defaultModel = sync.OnceValues(func() (*Model, error) {
	var m Model
	if err := json.Unmarshal(modelJSON, &m); err != nil {
		return nil, fmt.Errorf("cluster: model.json: %w", err)
	}
	return &m, m.check()
})

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
