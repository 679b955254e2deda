// Package cluster groups articles into stories, and the articles of a story
// into events, online: each article is placed once, in publication-time
// order, against the stories seen so far.
//
// An article becomes four unit TF-IDF vectors (all terms, proper nouns
// and numbers only, title and lead, title only) with document frequencies
// updated as articles arrive, plus the days its title and lead mention and
// the proper-noun pairs of its text ("Robert Adams"). Outlet boilerplate
// (title segments and short text lines seen in earlier articles; long
// lines only once seen in many, so that wire copies keep their text) is
// dropped first, with constant-memory hashed counters. Candidate stories
// come from an inverted index over each story's top terms (at most
// MaxCandidates, by the summed weight of the shared terms), never from a
// scan of all stories. Each (article, candidate) pair is scored by a
// logistic regression over the features in FeatureNames (cosines, nearest
// recent article and title, proper nouns, the rarest shared names, lead,
// background similarity, time gap, story size, shared dates, and how far
// the candidate is ahead of the others) and the products of every two of
// them (standardized and clipped at 3 sd, so that values unseen in
// training cannot run away); the article joins the likeliest story if its
// probability reaches JoinProb, and a plain logistic model (no products,
// guard.json) gives it at least GuardProb, else it opens a story. The
// guard is there because the products extrapolate where a stream drifts
// from the training data. Document frequencies halve every 8,192 articles
// for the same reason (idf then reflects recent news and keeps its
// trained scale). Measured on dev.jsonl replayed with shifted times and
// fresh ids: the pair model alone ran into one story after about 21,000
// articles; with the guard and the halving, 103,000 articles (48 rounds)
// kept 800-2,200 stories in memory throughout. A stream's cold start is
// fragile the same way: while idf cannot yet weigh words, any two
// articles on one subject look alike, so among a language's first
// WarmUp articles a join needs a shared proper-noun pair (one half and
// one quarter of dev.jsonl's stories, each clustered alone, otherwise ran
// into one story).
// Stories stay in
// memory for Window after their latest article (the model weighs the
// gap), then are evicted. Stories also age: one quiet for QuietAfter (30
// days) takes an article that reports a new event (it mentions days, none
// of which the story mentions) only when the model is sure (QuietProb,
// .85), so that an incident long over does not absorb the next one of
// its kind in the same city, while a long-running story keeps what shares
// its names.
//
// Nothing assumes that articles arrive in publication order across
// batches. A story knows its span (its first and latest article), and
// an archive ingested after newer news (a backfill) is measured from it:
// the gap is the time from the span to the article, before or after it,
// and a story that began more than Window after the article is no
// candidate. The background an article is compared with ("bg": how much
// it looks like all the news) is that of the recent articles
// (BackgroundHalfLife, 128 articles), not of every article since the
// start: with every article alike, an archive of 1998 features ingested
// after two thousand crime reports looked unlike everything, which the
// model reads as distinctive, and one story took 80 features on schools,
// families and gardens. The model was retrained with that background
// (four streams, as before) and JoinProb set again for it: .64, inside
// the range where the ten largest stories of each of the four streams of
// TestStreams are pure (.63 to .75 there; .63 to .7 on `parallax eval
// cluster`, where .6 leaves one impure story in dev-stream.jsonl).
//
// Early mistakes are fixed in two ways, both by merging into the older
// story (Merges reports each merge, Lineage follows it, and the id a
// reader saw first survives): after an article joins a story, any other
// candidate it also fits whose centroids are close to that story's is
// merged with it; and every ReviewEvery articles a review pass asks, for
// each recently active story, which other story most of its latest
// articles would now join (review.go). The review pass then moves single
// articles (move.go): a latest article of a reviewed story moves to
// another story when the model gives it that story with MoveProb (.8) or
// more and its own story, less the article (a leave-one-out of the
// centroids, size, days, names and index terms), under MoveOwnProb (.5).
// Moves reports each move; the story left keeps its id, and an article
// moves at most once (a roundup placed in several stories never). On
// `parallax eval cluster` it moves one article of dev.jsonl, rightly (F1
// .9417 to .9419), and none of dev-topics.jsonl; looser thresholds moved
// wrong articles there (pOwn under .99: F1 .9519 to .9514). Stories are
// not split: the articles that no story would take, their own less them
// included (pOwn under .05, no other story at JoinProb, checked at each
// review pass), were wrongly placed 2 times in 5 on dev.jsonl (all five
// their story's first article) and 0 in 2 on dev-topics.jsonl. The
// article is withheld from its story in place for the leave-one-out
// score, then put back bit for bit, and each article is looked at by two
// review passes at most (the pass then takes about 3% of the time of a
// stream of long articles).
//
// An article that joins a story may be a roundup of several stories; its
// sections are then scored against the story and Passages names those
// that belong (roundup.go). Its other sections are scored, each as an
// article with the roundup's title, against the stories as they stood
// before it: a section the model places in another story with AlsoProb
// (higher than JoinProb) is placed there too, and Also names those
// stories with their passages (also.go). A section no story fits opens
// none.
//
// Inside its story an article joins the closest open event under a
// tighter, time-bound threshold, else it opens an event.
//
// The model (model.json, embedded) is trained on the development sets, as
// pipeline.Prepare gives them, by teacher forcing as in Miranda et al.
// 2018 (see Pairs and Fit), on the four streams a store lives on at once
// (each file alone, both concatenated, dev-stream.jsonl: each weighs the
// same) with an L2 penalty of 30: trained on each file alone, idf in a
// mixed stream weighed the shared crime vocabulary far more than the
// model had seen and one shooting story swallowed 1,203 incidents
// (dev-stream.jsonl F1 .809; .938 after that, .943 `parallax eval
// cluster` with Window 800 days). Retrain after changing features with
//
//	PARALLAX_TRAIN=write go test ./internal/eval -run TestClusterTrain -v
//
// Stories never cross languages: the language is part of the key.
// Everything is deterministic: the same articles in the same order give the
// same ids. A story id is "s-" + the id of its first article, an event id
// "e-" + the id of its first article.
package cluster
