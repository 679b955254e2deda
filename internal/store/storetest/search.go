package storetest

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"parallax/internal/model"
	"parallax/internal/search"
	"parallax/internal/store"
)

// searchArticle returns a fixture with its own title and text.
func searchArticle(id, source string, published time.Time, title, text string) *model.Article {
	a := article(id, source, published)
	a.Title, a.Text = title, text
	return a
}

// seedSearch stores two stories with briefs: an oil spill (s1: a1, a2)
// and an earthquake (s2: a3); a4 is stored but not yet placed.
func seedSearch(t *testing.T, s store.Store) {
	t.Helper()
	ctx := context.Background()
	mustAdd(t, s,
		searchArticle("a1", "bbc.co.uk", day, "Oil spill reaches the Louisiana coast",
			"Oil from the leaking well reached the marshes. Admiral Thad Allen said crews were ready."),
		searchArticle("a2", "cnn.com", day.AddDate(0, 0, 3), "Engineers try a top kill on the well",
			"BP began pumping mud into the well. Some oil still escaped."),
		searchArticle("a3", "news.bbc.co.uk", day.AddDate(0, 0, -40), "Earthquake devastates Haiti",
			"A powerful earthquake struck near Port-au-Prince, Haiti. Rescuers searched the rubble."),
		searchArticle("a4", "example.org", day.AddDate(0, 0, 1), "Marathon results",
			"The marathon was run in record time by a runner from Kenya."))
	mustAssign(t, s, "a1", "s1", "e1")
	mustAssign(t, s, "a2", "s1", "e2")
	mustAssign(t, s, "a3", "s2", "e1")
	briefs := map[string]*model.Brief{
		"s1": {Title: "Gulf of Mexico oil spill", Summary: []model.SummaryItem{{Text: "Oil is spilling into the Gulf.", Sources: []string{"a1"}}},
			Entities: []model.Entity{
				{Name: "Thad Allen", Type: search.Person, Aliases: []string{"Allen"}, Sources: []string{"a1"}},
				{Name: "BP", Type: search.Org, Sources: []string{"a2"}},
				{Name: "Louisiana", Type: search.Place, Sources: []string{"a1"}},
			}},
		"s2": {Title: "Haiti earthquake", Summary: []model.SummaryItem{{Text: "An earthquake struck Haiti.", Sources: []string{"a3"}}},
			Entities: []model.Entity{{Name: "Haiti", Type: search.Place, Sources: []string{"a3"}}}},
	}
	for id, b := range briefs {
		if err := s.SaveBrief(ctx, id, b); err != nil {
			t.Fatalf("SaveBrief(%s): %v", id, err)
		}
	}
}

// mustSearch parses and runs a query and returns the hits as kind:id.
func mustSearch(t *testing.T, s store.Store, query string, limit, offset int) (search.Results, []string) {
	t.Helper()
	q, err := search.Parse(query)
	if err != nil {
		t.Fatalf("Parse(%q): %v", query, err)
	}
	res, err := s.Search(context.Background(), q, limit, offset)
	if err != nil {
		t.Fatalf("Search(%q): %v", query, err)
	}
	var got []string
	for _, h := range res.Hits {
		got = append(got, h.Kind+":"+h.ID)
	}
	return res, got
}

