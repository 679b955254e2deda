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
// null when unknown. It lists its fields rather than embed model.Article:
// the article's origin (a path on the server's disk) and content hash
// (an internal dedupe key) are not the API's to show.
type articleJSON struct {
	ID           string            `json:"id"`
	URL          string            `json:"url,omitempty"`
	CanonicalURL string            `json:"canonical_url,omitempty"`
	Source       string            `json:"source,omitempty"`
	Title        string            `json:"title,omitempty"`
	Byline       string            `json:"byline,omitempty"`
	Published    *time.Time        `json:"published"`
	Language     string            `json:"lang,omitempty"`
	Text         string            `json:"text"`
	Fetched      *time.Time        `json:"fetched"`
	StoryID      string            `json:"story,omitempty"`
	EventID      string            `json:"event,omitempty"`
	DuplicateOf  string            `json:"duplicate_of,omitempty"`
	Passages     []model.Passage   `json:"passages,omitempty"`
	Also         []model.Placement `json:"also,omitempty"`
}

func newArticleJSON(a *model.Article) articleJSON {
	return articleJSON{ID: a.ID, URL: a.URL, CanonicalURL: a.CanonicalURL, Source: a.Source, Title: a.Title,
		Byline: a.Byline, Published: timeOrNil(a.Published), Language: a.Language, Text: a.Text,
		Fetched: timeOrNil(a.Fetched), StoryID: a.StoryID, EventID: a.EventID, DuplicateOf: a.DuplicateOf,
		Passages: a.Passages, Also: a.Also}
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
