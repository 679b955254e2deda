package cluster

import (
	"fmt"
	"testing"
	"time"
)

// TestWarmUp: the first WarmUp articles of a language open stories of
// their own, however alike; after them articles join as usual.
func TestWarmUp(t *testing.T) {
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	texts := [][2]string{
		{"Port Aldine council approves Mariners stadium financing", "The Port Aldine council approved the Aldine Mariners waterfront stadium 5-4 on Monday, after Council President Lucia Ferrante secured changes to the $410 million financing plan."},
		{"Mariners stadium plan passes Port Aldine council", "Lucia Ferrante, the Port Aldine council president, won a 5-4 vote for the Aldine Mariners stadium on the waterfront, with a reworked $410 million financing plan."},
		{"Ferrante steers Mariners stadium through council", "Port Aldine will build the Aldine Mariners a waterfront stadium: the council voted 5-4 for the $410 million plan Council President Lucia Ferrante amended."},
	}
	doc := func(i int) Doc {
		return Doc{ID: fmt.Sprint("a", i), Lang: "en", Published: at.Add(time.Duration(i) * time.Hour), Title: texts[i][0], Text: texts[i][1]}
	}
	for _, tt := range []struct {
		warmUp  int
		stories int // after three reports of one event
	}{{0, 1}, {3, 3}} {
		o := DefaultOptions()
		o.WarmUp, o.ReviewEvery = tt.warmUp, 0
		c := New(o)
		seen := map[string]bool{}
		for i := range 3 {
			seen[c.Add(doc(i)).Story] = true
		}
		if len(seen) != tt.stories {
			t.Errorf("WarmUp %d: %d stories, want %d", tt.warmUp, len(seen), tt.stories)
		}
	}
}
