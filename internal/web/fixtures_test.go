package web_test

import (
	"context"
	"fmt"
	"testing"

	"parallax/internal/model"
	"parallax/internal/store"
)

// The fixtures are invented for these tests: a bridge story with a full
// brief across three outlets, and a story whose brief is not written yet.
var fixtureArticles = []model.Article{
	{ID: "a1", URL: "https://harbortimes.example/bridge-closed", Source: "Harbor Times", Title: "Old bridge closed after inspection",
		Byline: "Ana Ruiz", Published: day(3), Language: "en", ContentHash: "h1",
		Text: "The Elm Street bridge was closed on Sunday.\nInspectors found cracks in two piers."},
	{ID: "a2", URL: "https://valleypost.example/news/bridge", Source: "Valley Post", Title: "Elm Street bridge shut",
		Published: day(4), Language: "en", ContentHash: "h2",
		Text: "City engineers shut the Elm Street bridge.\nRepairs could take months."},
	{ID: "a3", URL: "http://citywire.example/b", Source: "City Wire", Title: "Bridge closure snarls traffic",
		Published: day(5), Language: "en", ContentHash: "h3",
		Text: "Traffic backed up for miles after the closure."},
	{ID: "p1", URL: "https://harbortimes.example/school-vote", Source: "Harbor Times", Title: "School board vote delayed",
		Published: day(6), Language: "en", ContentHash: "h4", Text: "The vote was moved to next week."},
}

var fixtureBrief = model.Brief{
	Title: "Elm Street bridge closed after cracks found",
	Summary: []model.SummaryItem{
		{Text: "The Elm Street bridge was closed on 3 March after inspectors found cracks.", Sources: []string{"a1", "a2"}},
		{Text: "Repairs could take months, engineers said.", Sources: []string{"a2"}},
	},
	Timeline: []model.TimelineItem{
		{Date: "2024-03-03", Precision: "day", Text: "The bridge is closed.", Sources: []string{"a1", "a2"}},
		{Date: "2024-04-01", Precision: "month", Text: "Repairs are due to start.", Sources: []string{"a2"}},
	},
	Entities: []model.Entity{
		{Name: "Ana Ruiz", Type: "PERSON", Aliases: []string{"Ruiz", "Ana Ruiz"}, Sources: []string{"a1"}},
		{Name: "City Council", Type: "ORG", Aliases: []string{"the council"}, Sources: []string{"a1", "a3"}},
		{Name: "Elm Street", Type: "PLACE", Sources: []string{"a1", "a2", "a3"}},
	},
	Quotes: []model.Quote{{Speaker: "Ana Ruiz", Text: "Safety comes first.", Source: "a1"}},
	Consensus: []model.Fact{
		{Text: "The bridge is closed.", Sources: []string{"a1", "a2", "a3"}},
	},
	SingleSource: []model.Claim{{Text: "Traffic backed up for miles.", Source: "a3"}},
	Framing: []model.OutletFraming{
		{Source: "City Wire", Articles: []string{"a3"}, Loaded: []string{"snarls"}, Attributed: 0, Unattributed: 1},
	},
}

// seed fills st through the store contract, so it works for any store.
func seed(t testing.TB, st store.Store) {
	t.Helper()
	ctx := context.Background()
	stories := map[string]string{"a1": "s-bridge", "a2": "s-bridge", "a3": "s-bridge", "p1": "s-pending"}
	for i := range fixtureArticles {
		a := fixtureArticles[i]
		mustAdd(t, st, &a)
		if err := st.Assign(ctx, a.ID, model.Placement{StoryID: stories[a.ID], EventID: stories[a.ID] + "-e1"}, nil); err != nil {
			t.Fatalf("assign %s: %v", a.ID, err)
		}
	}
	b := fixtureBrief
	if err := st.SaveBrief(ctx, "s-bridge", &b); err != nil {
		t.Fatalf("save brief: %v", err)
	}
}

func mustAdd(t testing.TB, st store.Store, a *model.Article) {
	t.Helper()
	if added, _, err := st.AddArticle(context.Background(), a); err != nil || !added {
		t.Fatalf("add %s: added=%v err=%v", a.ID, added, err)
	}
}

// seedMany adds n one-article stories, story i published on day i+1.
func seedMany(t testing.TB, st store.Store, n int) {
	t.Helper()
	for i := range n {
		a := model.Article{ID: fmt.Sprintf("m%d", i), Source: "Wire", Title: fmt.Sprintf("Story number %d", i),
			Published: day(i + 1), ContentHash: fmt.Sprintf("mh%d", i), Text: "x"}
		mustAdd(t, st, &a)
		if err := st.Assign(context.Background(), a.ID, model.Placement{StoryID: fmt.Sprintf("ms%d", i), EventID: "e"}, nil); err != nil {
			t.Fatal(err)
		}
		b := model.Brief{Title: a.Title}
		if err := st.SaveBrief(context.Background(), fmt.Sprintf("ms%d", i), &b); err != nil {
			t.Fatal(err)
		}
	}
}
