// Package cluster groups articles into stories, and the articles of a story
// into events, online: each article is placed once, in publication-time
// order, against the stories seen so far.
//
// An article is a TF-IDF vector over its title, lead and body terms, with
// document frequencies updated as articles arrive. Proper nouns (names,
// places) weigh more. A new article is compared, by cosine, with the
// centroids and the latest articles of the stories active within a time
// window; candidates come from an inverted index over each story's top
// terms, never from a scan of all stories. It joins the best story when the
// score clears a threshold that rises with the time gap, else it opens a
// story of its own. Inside its story it joins the closest recent event
// under a tighter, time-bound threshold, else it opens an event.
//
// Stories never cross languages: the language is part of the key.
// Everything is deterministic: the same articles in the same order give the
// same ids. A story id is "s-" + the id of its first article, an event id
// "e-" + the id of its first article.
package cluster
