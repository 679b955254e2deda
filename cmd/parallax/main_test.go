package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parallax/internal/shared"
)

// runCmd runs a subcommand in-process and returns its exit status and output.
func runCmd(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Log: newLogger(&errb)}
	code = run(context.Background(), e, args)
	return code, out.String(), errb.String()
}

// seedGold is the part of the seeds' GOLD.json the tests use.
type seedGold struct {
	Documents []struct {
		File      string  `json:"file"`
		Published string  `json:"published"`
		Event     string  `json:"event"`
		TitleLine int     `json:"title_line"`
		Body      [][]int `json:"body_lines"`
		Boiler    [][]int `json:"boilerplate_lines"`
		Comments  [][]int `json:"comment_lines"`
		OnStory   [][]int `json:"on_story_lines"`
		OffStory  [][]int `json:"off_story_lines"`
	} `json:"documents"`
}

// seedsJSONL writes the five seed articles, with their GOLD publication
// dates, as a JSONL file and returns its path, the gold and the raw lines.
func seedsJSONL(t *testing.T) (string, seedGold, map[string][]string) {
	t.Helper()
	seeds, raw := shared.Seeds(t)
	var g seedGold
	if err := json.Unmarshal(raw, &g); err != nil {
		t.Fatal(err)
	}
	lines := map[string][]string{}
	var b strings.Builder
	for _, d := range seeds {
		lines[d.ID] = d.Lines
		rec, _ := json.Marshal(map[string]string{
			"id": d.ID, "source": "outlet-" + d.ID, "text": strings.Join(d.Lines, "\n"), "published": d.Published,
		})
		b.Write(rec)
		b.WriteByte('\n')
	}
	p := filepath.Join(t.TempDir(), "seeds.jsonl")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p, g, lines
}

func inRanges(n int, ranges [][]int) bool {
	for _, r := range ranges {
		if n >= r[0] && n <= r[1] {
			return true
		}
	}
	return false
}

func writeFile(t *testing.T, p, s string) {
	t.Helper()
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}
