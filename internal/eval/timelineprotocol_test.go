package eval

import (
	"math"
	"reflect"
	"testing"
	"time"

	"parallax/internal/model"
)

// tl builds a timeline from date, text pairs.
func tl(pairs ...string) []model.TimelineItem {
	var out []model.TimelineItem
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, model.TimelineItem{Date: pairs[i], Text: pairs[i+1]})
	}
	return out
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// TestRouge155Tokens checks ROUGE-1.5.5's -m -s tokens: separators, the
// SMART stop list (news words too), stems only beyond three letters.
func TestRouge155Tokens(t *testing.T) {
	got := rouge155Tokens("Mr. Hayward's BP-licensed rig, Reuters said on Jan. 5; oil spills")
	want := []string{"mr", "hayward", "bp", "licens", "rig", "5", "oil", "spill"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestAlignROUGE checks align+ m:1 ROUGE-1/2 on hand-made timelines; the
// expected figures are worked out by hand in each case's comment.
func TestAlignROUGE(t *testing.T) {
	cases := []struct {
		name         string
		gold, pred   []model.TimelineItem
		r1, r2, date PR
	}{
		{
			// same date, same words: everything matches
			name: "Exact",
			gold: tl("2010-01-01", "oil spill grows"), pred: tl("2010-01-01", "oil spill grows"),
			r1: PR{1, 1}, r2: PR{1, 1}, date: PR{1, 1},
		},
		{
			// one day off: hits count 1/2; R-1 hits 2 (oil, spill): P 1/2, R 1/3;
			// R-2 hit "oil spill": P .5/1, R .5/2
			name: "OneDayOff",
			gold: tl("2010-01-02", "oil spill grows"), pred: tl("2010-01-01", "oil spill"),
			r1: PR{0.5, 1.0 / 3}, r2: PR{0.5, 0.25}, date: PR{0, 0},
		},
		{
			// stop words (the, well, was) go before bigrams are made: both
			// sides are "bp cap"
			name: "StopWords",
			gold: tl("2010-07-15", "The BP well was capped ."), pred: tl("2010-07-15", "BP capped the well"),
			r1: PR{1, 1}, r2: PR{1, 1}, date: PR{1, 1},
		},
		{
			// precision: 01-02 aligns with gold 01-01 (same words: cost 0 < .889),
			// R-1 hits 2 + 2/2 over 4; recall: gold 01-10 ("cap") aligns with
			// the nearer 01-02 (cost .889 < .9) and hits nothing: 2 over 3.
			// P (1 + 1/2)/2, R 1/1 (the gold "cap" has no bigram)
			name: "ManyToOne",
			gold: tl("2010-01-01", "rig explodes", "2010-01-10", "well capped"),
			pred: tl("2010-01-01", "rig explodes", "2010-01-02", "rig explodes"),
			r1:   PR{0.75, 2.0 / 3}, r2: PR{0.75, 1}, date: PR{0.5, 0.5},
		},
		{
			// content beats distance: 01-05 "well capped" costs .5 against
			// gold 01-04 (no shared word) and 0 against 01-07 (same words),
			// so it aligns 2 days off: P 1/3; recall: 01-04 hits nothing,
			// 01-07 hits "cap" at 1/3, over 3 gold unigrams
			name: "ContentCost",
			gold: tl("2010-01-04", "rig explodes", "2010-01-07", "well capped"),
			pred: tl("2010-01-05", "well capped"),
			r1:   PR{1.0 / 3, 1.0 / 9}, r2: PR{0, 0}, date: PR{0, 0},
		},
		{
			// two entries on one date are one summary
			name: "SameDateJoined",
			gold: tl("2010-01-01", "rig explodes"),
			pred: tl("2010-01-01", "rig", "2010-01-01", "explodes"),
			r1:   PR{1, 1}, r2: PR{1, 1}, date: PR{1, 1},
		},
		{
			name: "EmptyPrediction",
			gold: tl("2010-01-01", "rig explodes"),
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for n, want := range []PR{c.r1, c.r2} {
				got := alignROUGE(c.gold, c.pred, n+1)
				if !near(got.P, want.P) || !near(got.R, want.R) {
					t.Errorf("AR-%d %+v, want %+v", n+1, got, want)
				}
			}
			if got := datePR(c.gold, c.pred); !near(got.P, c.date.P) || !near(got.R, c.date.R) {
				t.Errorf("date %+v, want %+v", got, c.date)
			}
		})
	}
}

// TestTimelineTasks checks what the protocol tells a system: the gold
// window, the articles published in it, the number of dates and the mean
// sentences per date rounded half to even.
func TestTimelineTasks(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	docs := []*model.Article{
		{ID: "before", Published: day("2010-04-19")},
		{ID: "first", Published: day("2010-04-20")},
		{ID: "last", Published: day("2010-04-22")},
		{ID: "after", Published: day("2010-04-23")},
	}
	topic := &TimelineTopic{Name: "t", Docs: docs, Gold: [][]model.TimelineItem{
		// 2 + 3 sentences over 2 dates: 2.5 rounds to 2
		tl("2010-04-22", "One. Two.", "2010-04-20", "One. Two. Three."),
		// 1 + 2 sentences: 1.5 rounds to 2
		tl("2010-04-21", "One.", "2010-04-23", "One. Two."),
	}}
	tasks := TimelineTasks(topic)
	if len(tasks) != 2 {
		t.Fatalf("%d tasks", len(tasks))
	}
	ids := func(ds []*model.Article) (out []string) {
		for _, d := range ds {
			out = append(out, d.ID)
		}
		return out
	}
	for i, want := range []struct {
		start, end string
		docs       []string
		dates, per int
	}{
		{"2010-04-20", "2010-04-22", []string{"first", "last"}, 2, 2},
		{"2010-04-21", "2010-04-23", []string{"last", "after"}, 2, 2},
	} {
		got := tasks[i]
		if got.Start != day(want.start) || got.End != day(want.end) || !reflect.DeepEqual(ids(got.Docs), want.docs) ||
			got.Dates != want.dates || got.PerDate != want.per {
			t.Errorf("task %d: %s..%s %v dates %d per %d, want %+v", i, got.Start.Format(time.DateOnly),
				got.End.Format(time.DateOnly), ids(got.Docs), got.Dates, got.PerDate, want)
		}
	}
}

// TestRunProtocolAverages checks that P and R are averaged over the gold
// timelines and F1 taken from the averages (not the mean of F1s): date
// P/R (1, .5) and (.5, 1) give .75/.75/.75, where the mean F1 is .667.
func TestRunProtocolAverages(t *testing.T) {
	topics := []*TimelineTopic{
		{Name: "a", Gold: [][]model.TimelineItem{tl("2010-01-01", "x", "2010-01-02", "y")}},
		{Name: "b", Gold: [][]model.TimelineItem{tl("2010-01-01", "x")}},
	}
	sys := func(task TimelineTask) []model.TimelineItem {
		if task.Dates == 2 {
			return tl("2010-01-01", "x")
		}
		return tl("2010-01-01", "x", "2010-01-03", "z")
	}
	s := RunProtocol(topics, sys)
	if s.Timelines != 2 || !near(s.Date.P, .75) || !near(s.Date.R, .75) || !near(s.Date.F, .75) || !near(s.Dates, 1.5) {
		t.Errorf("%+v", s)
	}
}
