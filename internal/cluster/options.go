package cluster

import "time"

// Options tune the clusterer. DefaultOptions documents the defaults, which
// were fitted on the two development sets in ../shared/data/cluster.
type Options struct {
	// Threshold is the score an article needs to join a story.
	Threshold float64
	// Window is how long a story stays open after its latest article.
	Window time.Duration
	// GapPenalty raises the threshold by this much per Window of time
	// between the article and the story's latest article.
	GapPenalty float64
	// Background raises the threshold by this times the article's cosine
	// to the centroid of all articles of its language: where every story
	// shares a domain vocabulary (local crime news), unrelated stories look
	// alike and a match must stand out more.
	Background float64
	// SizeDiscount lowers the threshold of a story of n articles to
	// Threshold * n^-SizeDiscount: a story many articles already share is
	// an ongoing one, and ongoing stories drift.
	SizeDiscount float64
	// NearWeight mixes the best cosine to one of the story's latest
	// articles into the score (the rest is cosine to the centroid).
	NearWeight float64
	// Recent is how many of a story's latest articles are kept for NearWeight.
	Recent int
	// TitleWeight and LeadWeight multiply the counts of title terms and of
	// the terms in the first LeadWords words of the text.
	TitleWeight, LeadWeight float64
	LeadWords               int
	// ProperBoost multiplies the weight of terms written as proper nouns.
	ProperBoost float64
	// IndexTerms is how many top terms of each article index its story,
	// and how many of a new article's terms look stories up.
	IndexTerms int
	// EventThreshold is the cosine to an event's centroid needed to join
	// it; EventWindow how long an event stays open after its latest article.
	EventThreshold float64
	EventWindow    time.Duration
}

// DefaultOptions returns the fitted defaults.
func DefaultOptions() Options {
	return Options{
		Threshold:      0.03,
		Window:         30 * 24 * time.Hour,
		GapPenalty:     0.3,
		Background:     0.6,
		SizeDiscount:   0,
		NearWeight:     0,
		Recent:         8,
		TitleWeight:    2,
		LeadWeight:     1.5,
		LeadWords:      60,
		ProperBoost:    2,
		IndexTerms:     20,
		EventThreshold: 0.2,
		EventWindow:    3 * 24 * time.Hour,
	}
}
