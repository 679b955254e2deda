package brief

import (
	"encoding/json"
	"testing"

	"parallax/internal/eval"
	"parallax/internal/model"
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

// TestDeterministicOneArticle: the one-article stories of dev.jsonl (whose
// claims tie once the outlet bonus is added to their salience) give the
// same brief however Go orders its maps. Their claims came out in another
// order from run to run while the centroid's norm was summed in map order.
func TestDeterministicOneArticle(t *testing.T) {
	set, err := eval.ReadClusterSet(shared.TestData(t, "cluster", "dev.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range set.Articles[:min(len(set.Articles), 150)] {
		pub, _ := eval.ParseTime(a.Published)
		docs := []*model.Article{{ID: a.ID, Source: a.Source, Title: a.Title, Text: a.Text, Published: pub}}
		var first []byte
		for run := range 4 {
			b, err := json.Marshal(Build(docs, Options{MaxSentences: 5}))
			if err != nil {
				t.Fatal(err)
			}
			if run == 0 {
				first = b
			} else if string(b) != string(first) {
				t.Fatalf("article %s: run %d gave a different brief", a.ID, run)
			}
		}
	}
}
