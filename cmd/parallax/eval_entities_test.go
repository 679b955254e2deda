package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"parallax/internal/eval"
	"parallax/internal/shared"
)

// TestEvalEntities runs `parallax eval entities --out --json` on the CoNLL
// dev split and checks its figures against score_ner.py on the written tags.
func TestEvalEntities(t *testing.T) {
	dir := shared.TestData(t, "ner", "dev")
	script := shared.TestData(t, "..", "tools", "score_ner.py")
	py, err := exec.LookPath("python3")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("no python3 under CI")
		}
		t.Skip("no python3: cannot run score_ner.py")
	}
	pred := filepath.Join(t.TempDir(), "pred.txt")
	code, stdout, stderr := runCmd(t, "", "eval", "entities", "--dir", dir, "--out", pred, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got struct {
		Results []eval.NERResult `json:"results"`
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil || len(got.Results) == 0 {
		t.Fatalf("output %q: %v", stdout, err)
	}
	out, err := exec.Command(py, script, filepath.Join(dir, "conll.txt"), pred).Output()
	if err != nil {
		t.Fatalf("score_ner.py: %v", err)
	}
	var want eval.NERScore
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatal(err)
	}
	s := got.Results[0].Score
	if s.Gold != want.Gold || s.Pred != want.Pred || s.Correct != want.Correct {
		t.Errorf("eval entities %+v, score_ner.py %+v", s.NERCounts, want.NERCounts)
	}
	if s.F1 < 0.92 {
		t.Errorf("dev F1 %.4f, want >= 0.92", s.F1)
	}
	t.Logf("dev P %.4f R %.4f F1 %.4f (score_ner.py F1 %.4f)", s.Precision, s.Recall, s.F1, want.F1)
}
