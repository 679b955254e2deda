package main

import (
	"encoding/json"
	"strings"
	"testing"

	"parallax/internal/cluster"
	"parallax/internal/model"
)

// TestClusterOutputAlso: a roundup's output line names the other stories
// it is in, resolved through the clusterer's merges as the store's
// MergeStory resolves them; an ordinary article's line has no "also".
func TestClusterOutputAlso(t *testing.T) {
	own := []model.Passage{{Start: 0, End: 40}}
	cup := []cluster.Passage{{Start: 40, End: 90}}
	rain := []cluster.Passage{{Start: 90, End: 120}}
	tests := []struct {
		name     string
		as       cluster.Assignment
		passages []model.Passage
		also     []cluster.Placement
		lin      cluster.Lineage
		want     string
	}{
		{"Plain", cluster.Assignment{Story: "s1", Event: "e1"}, nil, nil, cluster.Lineage{},
			`{"id":"r","story":"s1","event":"e1"}`},
		{"Roundup", cluster.Assignment{Story: "s1", Event: "e1"}, own,
			[]cluster.Placement{{Story: "s3", Passages: rain}, {Story: "s2", Event: "e2", Passages: cup}}, cluster.Lineage{},
			`{"id":"r","story":"s1","event":"e1","passages":[{"start":0,"end":40}],` +
				`"also":[{"story":"s2","event":"e2","passages":[{"start":40,"end":90}]},{"story":"s3","passages":[{"start":90,"end":120}]}]}`},
		{"ExtraMergedOnTwice", cluster.Assignment{Story: "s1", Event: "e1"}, own,
			[]cluster.Placement{{Story: "s2", Event: "e2", Passages: cup}}, cluster.Lineage{"s2": "s4", "s4": "s5"},
			`{"id":"r","story":"s1","event":"e1","passages":[{"start":0,"end":40}],` +
				`"also":[{"story":"s5","event":"e2","passages":[{"start":40,"end":90}]}]}`},
		{"ExtraMergedIntoOwn", cluster.Assignment{Story: "s1", Event: "e1"}, own,
			[]cluster.Placement{{Story: "s2", Event: "e2", Passages: cup}}, cluster.Lineage{"s2": "s1"},
			`{"id":"r","story":"s1","event":"e1","passages":[{"start":0,"end":40},{"start":40,"end":90}]}`},
		{"OwnMergedIntoExtra", cluster.Assignment{Story: "s1", Event: "e1"}, own,
			[]cluster.Placement{{Story: "s2", Event: "e2", Passages: cup}, {Story: "s3", Passages: rain}}, cluster.Lineage{"s1": "s2"},
			`{"id":"r","story":"s2","event":"e1","passages":[{"start":0,"end":40},{"start":40,"end":90}],` +
				`"also":[{"story":"s3","passages":[{"start":90,"end":120}]}]}`},
		{"ExtrasMeet", cluster.Assignment{Story: "s1", Event: "e1"}, own,
			[]cluster.Placement{{Story: "s2", Event: "e2", Passages: cup}, {Story: "s3", Event: "e3", Passages: rain}}, cluster.Lineage{"s3": "s2"},
			`{"id":"r","story":"s1","event":"e1","passages":[{"start":0,"end":40}],` +
				`"also":[{"story":"s2","event":"e2","passages":[{"start":40,"end":90},{"start":90,"end":120}]}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			as, parts := resolveParts(tt.as, tt.passages, tt.also, tt.lin)
			b, err := json.Marshal(clusterOutput{ID: "r", Story: as.Story, Event: as.Event, Passages: parts.Passages, Also: parts.Also})
			if err != nil {
				t.Fatal(err)
			}
			if got := string(b); got != tt.want {
				t.Errorf("line\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestClusterOutputPlain: for articles that are no roundups, `parallax
// cluster` prints no "also" field.
func TestClusterOutputPlain(t *testing.T) {
	in := `{"id":"a1","title":"Bridge approved","text":"The Riverside council approved the Elm Street bridge on Tuesday, mayor Ana Ruiz said."}
{"id":"a2","title":"Cup final","text":"Riverside Rovers beat Harbor City United 2-1 in the county cup final at Maple Stadium."}
`
	code, out, errs := runCmd(t, in, "cluster", "--in", "-")
	if code != 0 {
		t.Fatalf("cluster exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d output lines, want 2:\n%s", len(lines), out)
	}
	for _, l := range lines {
		var x map[string]any
		if err := json.Unmarshal([]byte(l), &x); err != nil {
			t.Fatalf("bad line %q: %v", l, err)
		}
		if _, ok := x["also"]; ok || x["story"] == "" {
			t.Errorf("line %s: want a story and no also", l)
		}
	}
}
