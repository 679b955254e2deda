package store

import (
	"context"
	"time"

	"parallax/internal/model"
)

// StorySort orders the story list.
type StorySort string

// The story list's orders; each breaks ties by latest activity, then id.
const (
	SortActivity  StorySort = "activity"  // the story that last got an article first (the default)
	SortOutlets   StorySort = "outlets"   // most outlets first
	SortArticles  StorySort = "articles"  // most articles first
	SortPublished StorySort = "published" // latest publication date first
)

// StorySorts lists the orders, the default first.
var StorySorts = []StorySort{SortActivity, SortOutlets, SortArticles, SortPublished}

// StoryFilter selects and orders stories. Zero fields select everything.
type StoryFilter struct {
	Sort StorySort
	// After and Before keep the stories whose publication dates (first to
	// last, as model.Story) meet [After, Before).
	After, Before time.Time
	// Outlet keeps the stories with an article from this source (exact).
	Outlet string
	// Entity keeps the stories whose brief names it (as an entity's name
	// or alias, exact), of type EntityType (PERSON, ORG, PLACE; "" any).
	Entity, EntityType string
	// MinArticles and MinOutlets keep the stories at least that large.
	MinArticles, MinOutlets int
}

// StoryList is one page of a filtered story list and how many match.
type StoryList struct {
	Stories []model.Story
	Total   int
}

// Browser is the part of the store contract that lists stories by
// filters and describes entities and outlets across stories.
type Browser interface {
	// ListStories returns the page of at most limit stories from offset
	// that match f, in f's order, and how many match in all.
	ListStories(ctx context.Context, f StoryFilter, limit, offset int) (StoryList, error)
	// Entity describes the entity of type typ named name (as its name or
	// an alias) in the saved briefs: the other names it goes by and how
	// many stories name it (ErrNotFound if none).
	Entity(ctx context.Context, typ, name string) (model.EntityProfile, error)
	// Outlet sums an outlet's figures over the stories it is in and their
	// saved briefs (ErrNotFound if no story has an article from it).
	Outlet(ctx context.Context, source string) (model.OutletProfile, error)
}
