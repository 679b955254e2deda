package shared

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
)

// SeedDoc is one of the five seed articles in shared/data/seeds.
type SeedDoc struct {
	ID        string   // "000" .. "004": the file name's prefix
	File      string   // the file's name
	Published string   // YYYY-MM-DD, from GOLD.json
	Lines     []string // the file's lines as scraped
	Body      string   // GOLD's body lines, trimmed, blank ones dropped, "\n" between them
}

// Seeds reads the seed articles in GOLD.json's order, with GOLD.json's
// bytes for the fields a test needs. It skips or fails the test as
// TestData does when the data is missing.
func Seeds(t TB) ([]SeedDoc, []byte) {
	t.Helper()
	dir := TestData(t, "seeds")
	gold, err := os.ReadFile(filepath.Join(dir, "GOLD.json"))
	if err != nil {
		t.Fatalf("seeds: %v", err)
	}
	var g struct {
		Documents []struct {
			File      string   `json:"file"`
			Published string   `json:"published"`
			BodyLines [][2]int `json:"body_lines"`
		} `json:"documents"`
	}
	if err := json.Unmarshal(gold, &g); err != nil {
		t.Fatalf("seeds GOLD.json: %v", err)
	}
	var docs []SeedDoc
	for _, d := range g.Documents {
		b, err := os.ReadFile(filepath.Join(dir, d.File))
		if err != nil {
			t.Fatalf("seeds: %v", err)
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
		docs = append(docs, SeedDoc{ID: d.File[:3], File: d.File, Published: d.Published, Lines: ls, Body: strings.Join(body, "\n")})
	}
	return docs, gold
}
