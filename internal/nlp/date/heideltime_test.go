package date

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"parallax/internal/shared"
)

// docMeta is one line of the Timeline17 dev meta.jsonl.
type docMeta struct {
	Topic     string   `json:"topic"`
	Doc       string   `json:"doc"`
	Published string   `json:"published"`
	Mentioned []string `json:"mentioned_dates"`
}

// TestHeidelTimeAgreement compares, per article, the distinct dates Find
// resolves with those HeidelTime resolved (Timeline17 dev), and reports
// micro precision and recall over the (article, date) pairs.
func TestHeidelTimeAgreement(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode")
	}
	dir := shared.TestData(t, "summary", "timeline", "dev")
	f, err := os.Open(filepath.Join(dir, "meta.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	var tp, fp, fn, docs int
	for sc.Scan() {
		var m docMeta
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatal(err)
		}
		text, err := os.ReadFile(filepath.Join(dir, m.Topic, "docs", m.Doc))
		if err != nil {
			t.Fatal(err)
		}
		pub, err := time.Parse("2006-01-02", m.Published)
		if err != nil {
			t.Fatal(err)
		}
		gold := map[string]bool{}
		for _, d := range m.Mentioned {
			if d != "" {
				gold[d] = true
			}
		}
		got := map[string]bool{}
		for _, x := range Find(string(text), pub) {
			got[x.Date.Format("2006-01-02")] = true
		}
		for d := range got {
			if gold[d] {
				tp++
			} else {
				fp++
			}
		}
		fn += len(gold) - countIn(gold, got)
		docs++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	p := float64(tp) / float64(max(tp+fp, 1))
	r := float64(tp) / float64(max(tp+fn, 1))
	f1 := 2 * p * r / max(p+r, 1e-9)
	t.Logf("%d docs: precision %.3f recall %.3f F1 %.3f (tp %d fp %d fn %d)", docs, p, r, f1, tp, fp, fn)
	if f1 < 0.6 {
		t.Errorf("F1 %.3f against HeidelTime below 0.6", f1)
	}
}

func countIn(a, b map[string]bool) int {
	n := 0
	for k := range a {
		if b[k] {
			n++
		}
	}
	return n
}
