package pipeline

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"
)

// streamRecord is one line of the cluster package's test streams
// (../cluster/testdata): id, publication time, title and text.
type streamRecord struct {
	ID, Title, Text string
	Published       time.Time
}

// readStream reads a test stream of JSON lines.
func readStream(t *testing.T, path string) []streamRecord {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []streamRecord
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var r struct{ ID, Published, Title, Text string }
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		at, err := time.Parse(time.RFC3339, r.Published)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, streamRecord{ID: r.ID, Title: r.Title, Text: r.Text, Published: at})
	}
	return out
}
