package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"parallax/internal/model"
	"parallax/internal/store/sqlite"
)

// TestSeedsIngestOneStory: the five seeds become exactly one story through
// the stored pipeline.
func TestSeedsIngestOneStory(t *testing.T) {
	in, _, lines := seedsJSONL(t)
	db := filepath.Join(t.TempDir(), "p.db")
	if code, _, errs := runCmd(t, "", "ingest", "--db", db, in); code != 0 {
		t.Fatalf("ingest exit %d: %s", code, errs)
	}
	code, out, errs := runCmd(t, "", "stats", "--db", db, "--json")
	if code != 0 {
		t.Fatalf("stats exit %d: %s", code, errs)
	}
	var s model.Stats
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("stats output %q: %v", out, err)
	}
	if s.Articles != 5 || s.Stories != 1 {
		t.Fatalf("stats = %+v, want 5 articles in 1 story", s)
	}
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	stories, err := st.Stories(context.Background(), 10, 0)
	if err != nil || len(stories) != 1 {
		t.Fatalf("stories = %v, %v", stories, err)
	}
	_, b, refs, err := st.Story(context.Background(), stories[0].ID)
	if err != nil || b == nil || len(refs) != 5 {
		t.Fatalf("story: brief %v, %d articles, err %v", b, len(refs), err)
	}
	checkSeedBrief(t, b, lines)

	// Ingesting the same input again adds nothing.
	if code, _, errs := runCmd(t, "", "ingest", "--db", db, in); code != 0 {
		t.Fatalf("second ingest exit %d: %s", code, errs)
	}
	_, out, _ = runCmd(t, "", "stats", "--db", db, "--json")
	var s2 model.Stats
	_ = json.Unmarshal([]byte(out), &s2)
	if s2 != s {
		t.Errorf("re-ingest changed stats: %+v -> %+v", s, s2)
	}
}

// TestSeedsClusterEvents: `parallax cluster` puts the seeds in one story
// and the two GOLD events apart.
func TestSeedsClusterEvents(t *testing.T) {
	in, g, _ := seedsJSONL(t)
	code, out, errs := runCmd(t, "", "cluster", "--in", in)
	if code != 0 {
		t.Fatalf("cluster exit %d: %s", code, errs)
	}
	type line struct{ ID, Story, Event string }
	var got []line
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var x line
		if err := json.Unmarshal([]byte(l), &x); err != nil {
			t.Fatalf("bad output line %q: %v", l, err)
		}
		got = append(got, x)
	}
	if len(got) != len(g.Documents) {
		t.Fatalf("%d output lines, want %d", len(got), len(g.Documents))
	}
	for i, d := range g.Documents {
		if got[i].ID != d.File[:3] {
			t.Fatalf("line %d is %s, want input order", i, got[i].ID)
		}
		if got[i].Story != got[0].Story {
			t.Errorf("%s in story %s, %s in %s: want one story", got[i].ID, got[i].Story, got[0].ID, got[0].Story)
		}
		for j, e := range g.Documents {
			same := got[i].Event == got[j].Event
			if same != (d.Event == e.Event) {
				t.Errorf("%s (%s) and %s (%s): same event %v, gold says %v",
					got[i].ID, got[i].Event, got[j].ID, got[j].Event, same, d.Event == e.Event)
			}
		}
	}
}

// TestSeedsBrief: the brief's every summary sentence has a source, the
// timeline holds both GOLD event dates, and nothing comes from a line GOLD
// marks as boilerplate or comment.
func TestSeedsBrief(t *testing.T) {
	in, _, lines := seedsJSONL(t)
	code, out, errs := runCmd(t, "", "brief", "--in", in)
	if code != 0 {
		t.Fatalf("brief exit %d: %s", code, errs)
	}
	var b model.Brief
	if err := json.Unmarshal([]byte(out), &b); err != nil {
		t.Fatalf("brief output: %v", err)
	}
	checkSeedBrief(t, &b, lines)
}

func checkSeedBrief(t *testing.T, b *model.Brief, lines map[string][]string) {
	t.Helper()
	_, g, _ := seedsJSONL(t)
	if len(b.Summary) == 0 {
		t.Fatal("empty summary")
	}
	for _, s := range b.Summary {
		if len(s.Sources) == 0 {
			t.Errorf("summary sentence without a source: %q", s.Text)
		}
	}
	dates := map[string]bool{}
	for _, e := range b.Timeline {
		dates[e.Date] = true
	}
	for _, d := range []string{"2016-09-28", "2016-10-03"} {
		if !dates[d] {
			t.Errorf("timeline lacks %s: %+v", d, b.Timeline)
		}
	}
	bad := map[string]map[int]bool{} // doc -> boilerplate/comment line numbers
	for _, d := range g.Documents {
		id := d.File[:3]
		bad[id] = map[int]bool{}
		for n := range lines[id] {
			if inRanges(n+1, d.Boiler) || inRanges(n+1, d.Comments) {
				bad[id][n+1] = true
			}
		}
	}
	for _, text := range briefTexts(b) {
		key := norm(text)
		if len(key) > 60 {
			key = key[:60]
		}
		if len(key) < 15 {
			continue
		}
		for id, ls := range lines {
			for n, l := range ls {
				if bad[id][n+1] && strings.Contains(norm(l), key) {
					t.Errorf("brief text %q comes from %s line %d, marked boilerplate/comment", text, id, n+1)
				}
			}
		}
	}
}

// norm folds case and whitespace for substring checks.
func norm(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }
