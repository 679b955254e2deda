package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalClusterBackfill checks the FILE,FILE stream of `eval cluster`:
// the second file ingested after the first, each in publication order.
// Here the second holds a flood of 2009 told in the words of the first
// file's flood of 2016: one clusterer (and one store, fed one `ingest`
// per file) keeps them apart, as the gold does, because a story that
// began more than a window after an article is no candidate for it.
func TestEvalClusterBackfill(t *testing.T) {
	dir := t.TempDir()
	write := func(name, story string, year int) string {
		var b strings.Builder
		for i, day := range []int{3, 4, 5} {
			text := fmt.Sprintf("The river Maren burst its banks at Holtby on %d March %d . Mayor Clara Wendt said 200 homes "+
				"were flooded and the Holtby bridge was closed . Rescue crews under Captain Jonas Pike moved families to the "+
				"Holtby school . Report %d .", day, year, i)
			rec := map[string]string{"id": fmt.Sprintf("%s-%d", story, i), "url": fmt.Sprintf("https://example.org/%s/%d", story, i),
				"title": fmt.Sprintf("Holtby flood: the Maren bursts its banks (%d)", i), "text": text,
				"published": fmt.Sprintf("%d-03-%02dT12:00:00Z", year, day), "story": story}
			line, _ := json.Marshal(rec)
			b.Write(append(line, '\n'))
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	live, old := write("live.jsonl", "flood-2016", 2016), write("old.jsonl", "flood-2009", 2009)
	code, stdout, stderr := runCmd(t, "", "eval", "cluster", "--in", live+","+old, "--stored", "--json")
	if code != 0 {
		t.Fatalf("eval cluster: exit %d\n%s", code, stderr)
	}
	var out struct {
		Results []clusterResult `json:"results"`
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("%v: %s", err, stdout)
	}
	if len(out.Results) != 1 {
		t.Fatalf("%d results, want 1: %s", len(out.Results), stdout)
	}
	r := out.Results[0]
	if r.File != "live.jsonl,old.jsonl" || r.Articles != 6 || r.Stories != 2 || r.F1 != 1 {
		t.Errorf("stream %q: %d articles in %d stories, F1 %.4f; want live.jsonl,old.jsonl: 6 in 2, F1 1", r.File, r.Articles, r.Stories, r.F1)
	}
	if r.Stored == nil || r.Stored.Stored != 6 || !r.Stored.Equal || r.Stored.F1 != 1 {
		t.Errorf("stored: %+v, want 6 articles as the clusterer placed them, F1 1", r.Stored)
	}
}

// TestEvalClusterEmptyFile: an empty name in --in ("a.jsonl," or
// "a.jsonl++b.jsonl") is a usage error that says so, not "open :".
func TestEvalClusterEmptyFile(t *testing.T) {
	for _, in := range []string{"a.jsonl,", ",a.jsonl", "a.jsonl++b.jsonl"} {
		code, _, stderr := runCmd(t, "", "eval", "cluster", "--in", in)
		if code != 2 || !strings.Contains(stderr, "a file name is empty") || strings.Contains(stderr, "open :") {
			t.Errorf("--in %q: exit %d, %s", in, code, stderr)
		}
	}
}
