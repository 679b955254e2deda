package search

import "time"

// Kinds of result.
const (
	KindStory   = "story"
	KindArticle = "article"
)

// Hit is one result: a story or an article.
type Hit struct {
	Kind    string    `json:"kind"` // KindStory or KindArticle
	ID      string    `json:"id"`
	Title   string    `json:"title"`
	Snippet string    `json:"snippet"`
	Time    time.Time `json:"time"` // an article's date; a story's latest article
	Score   float64   `json:"score"`
	// Story fields.
	First    time.Time `json:"first,omitzero"`
	Articles int       `json:"articles,omitempty"`
	Outlets  int       `json:"outlets,omitempty"`
	// NoOutlet counts a story's articles of unknown outlet (each a
	// source of its own, as model.Story counts them).
	NoOutlet int `json:"no_outlet,omitempty"`
	// Undated says the article, or every article of the story, gives no
	// publication date: Time (and First) are then only when they were
	// stored.
	Undated bool `json:"undated,omitempty"`
	// Article fields: its outlet and story.
	Source     string `json:"source,omitempty"`
	URL        string `json:"url,omitempty"`
	Story      string `json:"story,omitempty"`
	StoryTitle string `json:"story_title,omitempty"`
	// Lead is the opening of an untitled article's text, for a title
	// shown in place of the missing one (brief.LeadTitle).
	Lead string `json:"-"`
}

// Results is one page of a search and how many matched in all.
type Results struct {
	Total    int  `json:"total"`
	Stories  int  `json:"stories"`     // of Total
	Articles int  `json:"articles"`    // of Total
	Exact    bool `json:"total_exact"` // false: Total is a lower bound (MaxCount of a kind reached)
	// Ranked is how many matches were ranked (at most MaxCandidates of
	// each kind): the pages end there, even when Total is larger.
	Ranked int   `json:"ranked"`
	Hits   []Hit `json:"results"`
}
