package web

// feedLink is a feed a page offers (<link rel="alternate"> in the
// layout's head, so that feed readers find it from the page's address).
type feedLink struct {
	Title, Href string
	Atom        bool // else JSON Feed
}

// feedLinker is implemented by page data that has feeds to offer.
type feedLinker interface {
	AltFeeds() []feedLink
}

// feedPair is the Atom and JSON Feed links of one feed.
func feedPair(title, atom, json string) []feedLink {
	return []feedLink{{title + " (Atom)", atom, true}, {title + " (JSON Feed)", json, false}}
}

// AltFeeds offers the story's feed.
func (v storyView) AltFeeds() []feedLink {
	return feedPair("Follow this story", storyFeedHref(v.Story.ID, "atom"), storyFeedHref(v.Story.ID, "json"))
}

// AltFeeds offers the search's feed (when there is a query).
func (v searchView) AltFeeds() []feedLink {
	if v.Atom == "" || v.Error != "" {
		return nil
	}
	return feedPair("Follow this search", v.Atom, v.JSON)
}
