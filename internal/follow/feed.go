package follow

import (
	"net/url"
	"time"
)

// Size is how many entries a feed holds: the newest.
const Size = 50

// Feed is a followable feed, ready to be written as Atom or JSON Feed.
type Feed struct {
	ID      string // urn:parallax:...
	Title   string
	Page    string // the HTML page it follows, relative to the site
	Entries []Entry
}

// Entry is one item of a feed.
type Entry struct {
	ID        string // stable urn
	Title     string
	Path      string // its page, relative to the site
	Summary   string
	Kind      string // "story", "article" or "event"
	Published time.Time
	Updated   time.Time
}

// Updated is the time of the feed's newest entry (zero when empty).
func (f Feed) Updated() time.Time {
	var t time.Time
	for _, e := range f.Entries {
		if e.Updated.After(t) {
			t = e.Updated
		}
	}
	return t
}

func storyPath(id string) string   { return "/stories/" + url.PathEscape(id) }
func articlePath(id string) string { return "/articles/" + url.PathEscape(id) }
