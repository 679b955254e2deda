package cluster_test

import (
	"slices"
	"testing"

	"parallax/internal/cluster"
)

// TestMoveStray streams two running stories (a nurses strike, a closed
// bridge) with a review pass after each article. In StrayMoves a strike
// article sits in the bridge story, as a stored placement from an earlier
// run puts it (Restore): once the bridge story gains an article, the
// review pass moves the stray to the strike story, as the bridge story
// without it would not take it and the strike story would. Articles in
// their right story are left alone, and MoveProb 0 turns moves off.
func TestMoveStray(t *testing.T) {
	docs := readStream(t, "testdata/move/stream.jsonl")
	stray := readStream(t, "testdata/move/stray.jsonl")[0]
	toStrike := cluster.Move{Article: "strike-0", From: "s-bridge-1", To: "s-strike-1"}
	for _, tt := range []struct {
		name string
		into string // the story the stray is restored into; "" for none
		off  bool
		want []cluster.Move
		ends string // the stray's story at the end
	}{
		{"StrayMoves", "s-bridge-1", false, []cluster.Move{toStrike}, "s-strike-1"},
		{"RightPlacementsStay", "", false, nil, ""},
		{"StrayInItsStoryStays", "s-strike-1", false, nil, "s-strike-1"},
		{"Off", "s-bridge-1", true, nil, "s-bridge-1"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			o := cluster.DefaultOptions()
			o.ReviewEvery = 1
			if tt.off {
				o.MoveProb = 0
			}
			c := cluster.New(o)
			story := map[string]string{}
			var got []cluster.Move
			for _, d := range docs {
				if d.ID == "bridge-3" && tt.into != "" {
					c.Restore(stray, cluster.Assignment{Story: tt.into, Event: "e-" + stray.ID})
					story[stray.ID] = tt.into
				}
				story[d.ID] = c.Add(d).Story
				if ms := c.Merges(); len(ms) > 0 {
					t.Fatalf("after %s: merges %v, want none", d.ID, ms)
				}
				for _, m := range c.Moves() {
					if m.Event == "" {
						t.Errorf("move %+v names no event", m)
					}
					story[m.Article] = m.To
					m.Event = ""
					got = append(got, m)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("moves %+v, want %+v", got, tt.want)
			}
			for id, s := range story {
				want := "s-" + id[:len(id)-2] + "-1" // s-strike-1 or s-bridge-1
				if id == stray.ID {
					want = tt.ends
				}
				if s != want {
					t.Errorf("%s ends in %s, want %s", id, s, want)
				}
			}
			if len(c.Moves()) != 0 {
				t.Error("Moves does not forget the moves it returned")
			}
		})
	}
}
