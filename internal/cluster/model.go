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
	// Note says how the model was trained.
	Note string `json:"note,omitempty"`
}

// Prob returns the probability that the pair with features x belongs
// together.
func (m *Model) Prob(x []float64) float64 {
	z := m.Bias
	for i, w := range m.Weights {
		z += w * (x[i] - m.Mean[i]) / m.Scale[i]
	}
	return 1 / (1 + math.Exp(-z))
}

// check reports whether m fits the current features.
func (m *Model) check() error {
	n := len(FeatureNames)
	if !slices.Equal(m.Features, FeatureNames) || len(m.Mean) != n || len(m.Scale) != n || len(m.Weights) != n {
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
