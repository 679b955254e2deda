package search

import (
	"slices"
	"testing"
	"time"
)

func TestRank(t *testing.T) {
	now := time.Date(2010, 6, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name  string
		in    []Candidate
		want  []string
		order Order
	}{
		{"Relevance", []Candidate{{KindArticle, "a", 1, now}, {KindArticle, "b", 3, now}, {KindArticle, "c", 2, now}}, []string{"b", "c", "a"}, ByRelevance},
		{"RecencyBreaksNearTies", []Candidate{{KindArticle, "old", 10, now.AddDate(0, -6, 0)}, {KindArticle, "new", 9, now}}, []string{"new", "old"}, ByRelevance},
		{"RelevanceBeatsSmallAge", []Candidate{{KindArticle, "old", 10, now.AddDate(0, 0, -1)}, {KindArticle, "new", 5, now}}, []string{"old", "new"}, ByRelevance},
		{"KindsOnOneScale", []Candidate{{KindArticle, "a", 50, now}, {KindStory, "s", 0.5, now}}, []string{"s", "a"}, ByRelevance},
		{"UndatedLast", []Candidate{{KindArticle, "nodate", 10, time.Time{}}, {KindArticle, "dated", 10, now}}, []string{"dated", "nodate"}, ByRelevance},
		{"TieByID", []Candidate{{KindArticle, "b", 1, now}, {KindArticle, "a", 1, now}}, []string{"a", "b"}, ByRelevance},
		{"Newest", []Candidate{{KindArticle, "old", 10, now.AddDate(0, 0, -1)}, {KindArticle, "new", 1, now}, {KindStory, "s", 5, now}}, []string{"s", "new", "old"}, Newest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			scores := Rank(tt.in, tt.order)
			var got []string
			for _, c := range tt.in {
				got = append(got, c.ID)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Rank = %v, want %v", got, tt.want)
			}
			if tt.order == ByRelevance && !slices.IsSortedFunc(scores, func(a, b float64) int { return int(b*1e6 - a*1e6) }) {
				t.Errorf("scores not descending: %v", scores)
			}
		})
	}
}

func TestPage(t *testing.T) {
	xs := []int{0, 1, 2, 3, 4}
	for _, tt := range []struct {
		limit, offset int
		want          []int
	}{{2, 0, []int{0, 1}}, {2, 4, []int{4}}, {0, 3, []int{3, 4}}, {2, 5, nil}, {2, -1, nil}} {
		if got := Page(xs, tt.limit, tt.offset); !slices.Equal(got, tt.want) {
			t.Errorf("Page(%d, %d) = %v, want %v", tt.limit, tt.offset, got, tt.want)
		}
	}
}

func TestAnswerTotals(t *testing.T) {
	now := time.Date(2010, 6, 1, 0, 0, 0, 0, time.UTC)
	cs := []Candidate{{KindArticle, "a", 1, now}, {KindStory, "s", 1, now}, {KindArticle, "b", 2, now}}
	detail := func(c Candidate) (Hit, error) { return Hit{Title: "t" + c.ID}, nil }
	// Ranked s, b, a; counts below the candidates' are raised to them, above kept.
	for _, tt := range []struct{ stories, articles, wantS, wantA int }{{0, 0, 1, 2}, {7, 9000, 7, 9000}} {
		res, err := Answer(slices.Clone(cs), tt.stories, tt.articles, ByRelevance, 2, 1, detail)
		if err != nil {
			t.Fatal(err)
		}
		if res.Stories != tt.wantS || res.Articles != tt.wantA || res.Total != tt.wantS+tt.wantA {
			t.Errorf("Answer(%d, %d) totals = %d/%d/%d", tt.stories, tt.articles, res.Total, res.Stories, res.Articles)
		}
		if len(res.Hits) != 2 || res.Hits[0].ID != "b" || res.Hits[0].Title != "tb" || res.Hits[1].ID != "a" || res.Hits[0].Kind != KindArticle {
			t.Errorf("page = %+v", res.Hits)
		}
	}
}
