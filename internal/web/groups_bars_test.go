package web

import (
	"testing"

	"parallax/internal/model"
)

func TestGroupBars(t *testing.T) {
	cov := []model.Coverage{
		{Dimension: "leaning", Outlets: 4, Values: []model.CoverageValue{{Value: "left", Outlets: 2}, {Value: "right", Outlets: 1}}, Unlabelled: 1},
		{Dimension: "country", Outlets: 4, Values: []model.CoverageValue{}, Unlabelled: 4},
		{Dimension: "empty", Outlets: 0, Values: []model.CoverageValue{}},
	}
	bars := groupBars(cov)
	if len(bars) != 2 {
		t.Fatalf("bars = %+v, want 2 (a story without outlets has none)", bars)
	}
	b := bars[0]
	want := []groupSegment{
		{Value: "left", Outlets: 2, X: "0.00", W: "50.00", Percent: 50, Class: "seg-0"},
		{Value: "right", Outlets: 1, X: "50.00", W: "25.00", Percent: 25, Class: "seg-1"},
		{Value: "unlabelled", Outlets: 1, X: "75.00", W: "25.00", Percent: 25, Class: "seg-none"},
	}
	if len(b.Segments) != len(want) {
		t.Fatalf("segments = %+v", b.Segments)
	}
	for i, s := range b.Segments {
		if s != want[i] {
			t.Errorf("segment %d = %+v, want %+v", i, s, want[i])
		}
	}
	if b.Label != "leaning: left 2, right 1, unlabelled 1 (of 4 outlets)" {
		t.Errorf("label = %q", b.Label)
	}
	if s := bars[1].Segments; len(s) != 1 || s[0].Class != "seg-none" || s[0].W != "100.00" {
		t.Errorf("all-unlabelled bar = %+v", s)
	}
}
