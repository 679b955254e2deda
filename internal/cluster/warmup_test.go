package cluster

import (
	"fmt"
	"testing"
	"time"
)

// TestWarmUp: among the first WarmUp articles of a language, an article
// joins a story only if they share a proper-noun pair. Three reports of
// one council vote (all naming Lucia Ferrante and Port Aldine) join
// during the warm-up as after it; three reports of shootings in three
// towns, alike in wording but sharing no name, do not (without the
// warm-up they run into one story).
func TestWarmUp(t *testing.T) {
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	vote := [][2]string{
		{"Port Aldine council approves Mariners stadium financing", "The Port Aldine council approved the Aldine Mariners waterfront stadium 5-4 on Monday, after Council President Lucia Ferrante secured changes to the $410 million financing plan."},
		{"Mariners stadium plan passes Port Aldine council", "Lucia Ferrante, the Port Aldine council president, won a 5-4 vote for the Aldine Mariners stadium on the waterfront, with a reworked $410 million financing plan."},
		{"Ferrante steers Mariners stadium through council", "Port Aldine will build the Aldine Mariners a waterfront stadium: the council voted 5-4 for the $410 million plan Council President Lucia Ferrante amended."},
	}
	shootings := [][2]string{
		{"Four wounded in overnight shooting", "Four people were wounded in a shooting outside a bar in Brackley overnight, police said. Officers found shell casings in the parking lot and no arrests were made."},
		{"Four shot outside nightclub", "Police said four people were shot outside a nightclub in Dunmore early Sunday. Officers found shell casings in the street and no arrests have been made."},
		{"Shooting outside bar leaves four hurt", "Four people were hurt when shots were fired outside a bar in Kelso late Saturday, police said. Officers collected shell casings; no arrests were made."},
	}
	for _, tt := range []struct {
		name    string
		texts   [][2]string
		warmUp  int
		stories int
	}{
		{"one vote, no warm-up", vote, 0, 1},
		{"one vote, warm-up", vote, 3, 1},
		{"three shootings, warm-up", shootings, 3, 3},
		{"three shootings, no warm-up: the snowball", shootings, 0, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			o := DefaultOptions()
			o.WarmUp, o.ReviewEvery = tt.warmUp, 0
			c := New(o)
			seen := map[string]bool{}
			for i, x := range tt.texts {
				d := Doc{ID: fmt.Sprint("a", i), Lang: "en", Published: at.Add(time.Duration(i) * time.Hour), Title: x[0], Text: x[1]}
				seen[c.Add(d).Story] = true
			}
			if len(seen) != tt.stories {
				t.Errorf("%d stories, want %d", len(seen), tt.stories)
			}
		})
	}
}
