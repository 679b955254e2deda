package storetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"parallax/internal/model"
	"parallax/internal/store"
)

// testCountsRandom: the stores keep a story's aggregates incrementally.
// After every step of a random run of assignments, moves, extra
// placements, merges and article updates, each story's article and
// outlet counts, first and last times, and the number of events equal a
// recount of the articles the story lists.
func testCountsRandom(t *testing.T, s store.Store) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(7, 11))
	sources := []string{"a.example", "b.example", "c.example", ""}
	var ids []string
	for i := range 24 {
		id := fmt.Sprintf("c%02d", i)
		a := roundupArticle(id)
		a.Source = sources[i%len(sources)]
		a.Published = day.Add(time.Duration(rng.IntN(300)) * time.Hour)
		if i%5 == 0 {
			a.Published = time.Time{}
		}
		mustAdd(t, s, a)
		ids = append(ids, id)
	}
	stories := []string{"k1", "k2", "k3", "k4", "k5"}
	events := []string{"", "e1", "e2"}
	for step := range 200 {
		id := ids[rng.IntN(len(ids))]
		switch r := rng.IntN(10); {
		case r < 6:
			in := at(stories[rng.IntN(len(stories))], events[rng.IntN(len(events))], nil)
			var also []model.Placement
			if rng.IntN(3) == 0 {
				if x := stories[rng.IntN(len(stories))]; x != in.StoryID {
					also = append(also, at(x, events[rng.IntN(len(events))], footP))
				}
			}
			if err := s.Assign(ctx, id, in, also); err != nil {
				t.Fatalf("step %d: Assign(%s, %+v, %+v): %v", step, id, in, also, err)
			}
		case r < 7:
			list, err := s.Stories(ctx, 100, 0)
			if err != nil {
				t.Fatal(err)
			}
			if len(list) >= 2 {
				from, into := list[rng.IntN(len(list))].ID, list[rng.IntN(len(list))].ID
				if from != into {
					if _, err := s.MergeStory(ctx, from, into); err != nil {
						t.Fatalf("step %d: MergeStory(%s, %s): %v", step, from, into, err)
					}
					stories = append(stories, fmt.Sprintf("k%d", len(stories)+1)) // a fresh one to grow
				}
			}
		default:
			a, err := s.Article(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			a.Source = sources[rng.IntN(len(sources))]
			a.Published = day.Add(time.Duration(rng.IntN(300)) * time.Hour)
			if rng.IntN(4) == 0 {
				a.Published = time.Time{}
			}
			if err := s.UpdateArticle(ctx, a); err != nil {
				t.Fatalf("step %d: UpdateArticle(%s): %v", step, id, err)
			}
		}
		checkCounts(t, s, step)
		if t.Failed() {
			return
		}
	}
}

// checkCounts compares every story's stored aggregates, and the store's
// event count, with a recount of the articles each story lists.
func checkCounts(t *testing.T, s store.Store, step int) {
	t.Helper()
	ctx := context.Background()
	list, err := s.Stories(ctx, 1000, 0)
	if err != nil {
		t.Fatal(err)
	}
	events := 0
	for _, l := range list {
		st, _, refs, err := s.Story(ctx, l.ID)
		if err != nil {
			t.Fatalf("step %d: Story(%s): %v", step, l.ID, err)
		}
		outlets, evs := map[string]bool{}, map[string]bool{}
		var first, last time.Time
		for _, r := range refs {
			if r.Source != "" {
				outlets[r.Source] = true
			}
			if r.EventID != "" {
				evs[r.EventID] = true
			}
			if p := r.Published; !p.IsZero() {
				if first.IsZero() || p.Before(first) {
					first = p
				}
				if p.After(last) {
					last = p
				}
			}
		}
		events += len(evs)
		if st.Articles != len(refs) || st.Outlets != len(outlets) {
			t.Errorf("step %d: story %s counts %d articles from %d outlets; it lists %d from %d",
				step, l.ID, st.Articles, st.Outlets, len(refs), len(outlets))
		}
		if !first.IsZero() && (!st.First.Equal(first) || !st.Last.Equal(last)) {
			t.Errorf("step %d: story %s runs %v to %v; its articles %v to %v", step, l.ID, st.First, st.Last, first, last)
		}
	}
	stats, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Stories != len(list) || stats.Events != events {
		t.Errorf("step %d: stats count %d stories, %d events; the stories list %d, %d", step, stats.Stories, stats.Events, len(list), events)
	}
}
