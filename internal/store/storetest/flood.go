package storetest

import (
	"context"
	"testing"
	"time"

	"parallax/internal/model"
	"parallax/internal/store"
)

// AddFloodStory stores two articles of two outlets, "a1" (one.com) and "a2"
// (two.com), both placed in story "s1", event "e1": the story the stores'
// migration tests save a brief for before they take the schema back.
func AddFloodStory(t *testing.T, st store.Store) {
	t.Helper()
	ctx := context.Background()
	day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, a := range []*model.Article{
		{ID: "a1", Source: "one.com", Title: "Flood", Text: "The river burst its banks.", Published: day},
		{ID: "a2", Source: "two.com", Title: "Flood again", Text: "Water everywhere.", Published: day},
	} {
		if _, _, err := st.AddArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		if err := st.Assign(ctx, a.ID, model.Placement{StoryID: "s1", EventID: "e1"}, nil); err != nil {
			t.Fatal(err)
		}
	}
}
