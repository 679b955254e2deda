package web_test

import (
	"context"
	"fmt"
	"testing"

	"parallax/internal/model"
	"parallax/internal/store"
)

// Sizes of the big-story fixture: each section spans several "all" pages
// (50 items a page) and more than the story page shows.
const (
	bigArticles = 130
	bigEntities = 120
	bigQuotes   = 110
	bigStory    = "s-big"
)

// seedBig stores one story with many articles and a brief with many
// entities and quotes, all invented. Entity i is in i%7+1 articles; quote
// i is by "Speaker i" (an entity for even i), unattributed when i%10 == 9.
func seedBig(t testing.TB, st store.Store) {
	t.Helper()
	ctx := context.Background()
	ids := make([]string, bigArticles)
	for i := range bigArticles {
		ids[i] = fmt.Sprintf("big%03d", i)
		a := model.Article{ID: ids[i], URL: "https://news.example/" + ids[i], Source: fmt.Sprintf("Outlet %d", i%6),
			Title: fmt.Sprintf("Big article %03d", i), Published: day(1 + i%28), ContentHash: "bh" + ids[i],
			Text: "Something happened."}
		mustAdd(t, st, &a)
		if err := st.Assign(ctx, a.ID, model.Placement{StoryID: bigStory, EventID: "big-e"}, nil); err != nil {
			t.Fatal(err)
		}
	}
	b := model.Brief{Title: "A very big story",
		Summary: []model.SummaryItem{{Text: "A lot happened.", Sources: ids[:3]}}}
	for i := range bigEntities {
		e := model.Entity{Name: fmt.Sprintf("Entity %03d", i), Type: []string{"PERSON", "ORG", "PLACE"}[i%3],
			Aliases: []string{fmt.Sprintf("E%d", i)}, Sources: ids[:i%7+1], Mentions: map[string]int{ids[0]: i%5 + 1}}
		if i%2 == 0 && i < bigQuotes {
			e.Name, e.Type = fmt.Sprintf("Speaker %03d", i), "PERSON"
		}
		b.Entities = append(b.Entities, e)
	}
	for i := range bigQuotes {
		q := model.Quote{Speaker: fmt.Sprintf("Speaker %03d", i), Text: fmt.Sprintf("Quote number %03d is a whole sentence.", i),
			Source: ids[i%bigArticles]}
		if i%10 == 9 {
			q.Speaker = ""
		}
		b.Quotes = append(b.Quotes, q)
	}
	if err := st.SaveBrief(ctx, bigStory, &b); err != nil {
		t.Fatal(err)
	}
}
