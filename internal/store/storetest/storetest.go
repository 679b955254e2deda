// Package storetest is the conformance suite every store.Store
// implementation must pass. An implementation's test calls Run with a
// function that opens a fresh, empty store.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"parallax/internal/model"
	"parallax/internal/store"
)

// Run runs the whole suite. open must return a new empty store; Run closes
// it at the end of each test.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"AddArticle", testAddArticle},
		{"ArticleRoundTrip", testArticleRoundTrip},
		{"ArticleLeads", testArticleLeads},
		{"RecordDuplicate", testRecordDuplicate},
		{"RecordRejected", testRecordRejected},
		{"RejectedCapped", testRejectedCapped},
		{"PendingOrder", testPendingOrder},
		{"AssignAggregates", testAssignAggregates},
		{"AssignIdempotent", testAssignIdempotent},
		{"AssignMove", testAssignMove},
		{"MergeStory", testMergeStory},
		{"BriefRoundTrip", testBriefRoundTrip},
		{"BriefFromOldArticles", testBriefFromOldArticles},
		{"ClusteredOrder", testClusteredOrder},
		{"AssignedSince", testAssignedSince},
		{"StoriesOrder", testStoriesOrder},
		{"Stats", testStats},
		{"NotFound", testNotFound},
		{"ConcurrentAdd", testConcurrentAdd},
		{"AddInput", testAddInput},
		{"QueueOrder", testQueueOrder},
		{"ConcurrentQueueOrder", testConcurrentQueueOrder},
		{"NearDuplicates", testNearDuplicates},
		{"LinkNearDuplicate", testLinkNearDuplicate},
		{"Provenance", testProvenance},
		{"UpdateArticle", testUpdateArticle},
		{"ResetStories", testResetStories},
		{"Passages", testPassages},
		{"AlsoRoundTrip", testAlsoRoundTrip},
		{"AlsoInvalid", testAlsoInvalid},
		{"AlsoReassign", testAlsoReassign},
		{"AlsoMerge", testAlsoMerge},
		{"AlsoUpdateReset", testAlsoUpdateReset},
		{"ApplyClustering", testApplyClustering},
		{"CountsRandom", testCountsRandom},
		{"Search", testSearch},
		{"ListStories", testListStories},
		{"EntityOutlet", testEntityOutlet},
		{"Groups", testGroups},
		{"WorkCounts", testWorkCounts},
		{"Follows", testFollows},
		{"Sessions", testSessions},
		{"APIKeys", testAPIKeys},
		{"PublishedInferred", testPublishedInferred},
		{"StoryUndated", testStoryUndated},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() {
				if err := s.Close(); err != nil {
					t.Errorf("close: %v", err)
				}
			})
			tt.fn(t, s)
		})
	}
}

// day is a fixed reference time for fixtures.
var day = time.Date(2024, 3, 10, 8, 0, 0, 0, time.UTC)

// article returns a fixture whose keys derive from id.
func article(id, source string, published time.Time) *model.Article {
	return &model.Article{
		ID:           id,
		URL:          "https://" + source + "/" + id + "?utm=x",
		CanonicalURL: "https://" + source + "/" + id,
		Source:       source,
		Title:        "Title of " + id,
		Published:    published,
		Text:         "First paragraph of " + id + ".\nSecond paragraph.",
		ContentHash:  "hash-" + id,
		Origin:       "testdata/" + id + ".html",
	}
}

func mustAdd(t *testing.T, s store.Store, as ...*model.Article) {
	t.Helper()
	for _, a := range as {
		added, existing, err := s.AddArticle(context.Background(), a)
		if err != nil || !added {
			t.Fatalf("AddArticle(%s) = %v, %q, %v; want added", a.ID, added, existing, err)
		}
	}
}

func mustAssign(t *testing.T, s store.Store, articleID, storyID, eventID string) {
	t.Helper()
	if err := s.Assign(context.Background(), articleID, model.Placement{StoryID: storyID, EventID: eventID}, nil); err != nil {
		t.Fatalf("Assign(%s, %s, %s): %v", articleID, storyID, eventID, err)
	}
}

func mustStats(t *testing.T, s store.Store) model.Stats {
	t.Helper()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	return st
}

