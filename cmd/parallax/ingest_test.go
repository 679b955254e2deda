package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parallax/internal/model"
)

const goodText = `Council approves new bridge over the river

The city council approved on Tuesday a plan to build a new bridge over the river, the mayor said in a statement to reporters.

Construction is expected to start next spring and to last two years, according to the city's engineering department.

"This bridge will connect two neighbourhoods that have been apart for too long," the mayor said.
`

// TestIngestBadInputs: each bad input gets a one-line error naming it and
// the rest of the batch is stored.
func TestIngestBadInputs(t *testing.T) {
	dir := t.TempDir()
	w := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := w("good.txt", []byte(goodText))
	huge := filepath.Join(dir, "huge.html")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(200 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	jsonl := w("batch.jsonl", []byte(strings.Join([]string{
		`{"id":"j1","title":"Storm closes schools","text":"Schools across the county closed on Monday as a storm brought heavy snow and strong winds to the region.\n\nOfficials said the schools would reopen on Wednesday.","published":"2024-01-15"}`,
		`{"id":"j2","text": "unterminated`,
	}, "\n")))
	bad := map[string]string{ // input -> what its error line must name
		w("empty.txt", nil): "empty.txt",
		w("binary.txt", []byte("\x00\x01\x02\x03ELF\x00")):                "binary.txt",
		w("latin.txt", []byte("Caf\xe9 society news\n\nA line of text.")): "latin.txt",
		huge: "huge.html",
		w("notes.docx", []byte("not an article")): "notes.docx",
		filepath.Join(dir, "missing.txt"):         "missing.txt",
		jsonl + ":2":                              "batch.jsonl:2",
	}
	args := []string{"ingest", "--db", filepath.Join(dir, "p.db"), good, jsonl}
	for p := range bad {
		if !strings.HasSuffix(p, ":2") {
			args = append(args, p)
		}
	}
	code, _, errs := runCmd(t, "", args...)
	if code != 1 { // some inputs rejected, the rest stored
		t.Fatalf("ingest exit %d, want 1: %s", code, errs)
	}
	rejectLines := map[string]bool{}
	for _, l := range strings.Split(errs, "\n") {
		if strings.HasPrefix(l, "rejected: ") {
			rejectLines[l] = true
		}
	}
	for _, name := range bad {
		found := false
		for l := range rejectLines {
			if strings.Contains(l, name+":") || strings.Contains(l, name+" ") {
				found = true
			}
		}
		if !found {
			t.Errorf("no one-line error naming %s in:\n%s", name, errs)
		}
	}
	stats := func() model.Stats {
		_, out, _ := runCmd(t, "", "stats", "--db", filepath.Join(dir, "p.db"), "--json")
		var s model.Stats
		if err := json.Unmarshal([]byte(out), &s); err != nil {
			t.Fatalf("stats %q: %v", out, err)
		}
		return s
	}
	s := stats()
	if s.Articles != 2 || s.Rejected != len(bad) {
		t.Errorf("stats = %+v, want 2 articles and %d rejected", s, len(bad))
	}
	// Again: nothing new, nothing counted twice.
	if code, _, errs := runCmd(t, "", args...); code != 1 {
		t.Fatalf("second ingest exit %d, want 1: %s", code, errs)
	}
	if s2 := stats(); s2 != s {
		t.Errorf("second run changed stats %+v -> %+v", s, s2)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{}, {"nope"}, {"ingest"}} {
		if code, _, _ := runCmd(t, "", args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}
