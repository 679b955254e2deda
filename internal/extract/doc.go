// Package extract turns one fetched document into clean article text and
// metadata. HTML pages go through go-trafilatura (with go-readability and
// go-domdistiller as fallbacks); scraped text (one visible block per line)
// goes through a line classifier that separates body, title, boilerplate and
// reader comments.
package extract
