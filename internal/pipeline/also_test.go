package pipeline

import (
	"context"
	"fmt"
	"parallax/internal/ingest/files"
	"parallax/internal/queue/memory"
	"reflect"
	"strings"
	"testing"
	"time"

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
			got := ModelPlacements(tt.in)
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

// TestRoundupBriefs: the brief of each story a roundup is in, built from
// the store's StoryArticles, reads only the roundup's part about that
// story, and cites the roundup for it.
func TestRoundupBriefs(t *testing.T) {
	ctx := context.Background()
	st := openTestStore(t)
	dam := "Dam talks resume in Lisbon\n" +
		"Engineers from Portugal and Spain met in Lisbon on Monday to inspect the cracked Alqueva dam after the storm.\n" +
		"\"We will not let the water through until the wall is safe,\" said Ana Silva, the Portuguese minister.\n"
	fest := "Harbour festival cancelled\n" +
		"The Porto harbour festival was cancelled because of a sailing strike by the Douro ferry crews.\n" +
		"\"Nobody wants boats without sailors,\" said Rui Costa, the festival director of Porto Events.\n"
	arts := []*model.Article{
		{ID: "a", Source: "one.example", Title: "Alqueva dam inspected", Published: now.Add(-time.Hour), ContentHash: "h-a",
			Text: "Engineers from Portugal and Spain met in Lisbon on Monday to inspect the cracked Alqueva dam.\n" +
				"\"We will not let the water through until the wall is safe,\" Ana Silva told reporters."},
		{ID: "c", Source: "two.example", Title: "Porto festival off", Published: now.Add(-time.Hour), ContentHash: "h-c",
			Text: "The Porto harbour festival was called off after Douro ferry crews went on strike.\n" +
				"Festival director Rui Costa said the sailing strike left the harbour without boats."},
		{ID: "r", Source: "digest.example", Title: "Tuesday roundup", Published: now, ContentHash: "h-r", Text: dam + fest},
	}
	for _, a := range arts {
		if _, _, err := st.AddArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	for id, story := range map[string]string{"a": "s-dam", "c": "s-fest"} {
		if err := st.Assign(ctx, id, model.Placement{StoryID: story}, nil); err != nil {
			t.Fatal(err)
		}
	}
	in := model.Placement{StoryID: "s-dam", Passages: []model.Passage{{Start: 0, End: len(dam)}}}
	also := []model.Placement{{StoryID: "s-fest", Passages: []model.Passage{{Start: len(dam), End: len(dam + fest)}}}}
	if err := st.Assign(ctx, "r", in, also); err != nil {
		t.Fatal(err)
	}
	p := newTestPipeline(t, st)
	if n, err := p.BriefStale(ctx); err != nil || n != 2 {
		t.Fatalf("BriefStale = %d, %v; want 2 briefs", n, err)
	}
	for _, tt := range []struct {
		story string
		not   []string // words only the roundup's other part holds
	}{
		{"s-dam", []string{"festival", "Porto", "Rui Costa", "ferry", "sailor", "Harbour"}},
		{"s-fest", []string{"Alqueva", "Lisbon", "Ana Silva", "water", "minister", "Dam talks"}},
	} {
		_, b, _, err := st.Story(ctx, tt.story)
		if err != nil || b == nil {
			t.Fatalf("Story(%s): brief %v, %v", tt.story, b, err)
		}
		texts, cited := briefTexts(b)
		for _, text := range texts {
			for _, w := range tt.not {
				if strings.Contains(text, w) {
					t.Errorf("brief of %s: %q comes from the roundup's part about another story (%q)", tt.story, text, w)
				}
			}
		}
		if !cited["r"] {
			t.Errorf("brief of %s cites the roundup nowhere: %+v", tt.story, b)
		}
	}
}

// briefTexts returns every text of a brief and the ids it cites.
func briefTexts(b *model.Brief) ([]string, map[string]bool) {
	var texts []string
	cited := map[string]bool{}
	for _, s := range b.Summary {
		texts = append(texts, s.Text)
		for _, id := range s.Sources {
			cited[id] = true
		}
	}
	for _, s := range b.Timeline {
		texts = append(texts, s.Text)
	}
	for _, q := range b.Quotes {
		texts = append(texts, q.Speaker+" "+q.Text)
		cited[q.Source] = true
	}
	for _, e := range b.Entities {
		texts = append(texts, e.Name+" "+strings.Join(e.Aliases, " "))
		for _, id := range e.Sources {
			cited[id] = true
		}
	}
	for _, f := range b.Consensus {
		texts = append(texts, f.Text)
	}
	for _, c := range b.SingleSource {
		texts = append(texts, c.Text)
	}
	return append(texts, b.Title), cited
}

// TestRoundupPlacedEverywhere: ingested through the pipeline, a briefing
// that covers three running stories (the cluster package's test stream)
// is stored in each of them with its section there, and a restart
// replays all three placements.
func TestRoundupPlacedEverywhere(t *testing.T) {
	ctx := context.Background()
	var items []files.Item
	for i, r := range readStream(t, "../cluster/testdata/roundup/stream.jsonl") {
		items = append(items, files.Item{Origin: fmt.Sprintf("stream:%d", i+1), Kind: files.Record,
			Rec: &files.Rec{ID: r.ID, Title: r.Title, Text: r.Text, Published: r.Published}})
	}
	st := openTestStore(t)
	p := newTestPipeline(t, st)
	walk := func(emit func(files.Item) error) error {
		for _, it := range items {
			if err := emit(it); err != nil {
				return err
			}
		}
		return nil
	}
	if _, err := p.Ingest(ctx, memory.New(memory.Options{}), walk, 1, nil); err != nil {
		t.Fatal(err)
	}
	roundup, err := st.Article(ctx, "roundup")
	if err != nil {
		t.Fatal(err)
	}
	if len(roundup.Passages) == 0 || len(roundup.Also) != 2 {
		t.Fatalf("roundup stored in %s with passages %v and also %+v; want passages and 2 more stories", roundup.StoryID, roundup.Passages, roundup.Also)
	}
	names := map[string]string{"bridge-1": "Harlan Street", "stadium-1": "Mariners", "fire-1": "Brennan Fire"}
	for id, name := range names {
		a, err := st.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		arts, err := st.StoryArticles(ctx, a.StoryID)
		if err != nil {
			t.Fatal(err)
		}
		var part string
		for _, x := range arts {
			if x.ID == "roundup" {
				part = x.StoryText()
			}
		}
		if part == "" {
			t.Errorf("story of %s (%s) does not list the roundup", id, a.StoryID)
			continue
		}
		for _, other := range names {
			if strings.Contains(part, other) != (other == name) {
				t.Errorf("the roundup's part in the story of %s: mentions %q is %v\n%s", id, other, !(other == name), part)
			}
		}
	}
	r := newTestPipeline(t, st) // a restart
	if got, want := r.cl.Active(), p.cl.Active(); got != want {
		t.Errorf("restarted clusterer holds %d stories, the first held %d", got, want)
	}
}
