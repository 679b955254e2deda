// Package store defines the narrow storage contract of Parallax. The
// embedded default is store/sqlite; every implementation must pass the
// shared suite in store/storetest.
package store

import (
	"context"
	"errors"

	"parallax/internal/model"
)

// ErrNotFound is returned when an article or story does not exist.
var ErrNotFound = errors.New("store: not found")

// Store is everything the pipeline and the web layer need from storage.
// Implementations are safe for concurrent use.
type Store interface {
	// AddArticle stores a new article atomically. When an article with the
	// same ID, canonical URL (if set) or content hash already exists it
	// stores nothing and returns added=false with the existing article's id
	// (the one with its id, else its canonical URL, else its hash) —
	// unless a came through the shared work queue (QueueSeq) before every
	// article it collides with: when those are all other articles, still
	// pending, queued after it and no near-duplicate's original, a takes
	// their place (added=true): they are deleted with their provenance,
	// and their inputs and the inputs recorded as their duplicates become
	// a's duplicates, so that of exact duplicates the one queued first is
	// kept, as one process storing in queue order keeps it.
	// Article.DuplicateOf, when set, must name a stored article.
	AddArticle(ctx context.Context, a *model.Article) (added bool, existingID string, err error)
	// AddInput stores article a, extracted from the input that p records
	// (its provenance; p.ArticleID is ignored), in one transaction: as
	// AddArticle does, with p when a is stored. When a duplicates a stored
	// article, p is saved for that article if it came from the same input
	// (a rerun, or a restart after a crash between the two), else the
	// input is recorded as a duplicate of it (RecordDuplicate). One commit
	// per input, whatever became of it.
	AddInput(ctx context.Context, a *model.Article, p model.Provenance) (added bool, existingID string, err error)
	// RecordDuplicate notes that input origin repeated article id. Recording
	// the same (origin, id) pair again is a no-op.
	RecordDuplicate(ctx context.Context, origin, articleID string) error
	// RecordRejected notes an input that could not be used, with why.
	// Recording the same (origin, reason) again is a no-op.
	RecordRejected(ctx context.Context, origin, reason string) error

	// Article returns one article with its clean text and its extra
	// placements (Also) (ErrNotFound if absent).
	Article(ctx context.Context, id string) (*model.Article, error)
	// ArticleLeads returns, of the articles ids names, those that have no
	// title, with the first LeadChars characters of their text (what a
	// page shows in place of the missing headline, see brief.LeadTitle);
	// unknown ids and titled articles are left out.
	ArticleLeads(ctx context.Context, ids []string) (map[string]string, error)
	// PendingArticles returns stored articles not yet assigned to a story,
	// ordered by publication time, then id.
	PendingArticles(ctx context.Context) ([]*model.Article, error)
	// ClusteredArticles returns assigned articles, with their extra
	// placements, in the order they were assigned, so that clustering
	// state can be rebuilt after a restart.
	ClusteredArticles(ctx context.Context) ([]*model.Article, error)
	// AssignedSince returns the articles assigned (or moved) after
	// assignment sequence number seq, in assignment order, with their
	// extra placements, and the highest sequence number so far: how one
	// process catches up with assignments another process made in the
	// same store. An article comes back when its own story changes (an
	// Assign that changes only its extras, or a merge that moves only an
	// extra, does not bring it back).
	AssignedSince(ctx context.Context, seq int64) (arts []*model.Article, last int64, err error)
	// Assign records, atomically, an article's placements: its own story
	// (in: story, event, and the passages of its text about the story, nil
	// for all of it; see model.Article.Passages) and, for a roundup, the
	// other stories it covers (also, see model.Article.Also; nil for none),
	// replacing any it had. It creates stories on first use, updates the
	// aggregates of every story it enters or leaves (deleting one left
	// empty) and marks their briefs stale. Placements must pass
	// CheckPlacements and fit the text. Repeating an assignment is a no-op.
	//
	// An extra placement counts in its story as the article's own does:
	// in the story's articles, outlets, dates and events, in Story's refs
	// and in StoryArticles (with that placement's event and passages).
	// Store-wide Stats count the article once.
	Assign(ctx context.Context, articleID string, in model.Placement, also []model.Placement) error

	// MergeStory moves every article of story from (events and passages
	// kept), and every extra placement in it, into story into, deletes
	// the emptied story and records the lineage, atomically, so that
	// StoryAlias(from) leads to into (and so do the ids merged into from
	// before). An extra placement that lands in the article's own story is
	// dropped, its passages joining the article's; two that land in one
	// story become one (ResolvePlacements). It returns the ids of the
	// articles with a placement moved, in assignment order.
	MergeStory(ctx context.Context, from, into string) (moved []string, err error)
	// ApplyClustering records a batch of clustering decisions, in order,
	// and (when state is not nil) the clusterer's state after them, all
	// in one transaction: a crash keeps the whole batch or none of it, so
	// a restart from the saved state redoes exactly what was lost. The
	// state is saved only when no other writer placed an article since
	// assignment sequence number seen (what the caller's clusterer has
	// caught up with); saved tells. last is the highest assignment
	// sequence number after the batch.
	ApplyClustering(ctx context.Context, ops []ClusterOp, state []byte, seen int64) (last int64, saved bool, err error)
	// ClusterState returns the latest saved clusterer state (Data nil when
	// none is saved).
	ClusterState(ctx context.Context) (ClusterState, error)

	// StoryAlias returns the story a merged story's articles now belong to
	// (ErrNotFound if id was never merged).
	StoryAlias(ctx context.Context, id string) (string, error)

	// StaleStories returns ids of stories whose brief must be rebuilt.
	StaleStories(ctx context.Context) ([]string, error)
	// StoryArticles returns a story's articles with text, by publication
	// time: those placed there as their own story and as an extra one,
	// each with the event and passages of its placement there (StoryID is
	// the story; Also is not set).
	StoryArticles(ctx context.Context, storyID string) ([]*model.Article, error)
	// SaveBrief stores a story's brief, sets its title from the brief and
	// clears the stale mark.
	SaveBrief(ctx context.Context, storyID string, b *model.Brief) error

	// Stories lists stories, newest activity first.
	Stories(ctx context.Context, limit, offset int) ([]model.Story, error)
	// Story returns one story, its brief (nil if not built yet) and its
	// articles, as StoryArticles places them.
	Story(ctx context.Context, id string) (*model.Story, *model.Brief, []model.ArticleRef, error)
	// LinkNearDuplicate records that stored article id is a near-duplicate
	// of stored article original (its DuplicateOf); "" clears the link.
	// The clusterer links articles as it places them, in placement order,
	// so that the links do not depend on which process stored what first.
	LinkNearDuplicate(ctx context.Context, id, original string) error
	// NearDuplicates returns the articles stored as near-duplicates of
	// article id (DuplicateOf == id), in the order they were stored.
	NearDuplicates(ctx context.Context, id string) ([]*model.Article, error)

	// SaveProvenance stores where an article's input came from and the
	// input itself. Saving again for the same article keeps the first.
	SaveProvenance(ctx context.Context, p model.Provenance) error
	// Provenance returns an article's provenance (ErrNotFound if none).
	Provenance(ctx context.Context, articleID string) (*model.Provenance, error)
	// ArticleIDs returns every article id in the order they were stored.
	ArticleIDs(ctx context.Context) ([]string, error)
	// UpdateArticle replaces the extracted fields of a stored article (all
	// but its id, origin, story, event and near-duplicate link), e.g. after
	// extraction is rerun; a new text drops the passages, which pointed
	// into the old one, and its extra placements (their stories' aggregates
	// are updated). It fails if the new canonical URL or content hash
	// belongs to another article.
	UpdateArticle(ctx context.Context, a *model.Article) error
	// ResetStories forgets every story, event, brief and assignment (with
	// its passages and extra placements) and the saved clusterer state, so
	// that all articles are pending clustering again.
	ResetStories(ctx context.Context) error

	// Stats returns store-wide counts.
	Stats(ctx context.Context) (model.Stats, error)

	Searcher
	Browser
	Grouper
	Follows
	Auth

	Close() error
}

// LeadChars is how much of an untitled article's text ArticleLeads
// returns: enough for its first sentences.
const LeadChars = 600
