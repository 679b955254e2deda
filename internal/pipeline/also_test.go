package pipeline

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"parallax/internal/cluster"
	"parallax/internal/model"
	"parallax/internal/store/sqlite"
)

// Two sections of a roundup: one about a bridge (its own story), one
// about a cup final (a story it is in only through that section).
const (
	bridgeSection = "Riverside council approves Elm Street bridge.\n" +
		"The Riverside city council approved a plan to build the Elm Street bridge over the Maple river, mayor Ana Ruiz said on Tuesday.\n" +
		"Construction of the Elm Street bridge is expected to start next spring, according to the engineering department.\n"
	cupSection = "Rovers win the county cup.\n" +
		"Riverside Rovers beat Harbor City United 2-1 in the county cup final at Maple Stadium on Tuesday night, with two goals from striker Tom Okafor.\n" +
		"Rovers coach Lena Marsh said the county cup final win was the club's first trophy in a decade.\n"
)

// TestRestoreAlso: the extra placements of a stored roundup are replayed
// into the clusterer (RestoreAlso), at start (Restart) and when catching
// up with another writer (CatchUp): the story the roundup is in only
// through a section is in memory beside its own story.
func TestRestoreAlso(t *testing.T) {
	for _, tt := range []struct {
		name string
		// storeFirst: the roundup is stored before the pipeline starts.
		storeFirst bool
	}{
		{"Restart", true},
		{"CatchUp", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			st := openTestStore(t)
			var p *Pipeline
			if !tt.storeFirst {
				p = newTestPipeline(t, st)
			}
			storeRoundup(t, st)
			if tt.storeFirst {
				p = newTestPipeline(t, st)
			} else if n, err := p.ClusterPending(context.Background()); err != nil || n != 0 {
				t.Fatalf("ClusterPending = %d, %v; want 0 placed", n, err) // only catches up
			}
			if got := p.cl.Active(); got != 2 {
				t.Errorf("clusterer holds %d stories, want 2 (s-bridge and, through the roundup's section, s-cup)", got)
			}
		})
	}
}

// TestPlacementsConversion: the clusterer's extra placements become the
// model's and back, nil for none.
func TestPlacementsConversion(t *testing.T) {
	for _, tt := range []struct {
		name string
		in   []cluster.Placement
		want []model.Placement
	}{
		{"None", nil, nil},
		{"Empty", []cluster.Placement{}, nil},
		{"Two", []cluster.Placement{
			{Story: "s2", Event: "e2", Passages: []cluster.Passage{{Start: 3, End: 9}, {Start: 12, End: 20}}},
			{Story: "s3", Passages: []cluster.Passage{{Start: 20, End: 31}}},
		}, []model.Placement{
			{StoryID: "s2", EventID: "e2", Passages: []model.Passage{{Start: 3, End: 9}, {Start: 12, End: 20}}},
			{StoryID: "s3", Passages: []model.Passage{{Start: 20, End: 31}}},
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := placements(tt.in)
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("placements = %+v, want %+v", got, tt.want)
			}
			for i, p := range got {
				if back := clusterPassages(p.Passages); !reflect.DeepEqual(back, tt.in[i].Passages) {
					t.Errorf("clusterPassages(%v) = %v, want %v", p.Passages, back, tt.in[i].Passages)
				}
			}
		})
	}
}

// storeRoundup stores, as another writer would, a roundup in story
// s-bridge with its cup section placed in story s-cup.
func storeRoundup(t *testing.T, st *sqlite.DB) {
	t.Helper()
	ctx := context.Background()
	r := &model.Article{ID: "digest", Source: "digest.example", Title: "Tuesday roundup", Language: "en",
		Published: now, Text: bridgeSection + cupSection, ContentHash: "h-digest"}
	if _, _, err := st.AddArticle(ctx, r); err != nil {
		t.Fatal(err)
	}
	cupAt := strings.Index(r.Text, "Rovers win")
	in := model.Placement{StoryID: "s-bridge", EventID: "s-bridge-e1", Passages: []model.Passage{{Start: 0, End: cupAt}}}
	also := []model.Placement{{StoryID: "s-cup", EventID: "s-cup-e1", Passages: []model.Passage{{Start: cupAt, End: len(r.Text)}}}}
	if err := st.Assign(ctx, "digest", in, also); err != nil {
		t.Fatal(err)
	}
}
