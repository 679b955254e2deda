package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestSearchCommand ingests three invented articles and searches them
// with parallax search, as text and as JSON; bad queries are usage
// errors (exit 2).
func TestSearchCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	in := filepath.Join(dir, "in.jsonl")
	writeFile(t, in, strings.Join([]string{
		`{"id":"v1","source":"lava.example","title":"Volcano erupts on the island","text":"The volcano erupted on Monday. Ash covered the villages and flights were cancelled.","published":"2024-05-06"}`,
		`{"id":"v2","source":"ash.example","title":"Flights resume after the eruption","text":"Airlines resumed flights on Thursday as the ash cloud from the volcano thinned.","published":"2024-05-09"}`,
		`{"id":"m1","source":"run.example","title":"Marathon record falls","text":"A runner broke the course record at the city marathon on Sunday.","published":"2024-05-05"}`,
	}, "\n")+"\n")
	if code, _, stderr := runCmd(t, "", "ingest", "--db", db, in); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	code, out, stderr := runCmd(t, "", "search", "--db", db, "--json", "volcano -cancelled")
	if code != 0 {
		t.Fatalf("search: exit %d: %s", code, stderr)
	}
	var res struct {
		Query   string
		Total   int
		Results []struct{ Kind, ID, Snippet string }
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("search --json: %v\n%s", err, out)
	}
	var articles []string
	for _, r := range res.Results {
		if r.Kind == "article" {
			articles = append(articles, r.ID)
		}
	}
	if res.Query != "volcano -cancelled" || len(articles) != 1 || articles[0] != "v2" || res.Total != len(res.Results) {
		t.Errorf("search --json = %+v, want article v2 only", res)
	}
	code, out, _ = runCmd(t, "", "search", "--db", db, "--limit", "1", "marathon", "after:2024-05-01")
	if code != 0 || !strings.Contains(out, "results (") || !strings.Contains(out, "1. [") || strings.Contains(out, "2. [") {
		t.Errorf("search text: exit %d\n%s", code, out)
	}
	for _, bad := range [][]string{{"after:someday", "x"}, {"-"}, {"--limit", "0", "volcano"}} {
		if code, _, _ := runCmd(t, "", append([]string{"search", "--db", db}, bad...)...); code != 2 {
			t.Errorf("search %v: exit %d, want 2", bad, code)
		}
	}
}
