package cluster_test

import (
	"bytes"
	"encoding/json"
	"slices"
	"testing"

	"parallax/internal/cluster"
)

// TestDeterministicDev: clustering a development file twice gives the
// same output, byte for byte (maps are iterated in random order, so two
// runs in one process would differ if any decision depended on it).
func TestDeterministicDev(t *testing.T) {
	docs := devDocs(t, "dev.jsonl")
	if testing.Short() {
		docs = docs[:500]
	}
	out := func() []byte {
		c := cluster.New(cluster.DefaultOptions())
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		for _, d := range docs {
			a := c.Add(d)
			if err := enc.Encode([]string{d.ID, a.Story, a.Event}); err != nil {
				t.Fatal(err)
			}
		}
		return b.Bytes()
	}
	a, b := out(), out()
	if !bytes.Equal(a, b) {
		t.Fatal("two runs on the same input differ")
	}
}

// TestModelFits: the embedded model matches the features.
func TestModelFits(t *testing.T) {
	m := cluster.DefaultModel()
	n := len(cluster.FeatureNames)
	p := 0
	for _, f := range cluster.FeatureNames {
		if slices.Contains(m.Pairs, f) {
			p++
		}
	}
	if p != len(m.Pairs) {
		t.Fatalf("model pairs %v name unknown features", m.Pairs)
	}
	if want := n + p*(p-1)/2; len(m.Weights) != want {
		t.Fatalf("model has %d weights, want %d for %d features (%d in pairs)", len(m.Weights), want, n, p)
	}
}
