package cluster_test

import (
	"bytes"
	"encoding/json"
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
	want := n
	if m.Pairs {
		want += n * (n - 1) / 2
	}
	if len(m.Weights) != want {
		t.Fatalf("model has %d weights, want %d for %d features (pairs %v)", len(m.Weights), want, n, m.Pairs)
	}
}
