package follow

import (
	"testing"
	"time"

	"parallax/internal/search"
)

// TestHitEntryTitle: a feed entry for an article without a headline is
// titled by its lead sentence, and only an article whose text gives none
// is "Untitled article".
func TestHitEntryTitle(t *testing.T) {
	at := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		hit  search.Hit
		want string
	}{
		{"Headline", search.Hit{Kind: search.KindArticle, ID: "a1", Title: "Bridge closed", Time: at}, "Bridge closed"},
		{"Lead", search.Hit{Kind: search.KindArticle, ID: "a2", Time: at,
			Lead: "Divers reached the flooded tunnel under the bridge on Tuesday . Pumps ran all night ."},
			"Divers reached the flooded tunnel under the bridge on Tuesday."},
		{"Nothing", search.Hit{Kind: search.KindArticle, ID: "a3", Time: at}, "Untitled article"},
		{"Story", search.Hit{Kind: search.KindStory, ID: "s1", Time: at}, "Untitled story"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := hitEntry(tc.hit).Title; got != tc.want {
				t.Errorf("title %q, want %q", got, tc.want)
			}
		})
	}
}
