package storetest

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"parallax/internal/model"
	"parallax/internal/store"
)

// testGroups: labels import (a dimension replaced whole, others kept),
// list, a story's coverage by value with the unlabelled counted, and
// blindspots with their threshold, minimum size, dimension filter and
// order.
func testGroups(t *testing.T, s store.Store) {
	ctx := context.Background()
	// s1: 4 outlets, 3 left + 1 unlabelled (a blindspot: 3 of 3 labelled).
	// s2: 4 outlets, 2 left + 2 right (not one).
	// s3: 2 outlets, both right (too small).
	// s1 is the newest: its last article is assigned last.
	placed := []struct{ id, source, story string }{
		{"b1", "l1.example", "s2"}, {"b2", "l2.example", "s2"}, {"b3", "r1.example", "s2"}, {"b4", "r2.example", "s2"},
		{"c1", "r1.example", "s3"}, {"c2", "r2.example", "s3"},
		{"a1", "l1.example", "s1"}, {"a2", "l2.example", "s1"}, {"a3", "l3.example", "s1"},
		{"a4", "nolabel.example", "s1"}, {"a5", "l1.example", "s1"},
	}
	for i, p := range placed {
		mustAdd(t, s, article(p.id, p.source, day.Add(time.Duration(i)*time.Hour)))
		mustAssign(t, s, p.id, p.story, "e1")
	}
	labels := []model.OutletLabel{
		label("l1.example", "leaning", "left"), label("l2.example", "leaning", "left"), label("l3.example", "leaning", "left"),
		label("r1.example", "leaning", "right"), label("r2.example", "leaning", "right"),
		label("l1.example", "country", "US"), label("r1.example", "country", "US"),
	}
	if err := s.ImportLabels(ctx, labels); err != nil {
		t.Fatal(err)
	}
	got, err := s.Labels(ctx)
	if err != nil || len(got) != len(labels) || got[0] != (label("l1.example", "country", "US")) {
		t.Fatalf("Labels = %v, %v", got, err)
	}

	cov, err := s.StoryCoverage(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	want := []model.Coverage{
		{Dimension: "country", Outlets: 4, Values: []model.CoverageValue{{Value: "US", Outlets: 1}}, Unlabelled: 3},
		{Dimension: "leaning", Outlets: 4, Values: []model.CoverageValue{{Value: "left", Outlets: 3}}, Unlabelled: 1},
	}
	if !reflect.DeepEqual(cov, want) {
		t.Errorf("StoryCoverage(s1) = %+v\nwant %+v", cov, want)
	}
	cov, _ = s.StoryCoverage(ctx, "s2")
	if len(cov) != 2 || !reflect.DeepEqual(cov[1].Values, []model.CoverageValue{{Value: "left", Outlets: 2}, {Value: "right", Outlets: 2}}) || cov[1].Unlabelled != 0 {
		t.Errorf("StoryCoverage(s2) = %+v", cov)
	}
	if _, err := s.StoryCoverage(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("StoryCoverage(nope) error %v, want ErrNotFound", err)
	}

	bs, err := s.Blindspots(ctx, store.BlindspotQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(bs) != 1 || bs[0].Story.ID != "s1" || bs[0].Dimension != "leaning" || bs[0].Value != "left" ||
		bs[0].Side != 3 || bs[0].Labelled != 3 || bs[0].Story.Outlets != 4 || bs[0].Story.Title == "" {
		t.Errorf("Blindspots = %+v, want s1 leaning left 3/3", bs)
	}
	// With a lower minimum, s3 (2 of 2 right) joins, after s1 (newer);
	// country: s2 has l1 and r1, both US: a country blindspot of 2.
	bs, _ = s.Blindspots(ctx, store.BlindspotQuery{MinOutlets: 2})
	var keys []string
	for _, b := range bs {
		keys = append(keys, b.Story.ID+"/"+b.Dimension+"/"+b.Value)
	}
	wantKeys := []string{"s1/leaning/left", "s3/leaning/right", "s2/country/US"}
	if !sameSet(keys, wantKeys) || len(keys) != 3 || keys[0] != "s1/leaning/left" {
		t.Errorf("Blindspots(min 2) = %v, want %v (s1 first)", keys, wantKeys)
	}
	bs, _ = s.Blindspots(ctx, store.BlindspotQuery{MinOutlets: 2, Dimension: "country"})
	if len(bs) != 1 || bs[0].Story.ID != "s2" {
		t.Errorf("Blindspots(country) = %+v", bs)
	}
	// s2 is half left, half right: no side has 51%; with 75%, a left
	// outlet added to s1 (4 left of 5 labelled: 80%) keeps it in.
	if bs, _ := s.Blindspots(ctx, store.BlindspotQuery{SharePercent: 51, Dimension: "leaning"}); len(bs) != 1 || bs[0].Story.ID != "s1" {
		t.Errorf("Blindspots(51%%) = %+v, want s1 only", bs)
	}
	mustAdd(t, s, article("a6", "r1.example", day.Add(20*time.Hour)), article("a7", "l2.example", day.Add(21*time.Hour)))
	mustAssign(t, s, "a6", "s1", "e1")
	mustAssign(t, s, "a7", "s1", "e1") // l2 again: still one outlet
	if bs, _ := s.Blindspots(ctx, store.BlindspotQuery{}); len(bs) != 0 {
		t.Errorf("Blindspots (90%%) with 3 left of 4 = %+v, want none", bs)
	}
	bs, _ = s.Blindspots(ctx, store.BlindspotQuery{SharePercent: 75})
	if len(bs) != 1 || bs[0].Story.ID != "s1" || bs[0].Side != 3 || bs[0].Labelled != 4 {
		t.Errorf("Blindspots(75%%) = %+v, want s1 with 3 of 4", bs)
	}
	if bs, _ := s.Blindspots(ctx, store.BlindspotQuery{Limit: 1, Offset: 1, MinOutlets: 2}); len(bs) != 1 || bs[0].Story.ID != "s3" {
		t.Errorf("Blindspots(offset 1, limit 1) = %+v, want s3", bs)
	}

	// Re-importing a dimension replaces it whole and keeps the others.
	if err := s.ImportLabels(ctx, []model.OutletLabel{label("nolabel.example", "leaning", "right")}); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Labels(ctx)
	if len(got) != 3 || got[2] != (label("nolabel.example", "leaning", "right")) {
		t.Errorf("after re-import Labels = %v", got)
	}
	if bs, _ := s.Blindspots(ctx, store.BlindspotQuery{}); len(bs) != 0 {
		t.Errorf("Blindspots after re-import = %+v, want none", bs)
	}
}

// sameSet reports whether a and b hold the same strings.
func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[string]int{}
	for _, x := range a {
		m[x]++
	}
	for _, x := range b {
		m[x]--
	}
	for _, n := range m {
		if n != 0 {
			return false
		}
	}
	return true
}

func label(outlet, dimension, value string) model.OutletLabel {
	return model.OutletLabel{Outlet: outlet, Dimension: dimension, Value: value}
}

// testWorkCounts: pending articles and stale briefs counted, when the
// store counts them.
func testWorkCounts(t *testing.T, s store.Store) {
	wc, ok := s.(store.WorkCounter)
	if !ok {
		t.Skip("store does not count its work")
	}
	ctx := context.Background()
	mustAdd(t, s, article("w1", "a.example", day), article("w2", "a.example", day), article("w3", "b.example", day))
	mustAssign(t, s, "w1", "s1", "e1")
	w, err := wc.WorkCounts(ctx)
	if err != nil || w != (store.Work{PendingArticles: 2, StaleStories: 1}) {
		t.Errorf("WorkCounts = %+v, %v; want 2 pending, 1 stale", w, err)
	}
	if err := s.SaveBrief(ctx, "s1", &model.Brief{Title: "T"}); err != nil {
		t.Fatal(err)
	}
	mustAssign(t, s, "w2", "s2", "e1")
	if w, _ := wc.WorkCounts(ctx); w != (store.Work{PendingArticles: 1, StaleStories: 1}) {
		t.Errorf("WorkCounts = %+v; want 1 pending, 1 stale", w)
	}
}
