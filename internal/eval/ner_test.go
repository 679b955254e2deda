package eval

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"parallax/internal/shared"
)

// scoreNERPy runs ../shared/tools/score_ner.py (standard library only).
func scoreNERPy(t *testing.T, gold, pred string) NERScore {
	t.Helper()
	script := shared.TestData(t, "..", "tools", "score_ner.py")
	py, err := exec.LookPath("python3")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("no python3 under CI")
		}
		t.Skip("no python3: cannot compare with score_ner.py")
	}
	out, err := exec.Command(py, script, gold, pred).Output()
	if err != nil {
		t.Fatalf("score_ner.py: %v", err)
	}
	var s NERScore
	if err := json.Unmarshal(bytes.TrimSpace(out), &s); err != nil {
		t.Fatalf("score_ner.py output %q: %v", out, err)
	}
	return s
}

func sameCounts(t *testing.T, what string, want, got NERCounts) {
	t.Helper()
	if want.Gold != got.Gold || want.Pred != got.Pred || want.Correct != got.Correct {
		t.Errorf("%s counts: score_ner.py %+v, eval %+v", what, want, got)
	}
	same(t, what+" P", want.Precision, got.Precision, 6)
	same(t, what+" R", want.Recall, got.Recall, 6)
	same(t, what+" F1", want.F1, got.F1, 6)
}

// TestNERAgreesWithScoreNER checks RunNER's figures against score_ner.py on
// the written predictions, for the model and for the rule finder (whose
// tags are often ill-formed IOB: I- after O, type changes inside a run).
func TestNERAgreesWithScoreNER(t *testing.T) {
	dir := shared.TestData(t, "ner", "dev")
	set, err := ReadNERSet(dir)
	if err != nil {
		t.Fatal(err)
	}
	model, err := ParallaxNER()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []NERFinder{model, RulesNER()} {
		t.Run(f.Name, func(t *testing.T) {
			r := RunNER(set, f)
			path := filepath.Join(t.TempDir(), "pred.txt")
			var buf bytes.Buffer
			if err := WriteNERPred(&buf, set, r.Pred); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			want := scoreNERPy(t, set.Path, path)
			sameCounts(t, "all", want.NERCounts, r.Score.NERCounts)
			for _, typ := range DefaultNERTypes {
				sameCounts(t, typ, want.PerType[typ], r.Score.PerType[typ])
			}
			t.Logf("%s: P %.4f R %.4f F1 %.4f, %.0f tokens/s", f.Name, r.Score.Precision, r.Score.Recall, r.Score.F1, r.TokensPerSec)
			if f.Name == "parallax" && r.Score.F1 < 0.88 {
				t.Errorf("dev F1 %.4f, want >= 0.88", r.Score.F1)
			}
		})
	}
}

func TestPhrases(t *testing.T) {
	tests := []struct {
		name string
		tags []string
		want []phrase
	}{
		{"IOB2", []string{"B-PER", "I-PER", "O", "B-LOC"}, []phrase{{0, 0, 1, "PER"}, {0, 3, 3, "LOC"}}},
		{"IOB1", []string{"I-ORG", "I-ORG", "B-ORG", "O"}, []phrase{{0, 0, 1, "ORG"}, {0, 2, 2, "ORG"}}},
		{"TypeChange", []string{"B-PER", "I-ORG", "I-ORG"}, []phrase{{0, 0, 0, "PER"}, {0, 1, 2, "ORG"}}},
		{"IOBES", []string{"S-LOC", "B-PER", "E-PER", "I-PER"}, []phrase{{0, 0, 0, "LOC"}, {0, 1, 2, "PER"}, {0, 3, 3, "PER"}}},
		{"Malformed", []string{"X", "B-", "I-MISC"}, []phrase{{0, 2, 2, "MISC"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := phrases(0, tc.tags)
			if len(got) != len(tc.want) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("got %v, want %v", got, tc.want)
				}
			}
		})
	}
}
