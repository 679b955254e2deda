package brief

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"parallax/internal/eval"
	"parallax/internal/model"
	"parallax/internal/nlp/sentence"
	"parallax/internal/shared"
)

// reports says whether article d holds a sentence sharing enough terms
// with text to report the same fact, independently of the corpus code.
func reports(d *model.Article, text string) bool {
	want := map[string]bool{}
	for _, t := range termsOf(text) {
		want[t] = true
	}
	for _, s := range sentence.Split(d.Text) {
		got := map[string]bool{}
		for _, t := range termsOf(s.Text) {
			if want[t] {
				got[t] = true
			}
		}
		if len(got) >= min(minShared, len(want)) && float64(len(got)) >= minShare*float64(len(want)) {
			return true
		}
	}
	return false
}

// checkSources asserts that every item of b names articles that really
// contain its sentence: verbatim in one (once detokenised, as the brief
// shows it), reported in every other.
func checkSources(t *testing.T, docs []*model.Article, b *model.Brief) {
	t.Helper()
	byID := map[string]*model.Article{}
	for _, d := range docs {
		byID[d.ID] = d
	}
	check := func(kind, text string, ids []string) {
		if len(ids) == 0 {
			t.Errorf("%s without sources: %q", kind, text)
		}
		verbatim := false
		for _, id := range ids {
			d := byID[id]
			if d == nil {
				t.Errorf("%s names unknown article %q", kind, id)
				continue
			}
			verbatim = verbatim || strings.Contains(Detokenize(d.Text), text)
			if !reports(d, text) {
				t.Errorf("%s: article %s does not report %q", kind, id, text)
			}
		}
		if !verbatim {
			t.Errorf("%s: no source holds %q verbatim", kind, text)
		}
	}
	for _, s := range b.Summary {
		check("summary", s.Text, s.Sources)
	}
	for _, e := range append(b.Timeline, b.Background...) {
		check("timeline", e.Text, e.Sources)
	}
	for _, f := range b.Consensus {
		check("consensus", f.Text, f.Sources)
	}
	for _, c := range b.SingleSource {
		check("single_source", c.Text, []string{c.Source})
	}
	for _, q := range b.Quotes {
		if d := byID[q.Source]; d == nil || !strings.Contains(Detokenize(d.Text), q.Text) {
			t.Errorf("quote %q not in article %s", q.Text, q.Source)
		}
	}
	for _, e := range b.Entities {
		for _, id := range e.Sources {
			d := byID[id]
			found := false
			for _, a := range e.Aliases {
				found = found || (d != nil && strings.Contains(d.Text, a))
			}
			if !found {
				t.Errorf("entity %s: article %s holds no alias of %v", e.Name, id, e.Aliases)
			}
		}
	}
}

func TestSourcesContainSentence(t *testing.T) {
	t.Run("Seeds", func(t *testing.T) {
		docs, _ := seedArticles(t)
		checkSources(t, docs, Build(docs, Options{}))
		checkSources(t, docs, Build(docs, Options{Query: "Why did the US suspend talks with Russia?", MaxSentences: 7}))
	})
	t.Run("SummaryDev", func(t *testing.T) {
		topics, err := eval.ReadSummarySet(shared.TestData(t, "summary", "dev"))
		if err != nil {
			t.Fatal(err)
		}
		for _, tp := range topics {
			checkSources(t, tp.Docs, Build(tp.Docs, Options{}))
			checkSources(t, tp.Docs, Build(tp.Docs, Options{Query: tp.Query, MaxSentences: 7}))
		}
	})
	t.Run("TimelineDev", func(t *testing.T) {
		topics, err := eval.ReadTimelineSet(shared.TestData(t, "summary", "timeline", "dev"))
		if err != nil {
			t.Fatal(err)
		}
		tp := topics[min(2, len(topics)-1)] // MJ_bbc, the smallest
		checkSources(t, tp.Docs, &model.Brief{Timeline: Timeline(tp.Docs, TimelineOptions{Dates: 20, PerDate: 2, DayOnly: true})})
	})
	t.Run("Synthetic", func(t *testing.T) {
		docs := syntheticStory(12)
		checkSources(t, docs, Build(docs, Options{}))
	})
}

func TestEmpty(t *testing.T) {
	b := Build(nil, Options{})
	if b == nil || b.Summary == nil || b.Timeline == nil || len(b.Summary) != 0 {
		t.Fatalf("empty input: %+v", b)
	}
}

// syntheticStory writes n articles from several outlets about one made-up
// story, sharing some facts and each adding its own.
func syntheticStory(n int) []*model.Article {
	facts := []string{
		"The city council of Norvik voted on Tuesday to close the old harbor bridge for repairs.",
		"Engineers found deep cracks in two steel supports of the harbor bridge last month.",
		"Mayor Elena Sova said the bridge would reopen in the spring after the repairs.",
		"Ferry operators expect traffic across the harbor to double while the bridge is closed.",
		"The repairs will cost about 40 million crowns, according to the council's budget office.",
	}
	own := []string{
		"Shop owners near the bridge fear a sharp drop in customers during the closure.",
		"A petition against the closure gathered 3,000 signatures within a day.",
		"Cyclists will be allowed to use a temporary pontoon path, the port authority said.",
		"Critics called the decision a disaster for commuters from the northern districts.",
	}
	base := time.Date(2021, 3, 2, 9, 0, 0, 0, time.UTC)
	var docs []*model.Article
	for i := range n {
		var ps []string
		for k := range facts {
			if (i+k)%3 != 0 {
				ps = append(ps, facts[k])
			}
		}
		ps = append(ps, own[i%len(own)]+fmt.Sprintf(" Reporter %d filed this from the harbor district.", i))
		docs = append(docs, &model.Article{
			ID: fmt.Sprintf("a%03d", i), Source: fmt.Sprintf("outlet%d", i%5),
			Title: "Norvik closes harbor bridge for repairs", Text: strings.Join(ps, "\n"),
			Published: base.Add(time.Duration(i) * time.Hour),
		})
	}
	return docs
}

func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{20, 200, 2000} {
		docs := syntheticStory(n)
		b.Run(fmt.Sprintf("%d", n), func(b *testing.B) {
			for b.Loop() {
				Build(docs, Options{})
			}
		})
	}
}
