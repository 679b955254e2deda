package cluster

import (
	"testing"
	"time"
)

func day(n int) time.Time { return time.Date(2024, 3, 1+n, 0, 0, 0, 0, time.UTC) }

var docs = []Doc{
	{ID: "a", Title: "Flood hits Riverton", Text: "Heavy rain flooded Riverton, Mayor Jane Okafor said.", Lang: "en", Published: day(0)},
	{ID: "b", Title: "Riverton flood waters rise", Text: "Flood waters rose in Riverton as Jane Okafor ordered evacuations.", Lang: "en", Published: day(1)},
	{ID: "c", Title: "Carlsen wins in Oslo", Text: "Magnus Carlsen won the chess final in Oslo.", Lang: "en", Published: day(1)},
	{ID: "d", Title: "Inondation à Riverton", Text: "Riverton flood Jane Okafor Riverton.", Lang: "fr", Published: day(2)},
	{ID: "e", Title: "Riverton recovers from flood", Text: "Months later Riverton rebuilt after the flood, Jane Okafor said.", Lang: "en", Published: day(windowDays + 35)},
}

// windowDays is the default Window in days: "e" comes after it.
var windowDays = int(DefaultOptions().Window.Hours() / 24)

func run(opts Options) []Assignment {
	c := New(opts)
	var out []Assignment
	for _, d := range docs {
		out = append(out, c.Add(d))
	}
	return out
}

func TestAdd(t *testing.T) {
	got := run(DefaultOptions())
	tests := []struct {
		name       string
		i, j       int
		sameStory  bool
		wantStoryI string
	}{
		{"SameStory", 0, 1, true, "s-a"},
		{"OtherTopic", 0, 2, false, "s-a"},
		{"OtherLanguage", 0, 3, false, "s-a"},
		{"PastWindowOpensNewStory", 0, 4, false, "s-a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if (got[tt.i].Story == got[tt.j].Story) != tt.sameStory {
				t.Errorf("%s vs %s: %+v %+v", docs[tt.i].ID, docs[tt.j].ID, got[tt.i], got[tt.j])
			}
			if got[tt.i].Story != tt.wantStoryI {
				t.Errorf("story id %q, want %q", got[tt.i].Story, tt.wantStoryI)
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	a, b := run(DefaultOptions()), run(DefaultOptions())
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("run differs at %d: %+v vs %+v", i, a[i], b[i])
		}
	}
}

// TestRestore: a restored clusterer decides the next article as the
// original one did.
func TestRestore(t *testing.T) {
	want := run(DefaultOptions())
	c := New(DefaultOptions())
	for i, d := range docs[:len(docs)-1] {
		c.Restore(d, want[i])
	}
	last := len(docs) - 1
	if got := c.Add(docs[last]); got != want[last] {
		t.Errorf("after restore %+v, want %+v", got, want[last])
	}
}

func TestEmptyDoc(t *testing.T) {
	c := New(DefaultOptions())
	a := c.Add(Doc{})
	if a.Story == "" || a.Event == "" {
		t.Errorf("empty doc got %+v", a)
	}
}

// TestReviewMergesSplit: two articles on one event that were not joined
// on arrival (JoinProb above 1) are merged by the review pass into the
// older story, which Merges reports and the assignment follows.
func TestReviewMergesSplit(t *testing.T) {
	opts := DefaultOptions()
	opts.JoinProb, opts.MergeProb, opts.ReviewProb = 1.01, 0, 0.5 // no joins, no merges on arrival
	for _, review := range []bool{false, true} {
		if !review {
			opts.ReviewEvery = 0
		} else {
			opts.ReviewEvery = 2
		}
		c := New(opts)
		a := c.Add(docs[0])
		c.Merges()
		b := c.Add(docs[1])
		ms := c.Merges()
		if !review {
			if b.Story == a.Story || len(ms) != 0 {
				t.Fatalf("without review: %+v %+v merges %v", a, b, ms)
			}
			continue
		}
		if b.Story != a.Story || len(ms) != 1 || ms[0] != (Merge{From: "s-b", Into: "s-a"}) {
			t.Fatalf("with review: %+v %+v merges %v", a, b, ms)
		}
	}
}
