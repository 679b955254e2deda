package clitest

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
)

// DevRecord is the part of a cluster dev.jsonl line that becomes a page.
type DevRecord struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	Published string `json:"published"`
}

// ReadDevRecords reads a cluster dev set.
func ReadDevRecords(t testing.TB, path string) []DevRecord {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []DevRecord
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var r DevRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	return out
}