func ids(as []*model.Article) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.ID
	}
	return out
}

func equalIDs(t *testing.T, what string, got, want []string) {
	t.Helper()
	if len(got) == 0 && len(want) == 0 {
		return
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

func testAddArticle(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustAdd(t, s, article("a1", "example.com", day))
	noKeys := &model.Article{ID: "n1", Source: "x.org", Text: "no url, no hash"}
	noKeys2 := &model.Article{ID: "n2", Source: "x.org", Text: "no url, no hash either"}
	mustAdd(t, s, noKeys, noKeys2) // empty canonical URL and hash never collide

	tests := []struct {
		name     string
		a        *model.Article
		existing string
	}{
		{"SameID", &model.Article{ID: "a1", CanonicalURL: "https://other/1", ContentHash: "other-1"}, "a1"},
		{"SameCanonicalURL", &model.Article{ID: "b1", CanonicalURL: "https://example.com/a1", ContentHash: "other-2"}, "a1"},
		{"SameContentHash", &model.Article{ID: "b2", CanonicalURL: "https://other/3", ContentHash: "hash-a1"}, "a1"},
		{"SameIDWithoutKeys", &model.Article{ID: "n1"}, "n1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			added, existing, err := s.AddArticle(ctx, tt.a)
			if err != nil {
				t.Fatal(err)
			}
			if added || existing != tt.existing {
				t.Errorf("AddArticle = %v, %q; want false, %q", added, existing, tt.existing)
			}
		})
	}
	if got := mustStats(t, s).Articles; got != 3 {
		t.Errorf("Stats.Articles = %d, want 3", got)
	}
	if _, err := s.Article(ctx, "b1"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("duplicate b1 was stored: err = %v", err)
	}
}

func testArticleRoundTrip(t *testing.T, s store.Store) {
	want := article("r1", "news.example", time.Date(2024, 1, 2, 3, 4, 5, 600, time.FixedZone("CET", 3600)))
	want.Byline = "A. Writer"
	want.Language = "en"
	want.Fetched = day.Add(time.Hour)
	want.Text = "Ünïcode paragraph — “quoted”.\n\nSecond."
	mustAdd(t, s, want)
	got, err := s.Article(context.Background(), "r1")
	if err != nil {
		t.Fatal(err)
	}
	if !got.Published.Equal(want.Published) || !got.Fetched.Equal(want.Fetched) {
		t.Errorf("times = %v, %v; want %v, %v", got.Published, got.Fetched, want.Published, want.Fetched)
	}
	g, w := *got, *want
	g.Published, g.Fetched, w.Published, w.Fetched = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	if !reflect.DeepEqual(g, w) {
		t.Errorf("Article =\n%+v\nwant\n%+v", g, w)
	}
}

func testRecordDuplicate(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustAdd(t, s, article("a1", "example.com", day))
	for _, origin := range []string{"feed.xml:1", "feed.xml:1", "other.jsonl:7"} {
		if err := s.RecordDuplicate(ctx, origin, "a1"); err != nil {
			t.Fatalf("RecordDuplicate(%s): %v", origin, err)
		}
	}
	if got := mustStats(t, s).Duplicates; got != 2 {
		t.Errorf("Stats.Duplicates = %d, want 2", got)
	}
}

func testRecordRejected(t *testing.T, s store.Store) {
	ctx := context.Background()
	rs := [][2]string{{"bad.html", "no text"}, {"bad.html", "no text"}, {"bad.html", "not html"}, {"x.json", "no text"}}
	for _, r := range rs {
		if err := s.RecordRejected(ctx, r[0], r[1]); err != nil {
			t.Fatalf("RecordRejected(%v): %v", r, err)
		}
	}
	if got := mustStats(t, s).Rejected; got != 3 {
		t.Errorf("Stats.Rejected = %d, want 3", got)
	}
}

func testPendingOrder(t *testing.T, s store.Store) {
	ctx := context.Background()
	unknown := article("u1", "c.com", time.Time{})
	unknown.Fetched = day.Add(90 * time.Minute) // sorts by fetch time
	mustAdd(t, s,
		article("c3", "a.com", day.Add(2*time.Hour)),
		article("b2", "b.com", day.Add(time.Hour)),
		article("a2", "a.com", day.Add(time.Hour)), // same time as b2: id breaks the tie
		unknown,
		article("z0", "a.com", day),
		article("x9", "a.com", day.Add(-time.Hour)),
	)
	mustAssign(t, s, "x9", "s1", "")
	got, err := s.PendingArticles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	equalIDs(t, "PendingArticles", ids(got), []string{"z0", "a2", "b2", "u1", "c3"})
	if len(got) > 0 && got[0].Text == "" {
		t.Errorf("PendingArticles returned no text")
	}
}

func testAssignAggregates(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustAdd(t, s,
		article("a1", "one.com", day.Add(time.Hour)),
		article("a2", "two.com", day),
		article("a3", "one.com", day.Add(3*time.Hour)),
		article("a4", "three.com", day.Add(5*time.Hour)),
	)
	mustAssign(t, s, "a1", "s1", "e1")
	mustAssign(t, s, "a2", "s1", "e1")
	mustAssign(t, s, "a3", "s1", "e2")
	mustAssign(t, s, "a4", "s2", "e1")
	st, brief, refs, err := s.Story(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	want := model.Story{ID: "s1", Title: "Title of a1", Articles: 3, Outlets: 2, First: day, Last: day.Add(3 * time.Hour)}
	if st.ID != want.ID || st.Title != want.Title || st.Articles != want.Articles || st.Outlets != want.Outlets ||
		!st.First.Equal(want.First) || !st.Last.Equal(want.Last) {
		t.Errorf("Story = %+v, want %+v", *st, want)
	}
	if brief != nil {
		t.Errorf("brief = %+v before SaveBrief, want nil", brief)
	}
	var refIDs []string
	for _, r := range refs {
		refIDs = append(refIDs, r.ID+"/"+r.EventID)
	}
	equalIDs(t, "Story refs", refIDs, []string{"a2/e1", "a1/e1", "a3/e2"})
	if len(refs) == 3 && (refs[0].Source != "two.com" || refs[0].URL == "" || !refs[0].Published.Equal(day)) {
		t.Errorf("ref = %+v", refs[0])
	}
	arts, err := s.StoryArticles(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	equalIDs(t, "StoryArticles", ids(arts), []string{"a2", "a1", "a3"})
	if len(arts) > 0 && (arts[0].Text == "" || arts[0].StoryID != "s1" || arts[0].EventID != "e1") {
		t.Errorf("StoryArticles[0] = %+v", arts[0])
	}
	stale, err := s.StaleStories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	equalIDs(t, "StaleStories", sortedCopy(stale), []string{"s1", "s2"})
	if got := mustStats(t, s); got.Stories != 2 || got.Events != 3 || got.Sources != 3 {
		t.Errorf("Stats = %+v, want 2 stories, 3 events, 3 sources", got)
	}
}

func testAssignIdempotent(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustAdd(t, s, article("a1", "one.com", day), article("a2", "two.com", day.Add(time.Hour)))
	mustAssign(t, s, "a1", "s1", "e1")
	mustAssign(t, s, "a2", "s1", "e1")
	if err := s.SaveBrief(ctx, "s1", &model.Brief{Title: "Brief title"}); err != nil {
		t.Fatal(err)
	}
	mustAssign(t, s, "a1", "s1", "e1") // repeat: no change, not stale
	st, _, _, err := s.Story(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 2 || st.Outlets != 2 {
		t.Errorf("after repeat Assign: %+v", *st)
	}
	stale, err := s.StaleStories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	equalIDs(t, "StaleStories after repeat", stale, nil)
	clustered, err := s.ClusteredArticles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	equalIDs(t, "ClusteredArticles", ids(clustered), []string{"a1", "a2"})
}

func testAssignMove(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustAdd(t, s, article("a1", "one.com", day), article("a2", "two.com", day.Add(time.Hour)))
	mustAssign(t, s, "a1", "s1", "e1")
	mustAssign(t, s, "a2", "s1", "e2")
	mustAssign(t, s, "a2", "s2", "e9")
	mustAssign(t, s, "a1", "s2", "e9") // s1 is now empty
	st, _, refs, err := s.Story(ctx, "s2")
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 2 || len(refs) != 2 {
		t.Errorf("s2 = %+v with %d refs, want 2 articles", *st, len(refs))
	}
	if _, _, _, err := s.Story(ctx, "s1"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("empty story s1: err = %v, want ErrNotFound", err)
	}
	if got := mustStats(t, s); got.Stories != 1 || got.Events != 1 {
		t.Errorf("Stats = %+v, want 1 story, 1 event", got)
	}
}

func testMergeStory(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustAdd(t, s, article("a1", "one.com", day), article("a2", "two.com", day.Add(time.Hour)),
		article("a3", "three.com", day.Add(2*time.Hour)))
	mustAssign(t, s, "a1", "s1", "e1")
	mustAssign(t, s, "a2", "s2", "e2")
	mustAssign(t, s, "a3", "s3", "e3")
	moved, err := s.MergeStory(ctx, "s2", "s1")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(moved, []string{"a2"}) {
		t.Errorf("moved %v, want [a2]", moved)
	}
	if _, err := s.MergeStory(ctx, "s1", "s3"); err != nil {
		t.Fatal(err)
	}
	st, _, refs, err := s.Story(ctx, "s3")
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 3 || len(refs) != 3 {
		t.Errorf("s3 = %+v with %d refs, want 3 articles", *st, len(refs))
	}
	for _, id := range []string{"s1", "s2"} {
		if _, _, _, err := s.Story(ctx, id); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("merged story %s: err = %v, want ErrNotFound", id, err)
		}
		if got, err := s.StoryAlias(ctx, id); err != nil || got != "s3" {
			t.Errorf("StoryAlias(%s) = %q, %v, want s3", id, got, err)
		}
	}
	if _, err := s.StoryAlias(ctx, "s3"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("StoryAlias(s3) err = %v, want ErrNotFound", err)
	}
	a, err := s.Article(ctx, "a2")
	if err != nil {
		t.Fatal(err)
	}
	if a.StoryID != "s3" || a.EventID != "e2" {
		t.Errorf("a2 in %s/%s, want s3/e2", a.StoryID, a.EventID)
	}
	if got := mustStats(t, s); got.Stories != 1 || got.Events != 3 {
		t.Errorf("Stats = %+v, want 1 story, 3 events", got)
	}
}

func testBriefRoundTrip(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustAdd(t, s, article("a1", "one.com", day), article("a2", "two.com", day.Add(time.Hour)))
	mustAssign(t, s, "a1", "s1", "e1")
	want := &model.Brief{
		Title:        "Dam bursts after storm",
		Summary:      []model.SummaryItem{{Text: "A dam burst.", Sources: []string{"a1"}}},
		Timeline:     []model.TimelineItem{{Date: "2024-03-10", Precision: "day", Text: "Storm.", Sources: []string{"a1"}}},
		Entities:     []model.Entity{{Name: "Ana Silva", Type: "PERSON", Aliases: []string{"Silva"}, Sources: []string{"a1"}, Mentions: map[string]int{"a1": 2}}},
		Quotes:       []model.Quote{{Speaker: "Ana Silva", Text: "We were warned.", Source: "a1"}},
		Consensus:    []model.Fact{{Text: "It rained.", Sources: []string{"a1"}}},
		SingleSource: []model.Claim{{Text: "It was sabotage.", Source: "a1"}},
		Framing:      []model.OutletFraming{{Source: "one.com", Articles: []string{"a1"}, Attributed: 3}},
	}
	if err := s.SaveBrief(ctx, "s1", want); err != nil {
		t.Fatal(err)
	}
	st, got, _, err := s.Story(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("brief =\n%+v\nwant\n%+v", got, want)
	}
	if st.Title != want.Title {
		t.Errorf("title = %q, want the brief's %q", st.Title, want.Title)
	}
	stale, err := s.StaleStories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	equalIDs(t, "StaleStories after SaveBrief", stale, nil)

	mustAssign(t, s, "a2", "s1", "e1") // a new article makes the brief stale again
	stale, err = s.StaleStories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	equalIDs(t, "StaleStories after Assign", stale, []string{"s1"})
	if st, _, _, err = s.Story(ctx, "s1"); err != nil || st.Title != want.Title {
		t.Errorf("title after Assign = %q, %v; want the brief's", st.Title, err)
	}
}

// testBriefFromOldArticles: an article assigned while a brief is being
// built (between StoryArticles and SaveBrief) keeps the story stale.
func testBriefFromOldArticles(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustAdd(t, s, article("a1", "one.com", day), article("a2", "two.com", day.Add(time.Hour)))
	mustAssign(t, s, "a1", "s1", "e1")
	if _, err := s.StoryArticles(ctx, "s1"); err != nil {
		t.Fatal(err)
	}
	mustAssign(t, s, "a2", "s1", "e1")
	if err := s.SaveBrief(ctx, "s1", &model.Brief{Title: "Built from a1 only"}); err != nil {
		t.Fatal(err)
	}
	stale, err := s.StaleStories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	equalIDs(t, "StaleStories after a brief from old articles", stale, []string{"s1"})
	if _, b, _, err := s.Story(ctx, "s1"); err != nil || b == nil || b.Title != "Built from a1 only" {
		t.Errorf("brief from old articles not stored: %+v, %v", b, err)
	}
	// The next round, from the current articles, clears the mark.
	if _, err := s.StoryArticles(ctx, "s1"); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveBrief(ctx, "s1", &model.Brief{Title: "Built from both"}); err != nil {
		t.Fatal(err)
	}
	if stale, err = s.StaleStories(ctx); err != nil {
		t.Fatal(err)
	}
	equalIDs(t, "StaleStories after a current brief", stale, nil)
}

func testClusteredOrder(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustAdd(t, s, article("a1", "one.com", day), article("a2", "two.com", day.Add(time.Hour)),
		article("a3", "two.com", day.Add(2*time.Hour)))
	mustAssign(t, s, "a3", "s1", "")
	mustAssign(t, s, "a1", "s2", "")
	mustAssign(t, s, "a2", "s1", "")
	got, err := s.ClusteredArticles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	equalIDs(t, "ClusteredArticles", ids(got), []string{"a3", "a1", "a2"})
	if len(got) == 3 && (got[0].StoryID != "s1" || got[1].StoryID != "s2" || got[0].Text == "") {
		t.Errorf("ClusteredArticles lost story ids or text: %+v", got[0])
	}
	pending, err := s.PendingArticles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	equalIDs(t, "PendingArticles", ids(pending), nil)
}

func testStoriesOrder(t *testing.T, s store.Store) {
	ctx := context.Background()
	for i := range 5 {
		mustAdd(t, s, article(fmt.Sprintf("a%d", i), "one.com", day.Add(time.Duration(i)*time.Hour)))
	}
	mustAssign(t, s, "a0", "s1", "")
	mustAssign(t, s, "a1", "s2", "")
	mustAssign(t, s, "a2", "s3", "")
	mustAssign(t, s, "a3", "s1", "") // s1 is now the most recently active
	tests := []struct {
		name          string
		limit, offset int
		want          []string
	}{
		{"All", 0, 0, []string{"s1", "s3", "s2"}},
		{"Limit", 2, 0, []string{"s1", "s3"}},
		{"Offset", 2, 2, []string{"s2"}},
		{"OffsetNoLimit", 0, 1, []string{"s3", "s2"}},
		{"PastEnd", 5, 10, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ss, err := s.Stories(ctx, tt.limit, tt.offset)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, st := range ss {
				got = append(got, st.ID)
			}
			equalIDs(t, "Stories", got, tt.want)
		})
	}
}

func testStats(t *testing.T, s store.Store) {
	ctx := context.Background()
	if got := mustStats(t, s); got != (model.Stats{}) {
		t.Errorf("empty Stats = %+v", got)
	}
	noSource := article("a4", "", day)
	noSource.Source = ""
	mustAdd(t, s, article("a1", "one.com", day), article("a2", "two.com", day), article("a3", "one.com", day), noSource)
	mustAssign(t, s, "a1", "s1", "e1")
	mustAssign(t, s, "a2", "s1", "e2")
	mustAssign(t, s, "a3", "s2", "e1")
	if err := s.RecordDuplicate(ctx, "dup.html", "a1"); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordRejected(ctx, "bad.html", "empty"); err != nil {
		t.Fatal(err)
	}
	want := model.Stats{Articles: 4, Duplicates: 1, Rejected: 1, Stories: 2, Events: 3, Sources: 2}
	if got := mustStats(t, s); got != want {
		t.Errorf("Stats = %+v, want %+v", got, want)
	}
}

func testNotFound(t *testing.T, s store.Store) {
	ctx := context.Background()
	mustAdd(t, s, article("a1", "one.com", day))
	tests := []struct {
		name string
		call func() error
	}{
		{"Article", func() error { _, err := s.Article(ctx, "nope"); return err }},
		{"Story", func() error { _, _, _, err := s.Story(ctx, "nope"); return err }},
		{"StoryArticles", func() error { _, err := s.StoryArticles(ctx, "nope"); return err }},
		{"AssignArticle", func() error { return s.Assign(ctx, "nope", model.Placement{StoryID: "s1"}, nil) }},
		{"SaveBrief", func() error { return s.SaveBrief(ctx, "nope", &model.Brief{Title: "x"}) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.call(); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("err = %v, want ErrNotFound", err)
			}
		})
	}
	if got := mustStats(t, s).Stories; got != 0 {
		t.Errorf("failed Assign created a story: Stats.Stories = %d", got)
	}
}

func testConcurrentAdd(t *testing.T, s store.Store) {
	tests := []struct {
		name string
		make func(i int) *model.Article
	}{
		{"SameArticle", func(int) *model.Article { return article("same", "one.com", day) }},
		{"SameHashOtherIDs", func(i int) *model.Article {
			a := article(fmt.Sprintf("h%d", i), "one.com", day)
			a.ContentHash = "shared-hash"
			return a
		}},
	}
	const workers = 8
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := mustStats(t, s).Articles
			var (
				wg               sync.WaitGroup
				mu               sync.Mutex
				added            int
				winner, existing []string
			)
			for i := range workers {
				wg.Go(func() {
					a := tt.make(i)
					ok, ex, err := s.AddArticle(context.Background(), a)
					mu.Lock()
					defer mu.Unlock()
					switch {
					case err != nil:
						t.Errorf("AddArticle: %v", err)
					case ok:
						added++
						winner = append(winner, a.ID)
					default:
						existing = append(existing, ex)
					}
				})
			}
			wg.Wait()
			if added != 1 {
				t.Fatalf("%d goroutines added the article, want 1", added)
			}
			for _, ex := range existing {
				if ex != winner[0] {
					t.Errorf("existing id = %q, want %q", ex, winner[0])
				}
			}
			if got := mustStats(t, s).Articles - before; got != 1 {
				t.Errorf("stored %d articles, want 1", got)
			}
		})
	}
}

