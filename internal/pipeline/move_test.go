package pipeline

import (
	"context"
	"slices"
	"testing"
	"time"

	"parallax/internal/model"
	"parallax/internal/store/sqlite"
)

// readMoveStream reads the cluster package's testdata/move/NAME as
// articles.
func readMoveStream(t *testing.T, name string) []*model.Article {
	var out []*model.Article
	for _, r := range readStream(t, "../cluster/testdata/move/"+name) {
		out = append(out, &model.Article{ID: r.ID, Source: "test.example", Title: r.Title, Text: r.Text,
			Language: "en", Published: r.Published, ContentHash: "h-" + r.ID})
	}
	return out
}

// TestMoveStored: a strike article that an earlier run stored in the
// bridge story is restored there at start; once the bridge story gains an
// article, the clusterer moves it to the strike story and the store
// follows: the article's story changes, the bridge story keeps its id and
// its own articles, the strike story lists the article, and a restart
// replays it in its new story.
func TestMoveStored(t *testing.T) {
	ctx := context.Background()
	st := openTestStore(t)
	arts := readMoveStream(t, "stream.jsonl")
	stray := readMoveStream(t, "stray.jsonl")[0]
	last := arts[len(arts)-1] // bridge-3
	for _, a := range arts[:len(arts)-1] {
		addArticle(t, st, a)
	}
	p := newMovePipeline(t, st)
	if _, err := p.ClusterPending(ctx); err != nil {
		t.Fatal(err)
	}
	addArticle(t, st, stray)
	if err := st.Assign(ctx, stray.ID, model.Placement{StoryID: "s-bridge-1", EventID: "e-" + stray.ID}, nil); err != nil {
		t.Fatal(err)
	}
	p = newMovePipeline(t, st) // a restart: the stray is replayed in the bridge story
	addArticle(t, st, last)
	if _, err := p.ClusterPending(ctx); err != nil {
		t.Fatal(err)
	}
	a, err := st.Article(ctx, stray.ID)
	if err != nil {
		t.Fatal(err)
	}
	if a.StoryID != "s-strike-1" || a.EventID == "" {
		t.Errorf("stray stored in %s, event %q; want s-strike-1", a.StoryID, a.EventID)
	}
	for story, want := range map[string][]string{
		"s-bridge-1": {"bridge-1", "bridge-2", "bridge-3"},
		"s-strike-1": {"strike-0", "strike-1", "strike-2", "strike-3", "strike-4"},
	} {
		if got := storyArticleIDs(t, st, story); !slices.Equal(got, want) {
			t.Errorf("story %s lists %v, want %v", story, got, want)
		}
	}
	p = newMovePipeline(t, st)
	if got := p.cl.Active(); got != 2 {
		t.Errorf("after a restart the clusterer holds %d stories, want 2", got)
	}
}

// newMovePipeline is newTestPipeline with a review pass after each article.
func newMovePipeline(t *testing.T, st *sqlite.DB) *Pipeline {
	t.Helper()
	opts := DefaultOptions()
	opts.Now = func() time.Time { return now }
	opts.Cluster.ReviewEvery = 1
	p, err := New(context.Background(), st, opts, nil)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func addArticle(t *testing.T, st *sqlite.DB, a *model.Article) {
	t.Helper()
	if _, _, err := st.AddArticle(context.Background(), a); err != nil {
		t.Fatal(err)
	}
}

// storyArticleIDs lists a story's article ids, sorted.
func storyArticleIDs(t *testing.T, st *sqlite.DB, story string) []string {
	t.Helper()
	arts, err := st.StoryArticles(context.Background(), story)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range arts {
		ids = append(ids, a.ID)
	}
	slices.Sort(ids)
	return ids
}
