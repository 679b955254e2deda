package extract

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parallax/internal/shared"
)

// Floors for the dev-set scores (measured, minus a small margin).
const (
	devHTMLFloor = 0.97 // overall and on the aeb-* pages
	devTextFloor = 0.85
)

type devDoc struct {
	Name, URL, Title, Source string
}

func readDevMeta(t testing.TB, dir string) []devDoc {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "meta.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var docs []devDoc
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var d devDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

// devScore extracts every dev document in the given mode and returns the
// mean F1 overall and per source. With PARALLAX_PRED_DIR set it also writes
// the predictions there, for the reference scorer.
func devScore(t *testing.T, mode Mode) (mean float64, bySource map[string]float64) {
	dir := shared.TestData(t, "extract", "dev")
	docs := readDevMeta(t, dir)
	predDir := os.Getenv("PARALLAX_PRED_DIR")
	sums, counts := map[string]float64{}, map[string]int{}
	for _, d := range docs {
		var path string
		if mode == HTML {
			path = filepath.Join(dir, "html", d.Name+".html")
		} else {
			path = filepath.Join(dir, "..", "dev-text", d.Name+".txt")
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		gold, err := os.ReadFile(filepath.Join(dir, "gold", d.Name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		var text string
		res, err := Extract(data, Options{URL: d.URL, Mode: mode, Fallback: true})
		if err == nil {
			text = res.Text
		}
		if predDir != "" {
			os.WriteFile(filepath.Join(predDir, d.Name+".txt"), []byte(text), 0o644)
		}
		_, _, f := prf(text, string(gold))
		if testing.Verbose() && os.Getenv("PARALLAX_DEV_DOCS") != "" {
			t.Logf("%.3f %s", f, d.Name)
		}
		src := strings.SplitN(d.Name, "-", 2)[0]
		sums[src] += f
		counts[src]++
		sums[""] += f
		counts[""]++
	}
	bySource = map[string]float64{}
	for k, v := range sums {
		bySource[k] = v / float64(counts[k])
	}
	return bySource[""], bySource
}

func TestDevHTML(t *testing.T) {
	if testing.Short() {
		t.Skip("dev set is slow")
	}
	mean, by := devScore(t, HTML)
	t.Logf("HTML dev F1 %.4f (aeb %.4f, rd %.4f)", mean, by["aeb"], by["rd"])
	if mean < devHTMLFloor {
		t.Errorf("HTML dev F1 %.4f < floor %.2f", mean, devHTMLFloor)
	}
	if by["aeb"] < devHTMLFloor {
		t.Errorf("HTML dev F1 on aeb pages %.4f < floor %.2f", by["aeb"], devHTMLFloor)
	}
}

func TestDevText(t *testing.T) {
	mean, by := devScore(t, Text)
	t.Logf("text dev F1 %.4f (aeb %.4f, rd %.4f)", mean, by["aeb"], by["rd"])
	if mean < devTextFloor {
		t.Errorf("text dev F1 %.4f < floor %.2f", mean, devTextFloor)
	}
}
