package brief

import (
	"os"
	"testing"

	"parallax/internal/eval"
	"parallax/internal/model"
	"parallax/internal/shared"
)

// TestTune prints the dev-set figures `parallax eval summary|timeline`
// report, without building the command: ROUGE of the generic and
// query-focused summaries (15 sentences, truncated to 250 words), and the
// Timeline17 metrics. PARALLAX_TUNE_BRIEF=summary, timeline or all.
func TestTune(t *testing.T) {
	what := os.Getenv("PARALLAX_TUNE_BRIEF")
	if what == "" {
		t.Skip("set PARALLAX_TUNE_BRIEF=summary, timeline or all")
	}
	if what == "summary" || what == "all" {
		topics, err := eval.ReadSummarySet(shared.TestData(t, "summary", "dev"))
		if err != nil {
			t.Fatal(err)
		}
		sum := func(docs []*model.Article, q string) []string {
			var out []string
			for _, s := range Build(docs, Options{Query: q, MaxSentences: 15}).Summary {
				out = append(out, s.Text)
			}
			return out
		}
		g := eval.ScoreSummaries(topics, eval.Summaries(topics, sum, false))
		q := eval.ScoreSummaries(topics, eval.Summaries(topics, sum, true))
		t.Logf("summary generic R-1 %.2f R-2 %.2f R-L %.2f | query R-1 %.2f R-2 %.2f R-L %.2f", g.R1, g.R2, g.RL, q.R1, q.R2, q.RL)
	}
	if what == "timeline" || what == "all" {
		topics, err := eval.ReadTimelineSet(shared.TestData(t, "summary", "timeline", "dev"))
		if err != nil {
			t.Fatal(err)
		}
		s := eval.ScoreTimelines(topics, eval.Timelines(topics, func(d []*model.Article, n, p int) []model.TimelineItem {
			return Timeline(d, TimelineOptions{Dates: n, PerDate: p, DayOnly: true})
		}))
		t.Logf("timeline date F1 %.2f concat R-1 %.2f R-2 %.2f agree R-1 %.2f R-2 %.2f", s.DateF1, s.ConcatR1, s.ConcatR2, s.AgreeR1, s.AgreeR2)
	}
}
