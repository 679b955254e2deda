package cluster_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"parallax/internal/cluster"
	"parallax/internal/extract"
	"parallax/internal/shared"
)

type seedGold struct {
	Documents []struct {
		File      string  `json:"file"`
		Published string  `json:"published"`
		Event     string  `json:"event"`
		OnStory   [][]int `json:"on_story_lines"`
		OffStory  [][]int `json:"off_story_lines"`
	} `json:"documents"`
}

// TestSeeds: the five seed articles, as clean text, are one story with
// two events (the 28 Sep threat; the 3 Oct suspension), and of the
// roundup (GOLD's off_story_lines) only the on-story passages belong to
// the story.
func TestSeeds(t *testing.T) {
	dir := shared.TestData(t, "seeds")
	b, err := os.ReadFile(filepath.Join(dir, "GOLD.json"))
	if err != nil {
		t.Fatal(err)
	}
	var gold seedGold
	if err := json.Unmarshal(b, &gold); err != nil {
		t.Fatal(err)
	}
	docs := gold.Documents
	sort.SliceStable(docs, func(i, j int) bool { return docs[i].Published < docs[j].Published })
	c := cluster.New(cluster.DefaultOptions())
	got := map[string]cluster.Assignment{}
	for _, d := range docs {
		raw, err := os.ReadFile(filepath.Join(dir, d.File))
		if err != nil {
			t.Fatal(err)
		}
		res, err := extract.Extract(raw, extract.Options{Mode: extract.Text})
		if err != nil {
			t.Fatalf("%s: %v", d.File, err)
		}
		pub, err := time.Parse("2006-01-02", d.Published)
		if err != nil {
			t.Fatal(err)
		}
		got[d.File] = c.Add(cluster.Doc{ID: d.File, Title: res.Title, Text: res.Text, Lang: "en", Published: pub})
		passages := c.Passages()
		if len(d.OffStory) == 0 {
			if passages != nil {
				t.Errorf("%s: passages %v, want the whole text", d.File, passages)
			}
			continue
		}
		norm := func(s string) string { return strings.Join(strings.Fields(s), " ") } // NBSP and all
		inStory := func(line string) bool {
			for _, p := range passages {
				if strings.Contains(norm(res.Text[p.Start:p.End]), line) {
					return true
				}
			}
			return false
		}
		lines := strings.Split(string(raw), "\n")
		for _, kind := range []struct {
			ranges [][]int
			want   bool
		}{{d.OnStory, true}, {d.OffStory, false}} {
			for _, r := range kind.ranges {
				for n := r[0]; n <= r[1]; n++ {
					l := norm(lines[n-1])
					if len(l) < 40 || !strings.Contains(norm(res.Text), l) {
						continue // blank, a heading or a line extraction dropped
					}
					if inStory(l) != kind.want {
						t.Errorf("%s line %d in the story's passages: %v, want %v (%.60q)", d.File, n, !kind.want, kind.want, l)
					}
				}
			}
		}
	}
	for _, a := range docs {
		for _, b := range docs {
			ga, gb := got[a.File], got[b.File]
			if ga.Story != gb.Story {
				t.Errorf("%s and %s in different stories: %s, %s", a.File, b.File, ga.Story, gb.Story)
			}
			if (ga.Event == gb.Event) != (a.Event == b.Event) {
				t.Errorf("%s (%s) and %s (%s): events %s, %s", a.File, a.Event, b.File, b.Event, ga.Event, gb.Event)
			}
		}
	}
}
