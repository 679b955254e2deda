package store

import (
	"errors"
	"fmt"
	"slices"
	"sort"

	"parallax/internal/model"
)

// CheckPlacements reports why an article's placements cannot be stored:
// its own story (in) needs an id and valid passages (nil: all of the
// text); each extra placement (also) needs an id of a story other than
// in's and than the other extras', and valid, non-empty passages (a
// roundup is in another story only through some of its text).
func CheckPlacements(in model.Placement, also []model.Placement) error {
	if in.StoryID == "" {
		return errors.New("empty story id")
	}
	if !model.ValidPassages(in.Passages) {
		return fmt.Errorf("passages %v out of order", in.Passages)
	}
	seen := map[string]bool{in.StoryID: true}
	for _, p := range also {
		switch {
		case p.StoryID == "":
			return errors.New("extra placement with an empty story id")
		case seen[p.StoryID]:
			return fmt.Errorf("story %s placed twice", p.StoryID)
		case len(p.Passages) == 0:
			return fmt.Errorf("extra placement in %s without passages", p.StoryID)
		case !model.ValidPassages(p.Passages):
			return fmt.Errorf("passages %v in %s out of order", p.Passages, p.StoryID)
		}
		seen[p.StoryID] = true
	}
	return nil
}

// CheckFits reports a passage of the placements (checked by
// CheckPlacements) that ends past a text of size bytes.
func CheckFits(in model.Placement, also []model.Placement, size int) error {
	for _, p := range append([]model.Placement{in}, also...) {
		if n := len(p.Passages); n > 0 && p.Passages[n-1].End > size {
			return fmt.Errorf("passage %v past the end of the text (%d bytes)", p.Passages[n-1], size)
		}
	}
	return nil
}

// SortPlacements orders extra placements as stores return them: by their
// first passage, then story id.
func SortPlacements(also []model.Placement) {
	sort.SliceStable(also, func(i, j int) bool {
		a, b := also[i], also[j]
		if len(a.Passages) > 0 && len(b.Passages) > 0 && a.Passages[0].Start != b.Passages[0].Start {
			return a.Passages[0].Start < b.Passages[0].Start
		}
		return a.StoryID < b.StoryID
	})
}

// JoinPassages returns the parts of the text that a or b covers, in
// order, overlapping ranges joined; nil (all of the text) when either is
// nil.
func JoinPassages(a, b []model.Passage) []model.Passage {
	if len(a) == 0 || len(b) == 0 {
		return nil
	}
	all := append(slices.Clone(a), b...)
	sort.Slice(all, func(i, j int) bool { return all[i].Start < all[j].Start })
	out := all[:1]
	for _, p := range all[1:] {
		last := &out[len(out)-1]
		if p.Start < last.End {
			last.End = max(last.End, p.End)
			continue
		}
		out = append(out, p)
	}
	return out
}

// ResolvePlacements returns an article's placements after merges: each
// story id mapped through resolve (a merged story to the one it became).
// An extra placement that lands in the article's own story is dropped,
// its passages joining in's (JoinPassages); two that land in one story
// become one with both passages, and the event of the one whose story did
// not change (else of the first). The extras come back sorted
// (SortPlacements).
func ResolvePlacements(in model.Placement, also []model.Placement, resolve func(string) string) (model.Placement, []model.Placement) {
	in.StoryID = resolve(in.StoryID)
	var kept, moved []model.Placement
	for _, p := range also {
		if s := resolve(p.StoryID); s != p.StoryID {
			p.StoryID = s
			moved = append(moved, p)
		} else {
			kept = append(kept, p)
		}
	}
	var out []model.Placement
	for _, p := range append(kept, moved...) {
		if p.StoryID == in.StoryID {
			in.Passages = JoinPassages(in.Passages, p.Passages)
			continue
		}
		i := slices.IndexFunc(out, func(q model.Placement) bool { return q.StoryID == p.StoryID })
		if i < 0 {
			p.Passages = slices.Clone(p.Passages)
			out = append(out, p)
			continue
		}
		out[i].Passages = JoinPassages(out[i].Passages, p.Passages)
	}
	SortPlacements(out)
	return in, out
}

// StoryChange is a story whose placement of one article changes.
type StoryChange struct {
	Story string
	// Gained says the story did not hold the article before (its
	// activity time moves); Kept says it holds it after.
	Gained, Kept bool
	// OldEvent and NewEvent are the article's event in the story before
	// and after ("" for none, or where it is not placed).
	OldEvent, NewEvent string
}

// PlacementChanges returns the stories whose placement of an article
// differs between the old placements (in and also; in.StoryID "" for an
// article not yet placed) and the new ones, by story id: the stories
// whose aggregates and brief the change touches. None means the new
// placements are the old ones.
func PlacementChanges(oldIn model.Placement, oldAlso []model.Placement, in model.Placement, also []model.Placement) []StoryChange {
	before, after := placementKeys(oldIn, oldAlso), placementKeys(in, also)
	oldEvents, newEvents := eventsIn(oldIn, oldAlso), eventsIn(in, also)
	var out []StoryChange
	for s, k := range after {
		if old, ok := before[s]; !ok || old != k {
			out = append(out, StoryChange{Story: s, Gained: !ok, Kept: true, OldEvent: oldEvents[s], NewEvent: newEvents[s]})
		}
	}
	for s := range before {
		if _, ok := after[s]; !ok {
			out = append(out, StoryChange{Story: s, OldEvent: oldEvents[s]})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Story < out[j].Story })
	return out
}

// eventsIn maps each story of the placements to the article's event there.
func eventsIn(in model.Placement, also []model.Placement) map[string]string {
	m := make(map[string]string, 1+len(also))
	if in.StoryID != "" {
		m[in.StoryID] = in.EventID
	}
	for _, p := range also {
		m[p.StoryID] = p.EventID
	}
	return m
}

// placementKeys maps each story of the placements to what the article is
// there: its own story or an extra one, event and passages.
func placementKeys(in model.Placement, also []model.Placement) map[string]string {
	keys := map[string]string{}
	if in.StoryID != "" {
		keys[in.StoryID] = "own\x00" + in.EventID + "\x00" + EncodePassages(in.Passages)
	}
	for _, p := range also {
		keys[p.StoryID] = "extra\x00" + p.EventID + "\x00" + EncodePassages(p.Passages)
	}
	return keys
}