func testSearch(t *testing.T, s store.Store) {
	seedSearch(t, s)
	tests := []struct {
		name, query string
		want        []string // sorted
	}{
		{"Word", "spill", []string{"article:a1", "story:s1"}},
		{"Stemmed", "spills", []string{"article:a1", "story:s1"}},
		{"TwoWords", "oil well", []string{"article:a1", "article:a2"}},
		{"Phrase", `"top kill"`, []string{"article:a2"}},
		{"PhraseOrder", `"kill top"`, nil},
		{"Exclude", "oil -mud", []string{"article:a1", "story:s1"}},
		{"ExcludePhrase", `oil -"top kill"`, []string{"article:a1", "story:s1"}},
		{"Person", "person:allen", []string{"article:a1", "story:s1"}},
		{"PersonFullName", `person:"thad allen"`, []string{"article:a1", "story:s1"}},
		{"PersonNotPlace", "person:haiti", nil},
		{"Place", "place:haiti", []string{"article:a3", "story:s2"}},
		{"Org", "org:bp", []string{"article:a2", "story:s1"}},
		{"OrgAndWord", "org:bp mud", []string{"article:a2"}},
		{"Outlet", "oil outlet:bbc.co.uk", []string{"article:a1", "story:s1"}},
		{"OutletSubdomain", "earthquake outlet:bbc.co.uk", []string{"article:a3", "story:s2"}},
		{"OutletOther", "earthquake outlet:cnn.com", nil},
		{"After", "oil after:2024-03-12", []string{"article:a2", "story:s1"}},
		{"Before", "oil before:2024-03-12", []string{"article:a1", "story:s1"}},
		{"BeforeAll", "earthquake before:2024-02-01", []string{"article:a3", "story:s2"}},
		{"PendingArticle", "marathon", []string{"article:a4"}},
		{"NoMatch", "volcano", nil},
		{"Diacritics", "haïti", []string{"article:a3", "story:s2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, got := mustSearch(t, s, tt.query, 0, 0)
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Search(%q) = %v, want %v", tt.query, got, tt.want)
			}
			if res.Total != len(tt.want) || res.Stories+res.Articles != res.Total {
				t.Errorf("Search(%q): total %d (%d stories, %d articles), want %d", tt.query, res.Total, res.Stories, res.Articles, len(tt.want))
			}
		})
	}
	t.Run("Details", func(t *testing.T) { testSearchDetails(t, s) })
	t.Run("Ranking", func(t *testing.T) { testSearchRanking(t, s) })
	t.Run("Paging", func(t *testing.T) { testSearchPaging(t, s) })
	t.Run("Invalid", func(t *testing.T) {
		if _, err := s.Search(context.Background(), search.Query{Exclude: [][]string{{"oil"}}}, 10, 0); err == nil {
			t.Error("Search without a positive clause: no error")
		}
	})
	t.Run("Capped", func(t *testing.T) { testSearchCapped(t, s) })
	t.Run("Updates", func(t *testing.T) { testSearchUpdates(t, s) })
}

func testSearchDetails(t *testing.T, s store.Store) {
	res, _ := mustSearch(t, s, "person:allen", 0, 0)
	for _, h := range res.Hits {
		switch h.Kind {
		case search.KindStory:
			if h.Title != "Gulf of Mexico oil spill" || h.Articles != 2 || h.Outlets != 2 || !strings.Contains(h.Snippet, "spilling") ||
				!h.First.Equal(day) || !h.Time.Equal(day.AddDate(0, 0, 3)) {
				t.Errorf("story hit = %+v", h)
			}
		case search.KindArticle:
			if h.Title != "Oil spill reaches the Louisiana coast" || h.Story != "s1" || h.StoryTitle != "Gulf of Mexico oil spill" ||
				h.Source != "bbc.co.uk" || !h.Time.Equal(day) || !strings.Contains(h.Snippet, "Thad Allen") || h.URL == "" {
				t.Errorf("article hit = %+v", h)
			}
		}
		if h.Score <= 0 || h.Score > 1 {
			t.Errorf("hit %s: score %v outside (0, 1]", h.ID, h.Score)
		}
	}
}

func testSearchRanking(t *testing.T, s store.Store) {
	// "oil" is in a1's title and once in a2's text: a1 first among articles.
	_, got := mustSearch(t, s, "oil", 0, 0)
	var arts []string
	for _, g := range got {
		if strings.HasPrefix(g, "article:") {
			arts = append(arts, g)
		}
	}
	if !slices.Equal(arts, []string{"article:a1", "article:a2"}) {
		t.Errorf("Search(oil) articles in order %v, want a1 (title) before a2", arts)
	}
	// Newest first: a2 and s1 (its latest article is a2) before a1.
	if _, got := mustSearch(t, s, "oil sort:newest", 0, 0); len(got) != 3 || got[2] != "article:a1" {
		t.Errorf("Search(oil sort:newest) = %v, want a1 last", got)
	}
}

