package storetest

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"parallax/internal/model"
	"parallax/internal/store"
)

// digest is a roundup of three stories, a section each: the dam talks,
// a football final and the weather. damP, footP and rainP are their
// passages.
const digest = "Talks on the dam resume.\nThe ministers met on Monday.\n" +
	"In other news, a football final.\nThe cup went to the home side.\n" +
	"And the weather: rain all week.\n"

var (
	footAt = strings.Index(digest, "In other news")
	rainAt = strings.Index(digest, "And the weather")
	damP   = []model.Passage{{Start: 0, End: footAt}}
	footP  = []model.Passage{{Start: footAt, End: rainAt}}
	rainP  = []model.Passage{{Start: rainAt, End: len(digest)}}
)

// roundupArticle returns a fixture with the digest's text.
func roundupArticle(id string) *model.Article {
	a := article(id, "digest.example", day)
	a.Text = digest
	return a
}

// at is a placement in story with event and passages.
func at(story, event string, ps []model.Passage) model.Placement {
	return model.Placement{StoryID: story, EventID: event, Passages: ps}
}

func mustPlace(t *testing.T, s store.Store, id string, in model.Placement, also ...model.Placement) {
	t.Helper()
	if err := s.Assign(context.Background(), id, in, also); err != nil {
		t.Fatalf("Assign(%s, %+v, %+v): %v", id, in, also, err)
	}
}

// placedRefs returns a story's refs as "id/event" and the passages of
// each by id, failing the test if the story is absent.
func placedRefs(t *testing.T, s store.Store, story string) (*model.Story, []string, map[string][]model.Passage) {
	t.Helper()
	st, _, refs, err := s.Story(context.Background(), story)
	if err != nil {
		t.Fatalf("Story(%s): %v", story, err)
	}
	var got []string
	ps := map[string][]model.Passage{}
	for _, r := range refs {
		got = append(got, r.ID+"/"+r.EventID)
		ps[r.ID] = r.Passages
	}
	return st, got, ps
}

