package brief

import (
	"encoding/json"
	"testing"

	"parallax/internal/eval"
	"parallax/internal/shared"
)

// TestDeterministic: the same articles give the same brief, byte for byte,
// however Go orders its maps (each build sees new map orders).
func TestDeterministic(t *testing.T) {
	topics, err := eval.ReadSummarySet(shared.TestData(t, "summary", "dev"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tp := range topics[:4] {
		var first []byte
		for run := range 4 {
			b, err := json.Marshal(Build(tp.Docs, Options{Query: tp.Query, MaxSentences: 15}))
			if err != nil {
				t.Fatal(err)
			}
			if run == 0 {
				first = b
			} else if string(b) != string(first) {
				t.Fatalf("topic %s: run %d gave a different brief", tp.Name, run)
			}
		}
	}
}
