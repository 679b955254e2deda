package quote

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parallax/internal/shared"
)

// seedBodies returns the GOLD body text of each seed document by id.
func seedBodies(t *testing.T) map[string]string {
	dir := shared.TestData(t, "seeds")
	raw, err := os.ReadFile(filepath.Join(dir, "GOLD.json"))
	if err != nil {
		t.Fatal(err)
	}
	var g struct {
		Documents []struct {
			File      string   `json:"file"`
			BodyLines [][2]int `json:"body_lines"`
		} `json:"documents"`
	}
	if err := json.Unmarshal(raw, &g); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, d := range g.Documents {
		b, err := os.ReadFile(filepath.Join(dir, d.File))
		if err != nil {
			t.Fatal(err)
		}
		ls := strings.Split(string(b), "\n")
		var body []string
		for _, r := range d.BodyLines {
			for i := r[0]; i <= r[1] && i <= len(ls); i++ {
				if s := strings.TrimSpace(ls[i-1]); s != "" {
					body = append(body, s)
				}
			}
		}
		out[d.File[:3]] = strings.Join(body, "\n")
	}
	return out
}

func TestSeedQuotes(t *testing.T) {
	bodies := seedBodies(t)
	want := []struct{ doc, prefix, speaker string }{
		{"000", "This is not a decision", "John Kirby"},
		{"000", "Unfortunately, Russia failed", "John Kirby"},
		{"002", "pledged solemnly", "Sergey Lavrov"},
		{"002", "Coalition actively supporting", "Brett McGurk"},
		{"002", "did carry out strikes", "Toner"},
		{"003", "the United States is making preparations", "Kerry"},
		{"004", "The UN will continue", ""},
	}
	got := map[string][]Quote{}
	for id, text := range bodies {
		got[id] = Find(text)
		for _, q := range got[id] {
			t.Logf("%s %-16q %.70s", id, q.Speaker, q.Text)
		}
	}
	for _, w := range want {
		found := false
		for _, q := range got[w.doc] {
			if strings.HasPrefix(q.Text, w.prefix) {
				found = true
				if w.speaker != "" && q.Speaker != w.speaker {
					t.Errorf("%s %q: speaker %q, want %q", w.doc, w.prefix, q.Speaker, w.speaker)
				}
			}
		}
		if !found {
			t.Errorf("%s: quote %q not found", w.doc, w.prefix)
		}
	}
}
