package main

import (
	"encoding/json"
	"testing"

	"parallax/internal/eval"
	"parallax/internal/shared"
)

// TestEvalQuotes runs `parallax eval quotes --json` and checks that it
// scores both halves of the annotated quotations as the eval package does.
func TestEvalQuotes(t *testing.T) {
	dir := shared.TestData(t, "cluster")
	code, stdout, stderr := runCmd(t, "", "eval", "quotes", "--dir", dir, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got struct {
		Halves []eval.QuoteRun `json:"halves"`
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil || len(got.Halves) != 2 {
		t.Fatalf("output %q: %v", stdout, err)
	}
	gold, err := eval.ClusterQuoteGold()
	if err != nil {
		t.Fatal(err)
	}
	texts, err := eval.QuoteTexts(dir, gold)
	if err != nil {
		t.Fatal(err)
	}
	want := eval.RunQuotes(gold, texts, findQuotes)
	for i, h := range got.Halves {
		if h != want[i] {
			t.Errorf("half %d: command %+v, eval %+v", i, h, want[i])
		}
		t.Logf("%s: P %.3f R %.3f", h.Half, h.Score.P, h.Score.R)
	}
	if got.Halves[0].Half != "tune" || got.Halves[1].Half != "held-out" || got.Halves[1].Quotes < 150 {
		t.Errorf("halves %+v", got.Halves)
	}
}
