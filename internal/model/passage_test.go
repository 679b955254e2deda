package model

import (
	"reflect"
	"testing"
)

func TestPassages(t *testing.T) {
	const text = "Head\nOne é two.\nOff topic.\nThree.\n"
	tests := []struct {
		name  string
		ps    []Passage
		valid bool
		texts []string
		story string
	}{
		{"None", nil, true, []string{text}, text},
		{"Two", []Passage{{5, 17}, {28, 35}}, true, []string{"One é two.", "Three."}, "One é two.\nThree."},
		{"PastTheEnd", []Passage{{28, 99}}, true, []string{"Three."}, "Three."},
		{"InsideARune", []Passage{{5, 10}}, true, []string{"One é"}, "One é"},
		{"Overlapping", []Passage{{0, 10}, {5, 12}}, false, nil, ""},
		{"Empty", []Passage{{3, 3}}, false, nil, ""},
		{"Negative", []Passage{{-1, 3}}, false, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ValidPassages(tt.ps); got != tt.valid {
				t.Fatalf("ValidPassages = %v, want %v", got, tt.valid)
			}
			if !tt.valid {
				return
			}
			if got := PassageTexts(text, tt.ps); !reflect.DeepEqual(got, tt.texts) {
				t.Errorf("PassageTexts = %q, want %q", got, tt.texts)
			}
			a := &Article{Text: text, Passages: tt.ps}
			if got := a.StoryText(); got != tt.story {
				t.Errorf("StoryText = %q, want %q", got, tt.story)
			}
		})
	}
}
