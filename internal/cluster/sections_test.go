package cluster

import (
	"strings"
	"testing"
)

// TestSections: headings cut a text into sections when they lead into
// paragraphs; a text of short lines only (a broadcast transcript wrapped
// at 50 characters) has none, whatever its capitals.
func TestSections(t *testing.T) {
	para := func(topic string) string { // a 45-word paragraph
		return strings.TrimSpace(strings.Repeat(topic+" officials said the plan would go ahead next week. ", 5))
	}
	for _, tt := range []struct {
		name     string
		lines    []string
		sections int
	}{
		{"headed sections", []string{para("Harbor"), "BRIDGE CLOSURE", para("Bridge"), "School Board Vote", para("School")}, 3},
		{"heading over a subtitle", []string{para("Harbor"), "BRIDGE CLOSURE", "Engineers find cracks in the east span", para("Bridge")}, 2},
		{"one article, no headings", []string{para("Harbor"), para("Harbor"), para("Harbor")}, 1},
		{"wrapped transcript", []string{
			"GOOD EVENING, I'M DANA LEWIS.",
			"WE NOW KNOW THE NAMES OF THOSE INVOLVED IN YESTERDAY'S",
			"FIRE AT THE HARBOR WAREHOUSE ON EAST MAIN",
			"STREET, WHERE CREWS WORKED THROUGH THE NIGHT",
			"Leah: Since Friday night residents have been",
			"asking what could have happened and who will pay",
			"Deputies say they are investigating the cause",
			"and have not ruled anything out at this point",
			"Sheriff Nate Olsen says crews found the door open",
			"when they arrived shortly after eleven o'clock",
		}, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := sections(strings.Join(tt.lines, "\n")); len(got) != tt.sections {
				t.Errorf("%d sections %v, want %d", len(got), got, tt.sections)
			}
		})
	}
}

// TestHeadingOnly: a roundup passage cut down to its heading line says
// nothing about its story.
func TestHeadingOnly(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Aftermath [ edit ]\n", true},
		{"COSMETIC ACUPUNCTURE\n", true},
		{"Aftermath [ edit ]\nThe town held a vigil on Sunday for the six students.", false},
		{"The town held a vigil on Sunday for the six students who were killed and the thirteen who were hurt.", false},
	} {
		if got := headingOnly(tc.text); got != tc.want {
			t.Errorf("headingOnly(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestSlight: a roundup whose story passages are a line of a long text
// does not join the story; a short digest's one on-story section does.
func TestSlight(t *testing.T) {
	long := "This article is about the 2014 killing spree.\n" + strings.Repeat("The gunman drove through the town and fired at people on the street. ", 200)
	short := "The rig fire burned for two days before the crews put it out on Friday.\n" + strings.Repeat("Other news of the week. ", 20)
	for _, tc := range []struct {
		name string
		text string
		ps   []Passage
		want bool
	}{
		{"HatnoteOfLongPage", long, []Passage{{0, 46}}, true},
		{"SectionOfShortDigest", short, []Passage{{0, 73}}, false},
		{"LongPassage", long, []Passage{{0, 2000}}, false},
	} {
		if got := slight(tc.text, tc.ps); got != tc.want {
			t.Errorf("%s: slight = %v, want %v", tc.name, got, tc.want)
		}
	}
}
