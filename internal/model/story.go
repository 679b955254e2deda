package model

import "time"

// Story is a group of articles about one real-world story, as listed.
type Story struct {
	ID       string    `json:"id"`
	Title    string    `json:"title"`
	Articles int       `json:"articles"`
	Outlets  int       `json:"outlets"`
	First    time.Time `json:"first"`
	Last     time.Time `json:"last"`
	// Undated says no article of the story has a publication date: First
	// and Last are then only when its articles were stored.
	Undated bool `json:"undated,omitempty"`
	// NoOutlet counts the articles whose outlet is unknown; each is a
	// source of its own.
	NoOutlet int `json:"no_outlet,omitempty"`
}

// Sources counts the story's sources: its outlets, and each article
// whose outlet is unknown.
func (s Story) Sources() int { return s.Outlets + s.NoOutlet }

// ArticleRef is an article as listed under a story.
type ArticleRef struct {
	ID        string    `json:"id"`
	URL       string    `json:"url"`
	Source    string    `json:"source"`
	Title     string    `json:"title"`
	Published time.Time `json:"published"`
	EventID   string    `json:"event,omitempty"`
	// DuplicateOf names the original when this article is a near-duplicate
	// copy (a wire copy or syndicated repost) of another.
	DuplicateOf string `json:"duplicate_of,omitempty"`
	// Passages are the parts of the article's text about this story when
	// it is a roundup of several stories; nil when all of it is.
	Passages []Passage `json:"passages,omitempty"`
}