// testAlsoRoundTrip: a roundup placed in its own story and two more is
// read back with its extra placements (Article, ClusteredArticles,
// AssignedSince), appears in each story with that story's event and
// passages only (StoryArticles, Story) and counts in its aggregates;
// the same placements again change nothing.
func testAlsoRoundTrip(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustAdd(t, s, roundupArticle("r1"), article("a1", "one.com", day.Add(-time.Hour)),
		article("a2", "two.com", day.Add(time.Hour)))
	mustAssign(t, s, "a1", "s1", "e1")
	mustAssign(t, s, "a2", "s2", "e2")
	// Given out of order: stores return extras by their first passage.
	mustPlace(t, s, "r1", at("s1", "e1", damP), at("s3", "", rainP), at("s2", "e9", footP))
	wantAlso := []model.Placement{at("s2", "e9", footP), at("s3", "", rainP)}

	a, err := s.Article(ctx, "r1")
	if err != nil {
		t.Fatal(err)
	}
	if a.StoryID != "s1" || a.EventID != "e1" || !reflect.DeepEqual(a.Passages, damP) || !reflect.DeepEqual(a.Also, wantAlso) {
		t.Errorf("Article(r1) placed in %s/%s %v also %+v; want s1/e1 %v also %+v", a.StoryID, a.EventID, a.Passages, a.Also, damP, wantAlso)
	}
	if a, err := s.Article(ctx, "a1"); err != nil || a.Also != nil {
		t.Errorf("Article(a1).Also = %+v, %v; want none", a.Also, err)
	}
	clustered, err := s.ClusteredArticles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	since, _, err := s.AssignedSince(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	for name, as := range map[string][]*model.Article{"ClusteredArticles": clustered, "AssignedSince": since} {
		equalIDs(t, name, ids(as), []string{"a1", "a2", "r1"})
		for _, a := range as {
			want := wantAlso
			if a.ID != "r1" {
				want = nil
			}
			if !reflect.DeepEqual(a.Also, want) {
				t.Errorf("%s: %s also %+v, want %+v", name, a.ID, a.Also, want)
			}
		}
	}

	// Each story lists the roundup with its own event and passages.
	for _, tt := range []struct {
		story    string
		refs     []string
		passages []model.Passage
		articles int
		outlets  int
	}{
		{"s1", []string{"a1/e1", "r1/e1"}, damP, 2, 2},
		{"s2", []string{"r1/e9", "a2/e2"}, footP, 2, 2},
		{"s3", []string{"r1/"}, rainP, 1, 1},
	} {
		st, refs, ps := placedRefs(t, s, tt.story)
		equalIDs(t, "Story("+tt.story+") refs", refs, tt.refs)
		if !reflect.DeepEqual(ps["r1"], tt.passages) {
			t.Errorf("Story(%s): r1 passages %v, want %v", tt.story, ps["r1"], tt.passages)
		}
		if st.Articles != tt.articles || st.Outlets != tt.outlets {
			t.Errorf("Story(%s) counts %d articles, %d outlets; want %d, %d", tt.story, st.Articles, st.Outlets, tt.articles, tt.outlets)
		}
		arts, err := s.StoryArticles(ctx, tt.story)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, a := range arts {
			if a.ID != "r1" {
				continue
			}
			n++
			if a.StoryID != tt.story || !reflect.DeepEqual(a.Passages, tt.passages) || a.Text != digest {
				t.Errorf("StoryArticles(%s): r1 in %s with %v (text %d bytes); want %s with %v and all of its text",
					tt.story, a.StoryID, a.Passages, len(a.Text), tt.story, tt.passages)
			}
		}
		if n != 1 {
			t.Errorf("StoryArticles(%s) lists r1 %d times, want once", tt.story, n)
		}
	}
	if st, _, _ := placedRefs(t, s, "s3"); st.Title != "Title of r1" || !st.First.Equal(day) {
		t.Errorf("story s3, made by an extra placement: %+v", *st)
	}
	stale, err := s.StaleStories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	equalIDs(t, "StaleStories", sortedCopy(stale), []string{"s1", "s2", "s3"})
	if got, want := mustStats(t, s), (model.Stats{Articles: 3, Stories: 3, Events: 3, Sources: 3}); got != want {
		t.Errorf("Stats = %+v, want %+v (the roundup counted once)", got, want)
	}

	// The same placements again (in another order): no new row, no stale brief.
	for _, id := range []string{"s1", "s2", "s3"} {
		if err := s.SaveBrief(ctx, id, &model.Brief{Title: "Brief of " + id}); err != nil {
			t.Fatal(err)
		}
	}
	mustPlace(t, s, "r1", at("s1", "e1", damP), at("s2", "e9", footP), at("s3", "", rainP))
	if stale, err = s.StaleStories(ctx); err != nil {
		t.Fatal(err)
	}
	equalIDs(t, "StaleStories after the same placements", stale, nil)
	if st, refs, _ := placedRefs(t, s, "s2"); st.Articles != 2 || len(refs) != 2 {
		t.Errorf("after the same placements, s2 has %d articles, refs %v", st.Articles, refs)
	}
	// A new event of an extra placement makes only that story stale.
	mustPlace(t, s, "r1", at("s1", "e1", damP), at("s2", "e2", footP), at("s3", "", rainP))
	if stale, err = s.StaleStories(ctx); err != nil {
		t.Fatal(err)
	}
	equalIDs(t, "StaleStories after a new event in s2", stale, []string{"s2"})
	if _, refs, _ := placedRefs(t, s, "s2"); !slices.Equal(refs, []string{"r1/e2", "a2/e2"}) {
		t.Errorf("s2 refs %v after the new event", refs)
	}
}

// testAlsoInvalid: placements that break the contract are refused, and
// the refusal leaves the article as it was (nothing half stored).
func testAlsoInvalid(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustAdd(t, s, roundupArticle("r1"))
	for _, tt := range []struct {
		name string
		also []model.Placement
	}{
		{"ExtraInOwnStory", []model.Placement{at("s1", "", footP)}},
		{"SameStoryTwice", []model.Placement{at("s2", "", footP), at("s2", "", rainP)}},
		{"NoPassages", []model.Placement{at("s2", "", nil)}},
		{"EmptyStoryID", []model.Placement{at("", "", footP)}},
		{"Overlapping", []model.Placement{at("s2", "", []model.Passage{{Start: 0, End: 30}, {Start: 20, End: 40}})}},
		{"PastTheEnd", []model.Placement{at("s2", "", footP), at("s3", "", []model.Passage{{Start: rainAt, End: len(digest) + 1}})}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if err := s.Assign(ctx, "r1", at("s1", "e1", damP), tt.also); err == nil {
				t.Errorf("Assign with extra placements %+v succeeded", tt.also)
			}
		})
	}
	pending, err := s.PendingArticles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	equalIDs(t, "PendingArticles after refused placements", ids(pending), []string{"r1"})
	if st := mustStats(t, s); st.Stories != 0 || st.Events != 0 {
		t.Errorf("refused placements left stories: %+v", st)
	}
}

