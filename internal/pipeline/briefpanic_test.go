package pipeline

import (
	"context"
	"testing"

	"parallax/internal/brief"
	"parallax/internal/ingest/files"
	"parallax/internal/model"
	"parallax/internal/queue/memory"
)

// TestBriefPanicSkipsOneStory: a bug in the brief of one story (a panic in
// any of its stages) leaves that story stale and logged, while the batch
// goes on and the other stories get their briefs.
func TestBriefPanicSkipsOneStory(t *testing.T) {
	ctx := context.Background()
	st := openTestStore(t)
	p := newTestPipeline(t, st)
	saved := buildBrief
	t.Cleanup(func() { buildBrief = saved })
	failures := 0
	buildBrief = func(arts []*model.Article, opts brief.Options) *model.Brief {
		for _, a := range arts {
			if a.ID == "two" {
				failures++
				panic("a stage of the brief failed")
			}
		}
		return saved(arts, opts)
	}
	items := []files.Item{
		{Origin: "b:1", Kind: files.Record, Rec: &files.Rec{ID: "one", Text: body, Published: now}},
		{Origin: "b:2", Kind: files.Record, Rec: &files.Rec{ID: "two", Text: "Storm closes schools across the county as heavy snow falls on Monday.\n\nOfficials said schools would reopen on Wednesday.", Published: now}},
	}
	walk := func(emit func(files.Item) error) error {
		for _, it := range items {
			if err := emit(it); err != nil {
				return err
			}
		}
		return nil
	}
	sum, err := p.Ingest(ctx, memory.New(memory.Options{}), walk, 2, nil)
	if err != nil {
		t.Fatalf("the batch stopped: %v", err)
	}
	if sum.Added != 2 {
		t.Fatalf("summary %+v, want both articles stored", sum)
	}
	one, err := st.Article(ctx, "one")
	if err != nil {
		t.Fatal(err)
	}
	two, err := st.Article(ctx, "two")
	if err != nil {
		t.Fatal(err)
	}
	if one.StoryID == two.StoryID {
		t.Fatalf("the two articles share story %s: the test needs two stories", one.StoryID)
	}
	stale, err := st.StaleStories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(stale) != 1 || stale[0] != two.StoryID {
		t.Errorf("stale stories %v, want only the failing one %s", stale, two.StoryID)
	}
	if _, b, _, err := st.Story(ctx, one.StoryID); err != nil || b == nil {
		t.Errorf("the other story's brief was not written: %v", err)
	}
	// The next batches do not try the failing brief again while its
	// articles are the same (it only logged the same error each time);
	// the story stays stale for a fixed build.
	if n, err := p.BriefStale(ctx); err != nil || n != 0 || failures != 1 {
		t.Errorf("next batch: %d briefs written, %v; the failing brief tried %d times, want once", n, err, failures)
	}
	if stale, _ := st.StaleStories(ctx); len(stale) != 1 || stale[0] != two.StoryID {
		t.Errorf("stale stories %v after the next batch, want still %s", stale, two.StoryID)
	}
}

// TestBriefFailuresChange: a failed brief is tried again once its story's
// articles change (one more, one fewer, a text re-extracted), and at once
// after it was written.
func TestBriefFailuresChange(t *testing.T) {
	a := &model.Article{ID: "a", Text: "first text"}
	b := &model.Article{ID: "b", Text: "second text"}
	var f briefFailures
	f.record("s", storyPrint([]*model.Article{a, b}))
	for _, tt := range []struct {
		name string
		arts []*model.Article
		want bool
	}{
		{"the same articles", []*model.Article{a, b}, true},
		{"one more", []*model.Article{a, b, {ID: "c", Text: "x"}}, false},
		{"one fewer", []*model.Article{a}, false},
		{"a text re-extracted", []*model.Article{a, {ID: "b", Text: "second text, longer"}}, false},
	} {
		if got := f.known("s", storyPrint(tt.arts)); got != tt.want {
			t.Errorf("%s: known = %v, want %v", tt.name, got, tt.want)
		}
	}
	if f.known("other", storyPrint([]*model.Article{a, b})) {
		t.Error("another story counts as failed")
	}
	f.forget("s")
	if f.known("s", storyPrint([]*model.Article{a, b})) {
		t.Error("still failed after its brief was written")
	}
}
