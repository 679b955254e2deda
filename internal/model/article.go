// Package model holds the domain types that flow through the Parallax
// pipeline: ingest -> extract -> dedupe -> nlp -> cluster -> brief -> store -> web.
package model

import "time"

// Article is one news article after extraction: clean text plus metadata.
type Article struct {
	ID           string    `json:"id"`            // stable id: from the input, else derived from the content hash
	URL          string    `json:"url,omitempty"` // as given by the input
	CanonicalURL string    `json:"canonical_url,omitempty"`
	Source       string    `json:"source,omitempty"` // outlet: a name or the URL's host
	Title        string    `json:"title,omitempty"`
	Byline       string    `json:"byline,omitempty"`
	Published    time.Time `json:"published,omitzero"` // zero when unknown (absent in JSON)
	// PublishedInferred says Published was read from the text itself (a
	// "Published:" or "Updated" stamp, a dateline), not given by the
	// input or the page's metadata.
	PublishedInferred bool      `json:"published_inferred,omitempty"`
	Language          string    `json:"lang,omitempty"` // ISO 639-1 when known
	Text              string    `json:"text"`           // clean text: one paragraph a line ("\n" between paragraphs)
	ContentHash       string    `json:"content_hash,omitempty"`
	Origin            string    `json:"origin,omitempty"` // where it came from: a path (with ":LINE" for JSONL) or a URL
	Fetched           time.Time `json:"fetched,omitzero"`
	StoryID           string    `json:"story,omitempty"`
	EventID           string    `json:"event,omitempty"`
	// DuplicateOf is the id of the article this one is a near-duplicate of
	// (a wire copy or syndicated repost with small edits); "" for an
	// original. Copies count as one source with their original.
	DuplicateOf string `json:"duplicate_of,omitempty"`
	// Passages, set by clustering, are the parts of Text about StoryID
	// when the article is a roundup of several stories; nil when all of
	// the text is about it (the usual case).
	Passages []Passage `json:"passages,omitempty"`
	// Also lists the other stories a roundup covers, each with the
	// passages about it: the article appears in each of them, with only
	// those passages. Nil for the usual, single-story article.
	Also []Placement `json:"also,omitempty"`
	// QueueSeq is the input's sequence number on the shared work queue
	// (0 when it did not come through one), set by the worker that
	// stores it: of exact duplicates still waiting for a story, the store
	// keeps the one queued first, as one process storing in queue order
	// does (store.Store.AddArticle), and the clusterer places an article
	// only once every input queued before it is stored.
	QueueSeq int64 `json:"-"`
}

// Placement is one more story a roundup article belongs to, through the
// passages of its text about that story.
type Placement struct {
	StoryID  string    `json:"story"`
	EventID  string    `json:"event,omitempty"`
	Passages []Passage `json:"passages"`
}

// Stats are the store-wide counts shown by `parallax stats`.
type Stats struct {
	Articles   int `json:"articles"`
	Duplicates int `json:"duplicates"`
	Rejected   int `json:"rejected"`
	Stories    int `json:"stories"`
	Events     int `json:"events"`
	Sources    int `json:"sources"`
}