// testAlsoReassign: a new Assign replaces the extra placements: a story
// the roundup leaves loses it (and goes when emptied), one it enters gets
// it; extras alone changing do not bring the article back in
// AssignedSince, its own story changing does.
func testAlsoReassign(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustAdd(t, s, roundupArticle("r1"), article("a2", "two.com", day.Add(time.Hour)))
	mustPlace(t, s, "r1", at("s1", "e1", damP), at("s2", "", footP))
	mustPlace(t, s, "r1", at("s1", "e1", damP), at("s3", "", rainP))
	if _, _, _, err := s.Story(ctx, "s2"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("s2, left by its only article: err = %v, want ErrNotFound", err)
	}
	if _, refs, _ := placedRefs(t, s, "s3"); !slices.Equal(refs, []string{"r1/"}) {
		t.Errorf("s3 refs %v, want [r1/]", refs)
	}
	mustAssign(t, s, "a2", "s3", "e3")
	_, last, err := s.AssignedSince(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	mustPlace(t, s, "r1", at("s1", "e1", damP)) // no extras now
	if st, refs, _ := placedRefs(t, s, "s3"); st.Articles != 1 || !slices.Equal(refs, []string{"a2/e3"}) {
		t.Errorf("s3 after r1 left: %d articles, refs %v; want 1, [a2/e3]", st.Articles, refs)
	}
	if a, err := s.Article(ctx, "r1"); err != nil || a.Also != nil {
		t.Errorf("Article(r1).Also = %+v, %v; want none", a.Also, err)
	}
	if arts, _, err := s.AssignedSince(ctx, last); err != nil || len(arts) != 0 {
		t.Errorf("AssignedSince after extras alone changed = %v, %v; want nothing", ids(arts), err)
	}

	// Own story and an extra swap: the article comes back, in s3 with the
	// weather section and in s1 with the dam talks.
	mustPlace(t, s, "r1", at("s3", "e3", rainP), at("s1", "e1", damP))
	arts, _, err := s.AssignedSince(ctx, last)
	if err != nil {
		t.Fatal(err)
	}
	equalIDs(t, "AssignedSince after a move", ids(arts), []string{"r1"})
	if len(arts) == 1 && (arts[0].StoryID != "s3" || !reflect.DeepEqual(arts[0].Also, []model.Placement{at("s1", "e1", damP)})) {
		t.Errorf("moved r1 read back in %s also %+v", arts[0].StoryID, arts[0].Also)
	}
	if st, refs, ps := placedRefs(t, s, "s1"); st.Articles != 1 || !slices.Equal(refs, []string{"r1/e1"}) || !reflect.DeepEqual(ps["r1"], damP) {
		t.Errorf("s1 after the swap: %d articles, refs %v, passages %v", st.Articles, refs, ps["r1"])
	}
	if st, _, ps := placedRefs(t, s, "s3"); st.Articles != 2 || !reflect.DeepEqual(ps["r1"], rainP) {
		t.Errorf("s3 after the swap: %d articles, r1 passages %v", st.Articles, ps["r1"])
	}
}

// testAlsoMerge: MergeStory moves extra placements with the stories they
// are in, and folds one that lands where the article already is.
func testAlsoMerge(t *testing.T, s store.Store) {
	ctx := context.Background()
	damFoot := []model.Passage{{Start: 0, End: footAt}, {Start: footAt, End: rainAt}}
	footRain := []model.Passage{{Start: footAt, End: rainAt}, {Start: rainAt, End: len(digest)}}
	tests := []struct {
		name     string
		also     []model.Placement // besides own story A with damP
		from     string
		into     string
		wantIn   model.Placement
		wantAlso []model.Placement
	}{
		{"ExtraIntoThird", []model.Placement{at("B", "eB", footP)}, "B", "C",
			at("A", "eA", damP), []model.Placement{at("C", "eB", footP)}},
		{"ExtraIntoOwn", []model.Placement{at("B", "eB", footP)}, "B", "A",
			at("A", "eA", damFoot), nil},
		{"OwnIntoExtra", []model.Placement{at("B", "eB", footP), at("C", "eC", rainP)}, "A", "B",
			at("B", "eA", damFoot), []model.Placement{at("C", "eC", rainP)}},
		{"TwoExtrasMeet", []model.Placement{at("B", "eB", footP), at("C", "eC", rainP)}, "C", "B",
			at("A", "eA", damP), []model.Placement{at("B", "eB", footRain)}},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := string(rune('a'+i)) + "-" // this case's ids
			r, x, y := p+"r", p+"x", p+"y"
			mustAdd(t, s, roundupArticle(r), article(x, "x.example", day.Add(time.Hour)), article(y, "y.example", day.Add(2*time.Hour)))
			mustAssign(t, s, x, p+"B", "eB")
			mustAssign(t, s, y, p+"C", "eC")
			also := make([]model.Placement, len(tt.also))
			for j, a := range tt.also {
				also[j] = at(p+a.StoryID, a.EventID, a.Passages)
			}
			mustPlace(t, s, r, at(p+"A", "eA", damP), also...)
			moved, err := s.MergeStory(ctx, p+tt.from, p+tt.into)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Contains(moved, r) {
				t.Errorf("moved %v, want %s among them", moved, r)
			}
			a, err := s.Article(ctx, r)
			if err != nil {
				t.Fatal(err)
			}
			gotIn := at(a.StoryID, a.EventID, a.Passages)
			wantIn := at(p+tt.wantIn.StoryID, tt.wantIn.EventID, tt.wantIn.Passages)
			var wantAlso []model.Placement
			for _, w := range tt.wantAlso {
				wantAlso = append(wantAlso, at(p+w.StoryID, w.EventID, w.Passages))
			}
			if !reflect.DeepEqual(gotIn, wantIn) || !reflect.DeepEqual(a.Also, wantAlso) {
				t.Errorf("after merge %s into %s: %s in %+v also %+v; want %+v also %+v",
					tt.from, tt.into, r, gotIn, a.Also, wantIn, wantAlso)
			}
			if _, _, _, err := s.Story(ctx, p+tt.from); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("merged story %s: err = %v, want ErrNotFound", tt.from, err)
			}
			if got, err := s.StoryAlias(ctx, p+tt.from); err != nil || got != p+tt.into {
				t.Errorf("StoryAlias(%s) = %q, %v", tt.from, got, err)
			}
			// Every story the roundup is in lists it once, with its passages there.
			for _, w := range append([]model.Placement{wantIn}, wantAlso...) {
				st, refs, ps := placedRefs(t, s, w.StoryID)
				n := 0
				for _, ref := range refs {
					if strings.HasPrefix(ref, r+"/") {
						n++
					}
				}
				if n != 1 || !reflect.DeepEqual(ps[r], w.Passages) {
					t.Errorf("Story(%s) lists %s %d times with %v; want once with %v", w.StoryID, r, n, ps[r], w.Passages)
				}
				if st.Articles != len(refs) {
					t.Errorf("Story(%s) counts %d articles for %d refs", w.StoryID, st.Articles, len(refs))
				}
			}
		})
	}
}

