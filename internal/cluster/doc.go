// Package cluster groups articles into stories, and the articles of a story
// into events, online: each article is placed once, in publication-time
// order, against the stories seen so far.
//
// An article becomes three unit TF-IDF vectors (all terms, proper nouns
// and numbers only, title and lead only) with document frequencies updated
// as articles arrive, plus the days its title and lead mention. Outlet
// boilerplate (title segments and text lines seen in earlier articles) is
// dropped first, with constant-memory hashed counters. Candidate stories
// come from an inverted index over each story's top terms (at most
// MaxCandidates, by shared terms), never from a scan of all stories.
// Each (article, candidate) pair is scored by a logistic regression over
// the features in FeatureNames (cosines, nearest recent article, proper
// nouns, lead, background similarity, time gap, story size, shared dates);
// the article joins the likeliest story if its probability reaches
// JoinProb, else it opens a story. Stories stay in memory for Window after
// their latest article (the model weighs the gap), then are evicted.
// After an article joins a story, any other candidate it also fits whose
// centroids are close to that story's is merged into the older of the two
// (Merges reports it, Lineage follows it): early splits heal and the id a
// reader saw first survives.
// Inside its story an article joins the closest open event under a
// tighter, time-bound threshold, else it opens an event.
//
// The model (model.json, embedded) is trained on the development sets by
// teacher forcing, as in Miranda et al. 2018 (see Pairs and Fit); retrain
// after changing features with
//
//	PARALLAX_TRAIN=write go test ./internal/eval -run TestClusterTrain -v
//
// Stories never cross languages: the language is part of the key.
// Everything is deterministic: the same articles in the same order give the
// same ids. A story id is "s-" + the id of its first article, an event id
// "e-" + the id of its first article.
package cluster