func sortedCopy(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}

func testAssignedSince(t *testing.T, s store.Store) {
	ctx := context.Background()
	arts, last, err := s.AssignedSince(ctx, 0)
	if err != nil || len(arts) != 0 || last != 0 {
		t.Fatalf("empty store: %d articles, last %d, %v", len(arts), last, err)
	}
	mustAdd(t, s, article("a1", "one.com", day), article("a2", "two.com", day.Add(time.Hour)),
		article("a3", "two.com", day.Add(2*time.Hour)))
	mustAssign(t, s, "a2", "s1", "e1")
	mustAssign(t, s, "a1", "s1", "e1")
	arts, first, err := s.AssignedSince(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	equalIDs(t, "AssignedSince(0)", ids(arts), []string{"a2", "a1"})
	if len(arts) == 2 && (arts[0].StoryID != "s1" || arts[0].EventID != "e1" || arts[0].Text == "") {
		t.Errorf("AssignedSince lost story, event or text: %+v", arts[0])
	}
	mustAssign(t, s, "a3", "s2", "")
	arts, last, err = s.AssignedSince(ctx, first)
	if err != nil {
		t.Fatal(err)
	}
	equalIDs(t, "AssignedSince(first)", ids(arts), []string{"a3"})
	if last <= first {
		t.Errorf("last %d not after %d", last, first)
	}
	if arts, again, err := s.AssignedSince(ctx, last); err != nil || len(arts) != 0 || again != last {
		t.Errorf("nothing new: %d articles, last %d (want %d), %v", len(arts), again, last, err)
	}
}
