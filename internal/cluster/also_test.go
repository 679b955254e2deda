package cluster_test

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"parallax/internal/cluster"
)

// readStream reads a testdata stream: JSON lines of id, published, title
// and text.
func readStream(t *testing.T, path string) []cluster.Doc {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var docs []cluster.Doc
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var r struct{ ID, Published, Title, Text string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		at, err := time.Parse(time.RFC3339, r.Published)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, cluster.Doc{ID: r.ID, Title: r.Title, Text: r.Text, Lang: "en", Published: at})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return docs
}

// topicNames are names only one of the test streams' running stories
// uses.
var topicNames = map[string]string{"bridge": "Harlan Street", "stadium": "Mariners", "fire": "Brennan Fire"}

// TestRoundupAlso: a morning briefing with a section on each of three
// running stories joins one of them and is placed in the other two, each
// time with only its section about that story; the weather, which no
// story covers, goes nowhere. Restoring the assignments (Restore and
// RestoreAlso) gives a clusterer that places the next article as the
// original does.
func TestRoundupAlso(t *testing.T) {
	docs := readStream(t, "testdata/roundup/stream.jsonl")
	c := cluster.New(cluster.DefaultOptions())
	story := map[string]string{} // article id -> story
	assigned := map[string]cluster.Assignment{}
	var also []cluster.Placement
	for _, d := range docs {
		a := c.Add(d)
		story[d.ID], assigned[d.ID] = a.Story, a
		if d.ID == "roundup" {
			also = c.Also()
			story["roundup-passages"] = passageText(d.Text, c.Passages())
		}
	}
	topicOf := map[string]string{} // story -> topic
	for topic := range topicNames {
		if story[topic+"-1"] != story[topic+"-2"] {
			t.Fatalf("%s: its two articles are in %s and %s", topic, story[topic+"-1"], story[topic+"-2"])
		}
		topicOf[story[topic+"-1"]] = topic
	}
	if len(topicOf) != 3 {
		t.Fatalf("the three topics are in %d stories: %v", len(topicOf), story)
	}
	roundup := docs[len(docs)-1]
	parts := map[string]string{story["roundup"]: story["roundup-passages"]} // topic story -> text placed there
	for _, p := range also {
		if _, dup := parts[p.Story]; dup {
			t.Fatalf("roundup placed twice in %s: %+v", p.Story, also)
		}
		parts[p.Story] = passageText(roundup.Text, p.Passages)
	}
	if len(parts) != 3 {
		t.Fatalf("roundup is in %d stories (own %s, also %+v), want the 3 topics", len(parts), story["roundup"], also)
	}
	for s, text := range parts {
		topic, ok := topicOf[s]
		if !ok {
			t.Fatalf("roundup placed in %s, not a topic story", s)
		}
		for other, name := range topicNames {
			if got := strings.Contains(text, name); got != (other == topic) {
				t.Errorf("the roundup's part in the %s story mentions %q: %v\n%s", topic, name, got, text)
			}
		}
		if strings.Contains(text, "sunshine") {
			t.Errorf("the weather is in the %s story's part", topic)
		}
	}

	// Restored, the clusterer places a follow-up as the original does.
	r := cluster.New(cluster.DefaultOptions())
	for _, d := range docs {
		r.Restore(d, assigned[d.ID])
	}
	for _, p := range also {
		r.RestoreAlso(roundup, p)
	}
	next := cluster.Doc{ID: "stadium-3", Lang: "en", Published: roundup.Published.Add(time.Hour),
		Title: "Port Aldine council approves Mariners stadium",
		Text:  "The Port Aldine council approved the Aldine Mariners waterfront stadium 5-4 on Monday, after Council President Lucia Ferrante secured changes to the $410 million financing plan."}
	if a, b := c.Add(next), r.Add(next); a != b || topicOf[a.Story] != "stadium" {
		t.Errorf("follow-up: original %v, restored %v; want both in the stadium story", a, b)
	}
}

// TestLongArticleNotElsewhere: a long single-story article with headings
// joins its story and is not spread over the others.
func TestLongArticleNotElsewhere(t *testing.T) {
	docs := readStream(t, "testdata/roundup/single.jsonl")
	c := cluster.New(cluster.DefaultOptions())
	var bridge, last cluster.Assignment
	for _, d := range docs {
		last = c.Add(d)
		if d.ID == "bridge-1" {
			bridge = last
		}
	}
	t.Logf("passages %v", c.Passages())
	if last.Story != bridge.Story {
		t.Errorf("the long bridge article is in %s, the bridge story is %s", last.Story, bridge.Story)
	}
	if also := c.Also(); len(also) > 0 {
		t.Errorf("the long bridge article is also placed in %+v", also)
	}
}

// passageText joins the parts of text the passages cover.
func passageText(text string, ps []cluster.Passage) string {
	if len(ps) == 0 {
		return text
	}
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(text[p.Start:p.End])
	}
	return b.String()
}