// testAlsoUpdateReset: a new text drops the extra placements (their
// stories lose the article), the same text keeps them, and ResetStories
// forgets them.
func testAlsoUpdateReset(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustAdd(t, s, roundupArticle("r1"), article("a2", "two.com", day.Add(time.Hour)))
	mustAssign(t, s, "a2", "s2", "e2")
	mustPlace(t, s, "r1", at("s1", "e1", damP), at("s2", "e2", footP), at("s3", "", rainP))
	if err := s.UpdateArticle(ctx, roundupArticle("r1")); err != nil {
		t.Fatal(err)
	}
	if a, err := s.Article(ctx, "r1"); err != nil || len(a.Also) != 2 {
		t.Fatalf("after re-extraction to the same text: also %+v, %v; want both kept", a.Also, err)
	}
	for _, id := range []string{"s1", "s2", "s3"} {
		if err := s.SaveBrief(ctx, id, &model.Brief{Title: "Brief of " + id}); err != nil {
			t.Fatal(err)
		}
	}
	changed := roundupArticle("r1")
	changed.Text = "A shorter text."
	if err := s.UpdateArticle(ctx, changed); err != nil {
		t.Fatal(err)
	}
	a, err := s.Article(ctx, "r1")
	if err != nil {
		t.Fatal(err)
	}
	if a.Also != nil || a.Passages != nil || a.StoryID != "s1" {
		t.Errorf("after a new text: r1 in %s with %v also %+v; want s1, no passages, no extras", a.StoryID, a.Passages, a.Also)
	}
	if st, refs, _ := placedRefs(t, s, "s2"); st.Articles != 1 || !slices.Equal(refs, []string{"a2/e2"}) {
		t.Errorf("s2 after r1's new text: %d articles, refs %v", st.Articles, refs)
	}
	if _, _, _, err := s.Story(ctx, "s3"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("s3, held only by r1's extra placement: err = %v, want ErrNotFound", err)
	}
	stale, err := s.StaleStories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(stale, "s2") {
		t.Errorf("StaleStories = %v, want s2 (it lost an article)", stale)
	}

	if err := s.UpdateArticle(ctx, roundupArticle("r1")); err != nil {
		t.Fatal(err)
	}
	mustPlace(t, s, "r1", at("s1", "e1", damP), at("s2", "e2", footP))
	if err := s.ResetStories(ctx); err != nil {
		t.Fatal(err)
	}
	if st := mustStats(t, s); st.Stories != 0 || st.Events != 0 {
		t.Errorf("stats after reset %+v", st)
	}
	pending, err := s.PendingArticles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	equalIDs(t, "pending after reset", ids(pending), []string{"r1", "a2"})
	mustAssign(t, s, "r1", "s9", "e9")
	if a, err := s.Article(ctx, "r1"); err != nil || a.Also != nil {
		t.Errorf("after reset and a plain assignment, also %+v, %v", a.Also, err)
	}
}
