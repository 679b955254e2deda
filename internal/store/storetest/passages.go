package storetest

import (
	"context"
	"reflect"
	"testing"

	"parallax/internal/model"
	"parallax/internal/store"
)

// roundup is a fixture text with a section about story s1 and one about
// something else; roundupOn covers the first two paragraphs.
const roundup = "Talks on the dam resume.\nThe ministers met on Monday.\nIn other news, a football final.\n"

var roundupOn = []model.Passage{{Start: 0, End: 54}}

// testPassages: the passages given to Assign come back with the article
// (Article, StoryArticles, Story's refs), follow it through MergeStory,
// and go with a new text or ResetStories.
func testPassages(t *testing.T, s store.Store) {
	ctx := context.Background()
	r := article("r1", "digest.example", day)
	r.Text = roundup
	r.Passages = []model.Passage{{Start: 1, End: 2}} // AddArticle ignores them
	mustAdd(t, s, r, article("a1", "one.com", day))
	if got := model.PassageTexts(roundup, roundupOn)[0]; got != "Talks on the dam resume.\nThe ministers met on Monday." {
		t.Fatalf("fixture passage = %q", got)
	}
	checkPassages(t, s, "s1", "r1", nil)
	if err := s.Assign(ctx, "r1", model.Placement{StoryID: "s1", EventID: "e1", Passages: roundupOn}, nil); err != nil {
		t.Fatal(err)
	}
	mustAssign(t, s, "a1", "s1", "e1")
	checkPassages(t, s, "s1", "r1", roundupOn)
	checkPassages(t, s, "s1", "a1", nil)

	for name, ps := range map[string][]model.Passage{
		"Overlapping": {{Start: 0, End: 30}, {Start: 20, End: 40}},
		"Empty":       {{Start: 5, End: 5}},
		"Negative":    {{Start: -1, End: 5}},
		"PastTheEnd":  {{Start: 0, End: len(roundup) + 1}},
	} {
		if err := s.Assign(ctx, "r1", model.Placement{StoryID: "s1", EventID: "e1", Passages: ps}, nil); err == nil {
			t.Errorf("Assign with %s passages %v succeeded", name, ps)
		}
	}
	checkPassages(t, s, "s1", "r1", roundupOn)

	// The same passages again change nothing; new ones make the brief stale.
	if _, err := s.StoryArticles(ctx, "s1"); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveBrief(ctx, "s1", &model.Brief{Title: "Dam talks"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Assign(ctx, "r1", model.Placement{StoryID: "s1", EventID: "e1", Passages: roundupOn}, nil); err != nil {
		t.Fatal(err)
	}
	stale, err := s.StaleStories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	equalIDs(t, "StaleStories after the same passages", stale, nil)
	narrower := []model.Passage{{Start: 0, End: 25}}
	if err := s.Assign(ctx, "r1", model.Placement{StoryID: "s1", EventID: "e1", Passages: narrower}, nil); err != nil {
		t.Fatal(err)
	}
	if stale, err = s.StaleStories(ctx); err != nil {
		t.Fatal(err)
	}
	equalIDs(t, "StaleStories after new passages", stale, []string{"s1"})
	checkPassages(t, s, "s1", "r1", narrower)

	// A merge moves the article with its passages.
	mustAdd(t, s, article("a2", "two.com", day.Add(-1)))
	mustAssign(t, s, "a2", "s0", "e0")
	if _, err := s.MergeStory(ctx, "s1", "s0"); err != nil {
		t.Fatal(err)
	}
	checkPassages(t, s, "s0", "r1", narrower)

	// Re-extraction to the same text keeps them; a new text drops them.
	same := article("r1", "digest.example", day)
	same.Text = roundup
	if err := s.UpdateArticle(ctx, same); err != nil {
		t.Fatal(err)
	}
	checkPassages(t, s, "s0", "r1", narrower)
	changed := article("r1", "digest.example", day)
	changed.Text = "A shorter text."
	if err := s.UpdateArticle(ctx, changed); err != nil {
		t.Fatal(err)
	}
	checkPassages(t, s, "s0", "r1", nil)

	// Reset forgets them with the assignment.
	if err := s.Assign(ctx, "r1", model.Placement{StoryID: "s0", EventID: "e0", Passages: []model.Passage{{Start: 0, End: 7}}}, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.ResetStories(ctx); err != nil {
		t.Fatal(err)
	}
	pending, err := s.PendingArticles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range pending {
		if a.Passages != nil {
			t.Errorf("pending %s after reset has passages %v", a.ID, a.Passages)
		}
	}
	mustAssign(t, s, "r1", "s9", "e9")
	checkPassages(t, s, "s9", "r1", nil)
}

// checkPassages checks article id's passages wherever the store returns
// it: Article, and when the article is in story, StoryArticles and Story.
func checkPassages(t *testing.T, s store.Store, story, id string, want []model.Passage) {
	t.Helper()
	ctx := context.Background()
	a, err := s.Article(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a.Passages, want) {
		t.Errorf("Article(%s).Passages = %v, want %v", id, a.Passages, want)
	}
	if a.StoryID != story {
		return
	}
	as, err := s.StoryArticles(ctx, story)
	if err != nil {
		t.Fatal(err)
	}
	inArticles, inRefs := false, false
	for _, a := range as {
		if a.ID == id {
			inArticles = true
			if !reflect.DeepEqual(a.Passages, want) {
				t.Errorf("StoryArticles(%s): %s passages = %v, want %v", story, id, a.Passages, want)
			}
		}
	}
	_, _, refs, err := s.Story(ctx, story)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range refs {
		if r.ID == id {
			inRefs = true
			if !reflect.DeepEqual(r.Passages, want) {
				t.Errorf("Story(%s): %s passages = %v, want %v", story, id, r.Passages, want)
			}
		}
	}
	if !inArticles || !inRefs {
		t.Errorf("%s not among the articles of story %s (StoryArticles %v, Story %v)", id, story, inArticles, inRefs)
	}
}
