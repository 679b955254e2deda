package model

import "time"

// Kinds of follow: what a follow watches.
const (
	FollowSearch = "search" // Target is a search query (search.Parse)
	FollowEntity = "entity" // Target is "TYPE:Name" (PERSON, ORG or PLACE)
	FollowStory  = "story"  // Target is a story id
)

// Follow is a saved follow: a search, an entity or a story watched under
// a name, whose feed gains an entry when something new matches, with an
// optional webhook told of each new entry.
type Follow struct {
	ID            int64     `json:"id"`
	Name          string    `json:"name"`
	Kind          string    `json:"kind"`
	Target        string    `json:"target"`
	WebhookURL    string    `json:"webhook_url,omitempty"`
	WebhookSecret string    `json:"-"`
	Created       time.Time `json:"created"`
	// SeenAt is when its entries were last marked seen: entries recorded
	// after it are new.
	SeenAt time.Time `json:"seen_at"`

	// Read-only, filled by the store when it lists follows.
	New      int           `json:"new"`     // entries recorded after SeenAt
	Entries  int           `json:"entries"` // entries recorded in all
	Delivery DeliveryState `json:"delivery"`
}

// DeliveryState sums up a follow's webhook deliveries.
type DeliveryState struct {
	Pending   int       `json:"pending"`            // deliveries not yet made nor given up
	Failed    int       `json:"failed"`             // deliveries given up after their last attempt
	Attempts  int       `json:"attempts"`           // attempts of the latest delivery
	LastError string    `json:"last_error"`         // error of the latest failed attempt ("" if none)
	Delivered time.Time `json:"delivered,omitzero"` // when the latest delivery succeeded
}

// FollowEntry is one entry of a follow's feed, as the store records it
// when it first appears.
type FollowEntry struct {
	ID      string    `json:"id"` // stable across restarts (urn:parallax:...)
	Title   string    `json:"title"`
	Path    string    `json:"path"` // the page, relative to the site
	Updated time.Time `json:"updated"`
	Seen    time.Time `json:"seen"` // when it was first recorded
}

// Delivery is one webhook call due for a follow: its new entries, sent
// until the receiver answers 2xx or the attempts run out.
type Delivery struct {
	ID        int64         `json:"id"`
	FollowID  int64         `json:"follow"`
	URL       string        `json:"url"`
	Secret    string        `json:"-"`
	Entries   []FollowEntry `json:"entries"`
	Created   time.Time     `json:"created"`
	Attempts  int           `json:"attempts"` // made so far
	LastError string        `json:"last_error"`
}