func testSearchPaging(t *testing.T, s store.Store) {
	_, all := mustSearch(t, s, "oil", 0, 0)
	var paged []string
	for off := 0; off < len(all)+1; off++ {
		res, got := mustSearch(t, s, "oil", 1, off)
		if res.Total != len(all) {
			t.Errorf("offset %d: total %d, want %d", off, res.Total, len(all))
		}
		paged = append(paged, got...)
	}
	if !slices.Equal(paged, all) {
		t.Errorf("pages of one = %v, want %v", paged, all)
	}
}

// testSearchCapped ranks only the newest match of each kind (as stored)
// and still counts them all, with and without a filter.
func testSearchCapped(t *testing.T, s store.Store) {
	old := search.MaxCandidates
	search.MaxCandidates = 1
	t.Cleanup(func() { search.MaxCandidates = old })
	for query, want := range map[string]struct {
		total int
		hits  []string
	}{
		"oil":                  {3, []string{"article:a2", "story:s1"}},
		"oil outlet:bbc.co.uk": {2, []string{"article:a1", "story:s1"}},
		"oil -mud":             {2, []string{"article:a1", "story:s1"}},
	} {
		res, got := mustSearch(t, s, query, 0, 0)
		slices.Sort(got)
		if res.Total != want.total || !res.Exact || res.Ranked != 2 || !slices.Equal(got, want.hits) {
			t.Errorf("Search(%q) capped at 1 = %d (exact %v, ranked %d) %v, want %d (exact, ranked 2) %v",
				query, res.Total, res.Exact, res.Ranked, got, want.total, want.hits)
		}
	}
	// Counting stops past MaxCount matches of a kind: "oil" matches one
	// story and two articles.
	oldCount := search.MaxCount
	search.MaxCount = 1
	t.Cleanup(func() { search.MaxCount = oldCount })
	if res, _ := mustSearch(t, s, "oil", 0, 0); res.Total != 2 || res.Stories != 1 || res.Articles != 1 || res.Exact {
		t.Errorf("Search(oil) counted to 1 = %d (%d stories, %d articles, exact %v), want 2 (1, 1, inexact)",
			res.Total, res.Stories, res.Articles, res.Exact)
	}
}

// testSearchUpdates checks that the index follows the store: a new text,
// a new brief, a merge and a reset.
func testSearchUpdates(t *testing.T, s store.Store) {
	ctx := context.Background()
	a4 := searchArticle("a4", "example.org", day.AddDate(0, 0, 1), "Volcano erupts", "Ash from the volcano closed airports.")
	if err := s.UpdateArticle(ctx, a4); err != nil {
		t.Fatal(err)
	}
	expect := func(query string, want ...string) {
		t.Helper()
		_, got := mustSearch(t, s, query, 0, 0)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("Search(%q) = %v, want %v", query, got, want)
		}
	}
	expect("volcano", "article:a4")
	expect("marathon")
	if err := s.SaveBrief(ctx, "s2", &model.Brief{Title: "Quake in the Caribbean"}); err != nil {
		t.Fatal(err)
	}
	expect("caribbean", "story:s2")
	expect("place:haiti")
	if _, err := s.MergeStory(ctx, "s2", "s1"); err != nil {
		t.Fatal(err)
	}
	expect("caribbean")
	expect("earthquake", "article:a3")
	if err := s.ResetStories(ctx); err != nil {
		t.Fatal(err)
	}
	expect("spill", "article:a1")
	_, err := s.Search(ctx, search.Query{Terms: [][]string{{"spill"}}}, 10, 0)
	if errors.Is(err, store.ErrNotFound) {
		t.Errorf("Search after reset: %v", err)
	}
}
