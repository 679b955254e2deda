package web

import (
	"time"

	"parallax/internal/model"
)

// Unknown dates are null in every API answer (and blank on the pages),
// never Go's zero time "0001-01-01T00:00:00Z".

// timeOrNil returns nil for the zero (unknown) time.
func timeOrNil(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

// articleJSON is GET /api/v1/articles/{id}: the article with its dates
// null when unknown.
type articleJSON struct {
	*model.Article
	Published *time.Time `json:"published"`
	Fetched   *time.Time `json:"fetched"`
}

func newArticleJSON(a *model.Article) articleJSON {
	return articleJSON{Article: a, Published: timeOrNil(a.Published), Fetched: timeOrNil(a.Fetched)}
}

// storyRowJSON is a story as GET /api/v1/stories lists it.
type storyRowJSON struct {
	model.Story
	First *time.Time `json:"first"`
	Last  *time.Time `json:"last"`
}

func storyRowsJSON(stories []model.Story) []storyRowJSON {
	out := make([]storyRowJSON, len(stories))
	for i, s := range stories {
		out[i] = storyRowJSON{Story: s, First: timeOrNil(s.First), Last: timeOrNil(s.Last)}
	}
	return out
}
