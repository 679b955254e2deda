package eval

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"parallax/internal/cluster"
	"parallax/internal/shared"
)

// scorePy runs ../shared/tools/score.py with a python3 that has nltk, or
// skips the test.
func scorePy(t *testing.T, args ...string) map[string]float64 {
	t.Helper()
	script := shared.TestData(t, "..", "tools", "score.py")
	py := ""
	for _, cand := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(cand, "-c", "import nltk.stem.porter").Run() == nil {
			py = cand
			break
		}
	}
	if py == "" {
		t.Skip("no python3 with nltk (Debian python3-nltk): cannot compare with score.py")
	}
	out, err := exec.Command(py, append([]string{script}, args...)...).Output()
	if err != nil {
		t.Fatalf("score.py %v: %v", args, err)
	}
	var m map[string]float64
	if err := json.Unmarshal(bytes.TrimSpace(out), &m); err != nil {
		t.Fatalf("score.py output %q: %v", out, err)
	}
	return m
}

// same requires want (already rounded by score.py to digits) to equal got rounded.
func same(t *testing.T, what string, want, got float64, digits int) {
	t.Helper()
	k := math.Pow(10, float64(digits))
	if math.Round(got*k) != math.Round(want*k) {
		t.Errorf("%s: score.py %v, eval %.6f", what, want, got)
	}
}

func TestBCubedAgreesWithScorePy(t *testing.T) {
	gold := shared.TestData(t, "cluster", "dev.jsonl")
	set, err := ReadClusterSet(gold)
	if err != nil {
		t.Fatal(err)
	}
	g, ids := set.Gold()
	pred := map[string]string{}
	all := RunClusterIDs(set, cluster.DefaultOptions())
	var buf bytes.Buffer
	for i, id := range ids {
		if i%17 == 0 {
			continue // missing predictions count as singletons
		}
		a := all[id]
		pred[id] = a
		b, _ := json.Marshal(map[string]string{"id": id, "story": a})
		buf.Write(append(b, '\n'))
	}
	path := filepath.Join(t.TempDir(), "pred.jsonl")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	want := scorePy(t, "cluster", gold, path)
	p, r, f := BCubedOrdered(ids, g, pred)
	same(t, "P", want["bcubed_p"], p, 4)
	same(t, "R", want["bcubed_r"], r, 4)
	same(t, "F1", want["bcubed_f1"], f, 4)
}

func TestTokenPRFAgreesWithScorePy(t *testing.T) {
	set, err := ReadExtractSet(shared.TestData(t, "extract", "dev"))
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	// The scraped text, kept whole, is a prediction with real errors.
	sc, err := ScoreExtract(set, KeepAll(), shared.TestData(t, "extract", "dev-text"), out)
	if err != nil {
		t.Fatal(err)
	}
	want := scorePy(t, "extract", filepath.Join(set.Dir, "gold"), out)
	same(t, "P", want["precision"], sc.All.Precision, 4)
	same(t, "R", want["recall"], sc.All.Recall, 4)
	same(t, "F1", want["f1"], sc.All.F1, 4)
}

func TestROUGEAgreesWithScorePy(t *testing.T) {
	dir := shared.TestData(t, "summary", "dev")
	topics, err := ReadSummarySet(dir)
	if err != nil {
		t.Fatal(err)
	}
	sums := Summaries(topics, LeadSummary, false)
	b, _ := json.Marshal(sums)
	path := filepath.Join(t.TempDir(), "pred.json")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	want := scorePy(t, "rouge", filepath.Join(dir, "refs.json"), path)
	got := ScoreSummaries(topics, sums)
	same(t, "R-1", want["rouge1"], got.R1, 2)
	same(t, "R-2", want["rouge2"], got.R2, 2)
	same(t, "R-L", want["rougeL"], got.RL, 2)
	if got.R1 < 10 {
		t.Errorf("lead summaries score R-1 %.2f: reading the set went wrong", got.R1)
	}
}
