package cluster

import "time"

// Options tune the clusterer. DefaultOptions documents the defaults, which
// were fitted on the two development sets in ../shared/data/cluster.
type Options struct {
	// Model scores (article, story) pairs; nil means DefaultModel().
	Model *Model
	// JoinProb is the model probability an article needs to join its best
	// candidate story; below it the article opens a story. With the model
	// of BackgroundHalfLife 128, .64 (see doc.go): at .6 a story of 35
	// articles of dev-stream.jsonl held two DUC topics on schools; from
	// .63 up the ten largest stories of every stream are pure, and F1
	// falls slowly with it (dev.jsonl on `eval cluster` .9408 at .63 and
	// .64, .9400 at .65, .9392 at .7).
	JoinProb float64
	// Guard is a second, plain model (nil means DefaultGuard()) that must
	// give a join at least GuardProb: the pair model's products can
	// extrapolate where the stream drifts from the training data (a long
	// replayed stream ran into one story), a linear model degrades
	// gracefully. GuardProb 0 turns the guard off.
	Guard     *Model
	GuardProb float64
	// Window is how long a story stays in memory after its latest article;
	// within it the model weighs the gap. Older stories are evicted. 800
	// days, not a year: trials, pleas and sentences come one to two years
	// after the incident, and with the story gone an article about them
	// either opened a story or joined another incident's trial (the model
	// retrained at 800 days: B-cubed F1 on the four streams of TestStreams
	// .9425 / .9465 / .9459 / .9411 at 365 days, .9456 / .9497 / .9486 /
	// .9430 at 540, .9453 / .9499 / .9501 / .9453 at 800).
	Window time.Duration
	// Recent is how many of a story's latest articles are kept for the
	// nearest-article features.
	Recent int
	// TitleWeight and LeadWeight multiply the counts of title terms and of
	// the terms in the first LeadWords words of the text.
	TitleWeight, LeadWeight float64
	LeadWords               int
	// WarmUp is how many articles of a language count as its cold start:
	// an article among them joins a story only if the two share a
	// proper-noun pair ("John Kerry"). At a stream's start idf cannot
	// weigh words yet (after two articles a word in both weighs 1, one in
	// a single article 1.4), so any two articles on one subject look
	// alike and a first join can snowball. Clustered alone (a split by
	// story, eval's TestClusterStoryParts), one half of dev.jsonl's
	// stories ran into one story (B-cubed F1 .28) and one quarter did too
	// (.36); with WarmUp 6 they score .95 and .95, and the whole
	// development files lose .0002 (dev.jsonl .9419 to .9417; WarmUp 4
	// fixed the half only, 10 cost dev-topics.jsonl .004). A warm-up with
	// no joins at all fixed the half too but split the five seed articles
	// (one story in five outlets' words): they share names.
	WarmUp int
	// ProperBoost multiplies the weight of terms written as proper nouns.
	ProperBoost float64
	// IndexTerms is how many top terms of each article index its story,
	// and how many of a new article's terms look stories up. 15 scores as
	// well as 20 with the model trained at 20 (dev .9417 / .9519 against
	// .9409 / .9518) for fewer postings; far fewer (10) moves the index
	// feature out of the range the model was trained on, and it fails.
	IndexTerms int
	// MaxCandidates caps the stories scored per article: those sharing
	// the most index terms with it.
	MaxCandidates int
	// EventThreshold is the cosine to an event's centroid needed to join
	// it; EventWindow how long an event stays open after its latest article.
	EventThreshold float64
	EventWindow    time.Duration
	// MergeProb, MergeCos and MergeEnt govern the merge of split stories:
	// after an article joins a story, another candidate it fits with
	// probability MergeProb is merged with that story when their centroids'
	// cosine reaches MergeCos and their proper nouns' cosine MergeEnt.
	// MergeProb 0 turns merging off.
	MergeProb, MergeCos, MergeEnt float64
	// ReviewEvery, ReviewWindow and ReviewProb govern the review pass
	// (see review.go): every ReviewEvery articles, a story active in the
	// last ReviewWindow is merged with the other story most of its latest
	// articles would now join with probability ReviewProb. ReviewEvery 0
	// turns it off.
	ReviewEvery  int
	ReviewWindow time.Duration
	ReviewProb   float64
	// ReviewCandidates caps the stories a latest article is scored
	// against in the review pass, heaviest shared terms first: a story it
	// fits with ReviewProb shares its heaviest terms (on both development
	// sets the merges are the same with 5 as with MaxCandidates, at a
	// third of the cost).
	ReviewCandidates int
	// AlsoProb is the model probability a roundup's piece about another
	// story needs to be placed there too (see Clusterer.Also). It is
	// higher than JoinProb: roundup detection also flags some long
	// single-story articles, and a part of one looks like a related
	// story. On dev.jsonl the only pieces placed at JoinProb were a long
	// Dallas article's parts, put in another police-ambush story at
	// .62 to .80.
	AlsoProb float64
	// ReviewCos and ReviewEnt are the least centroid cosines (all terms,
	// proper nouns) of two stories the review pass merges.
	ReviewCos, ReviewEnt float64
	// MoveProb and MoveOwnProb govern the moves of the review pass (see
	// move.go): a latest article of a reviewed story moves to another
	// story when the model gives it that story with MoveProb or more and
	// its own story, less the article, with under MoveOwnProb. MoveProb 0
	// turns moves off.
	MoveProb, MoveOwnProb float64
	// QuietAfter and QuietProb age stories: a story quiet for longer than
	// QuietAfter takes an article that mentions days, none of which the
	// story mentions (a new event), only with probability QuietProb or
	// more. An incident over for a month does not absorb the next one of
	// its kind in the same city; a long-running story keeps what names
	// it, sure matches pass. On the four streams of TestClusterTune
	// (prepared text) at 30 days: .85 scores .9473 / .9539 / .9522 /
	// .9459 against .9462 / .9543 / .9528 / .9462 without it, and the
	// ten largest stories of dev.jsonl are pure (a Baltimore story held
	// three shootings, weeks apart); .9 split a Star Wars story at its
	// 94-day gap between trailer and release (.9515 on dev-topics.jsonl).
	// QuietAfter 0 turns it off.
	QuietAfter time.Duration
	QuietProb  float64
	// BackgroundHalfLife is how many articles of a language it takes for
	// an article to weigh half as much in the language's background (the
	// "bg" feature: how much an article looks like all the news around
	// it); 0 weighs every article alike. A background of the recent news
	// behaves the same whatever came before: with every article alike, an
	// archive of 1998 features ingested after two thousand crime reports
	// looked unlike everything, which the model read as distinctive, and
	// one story took 80 features on schools, families and gardens.
	BackgroundHalfLife int
}

// DefaultOptions returns the fitted defaults.
func DefaultOptions() Options {
	return Options{
		JoinProb:           0.64,
		GuardProb:          0.25,
		Window:             800 * 24 * time.Hour,
		Recent:             8,
		TitleWeight:        2,
		LeadWeight:         1.5,
		LeadWords:          60,
		WarmUp:             6,
		ProperBoost:        2,
		IndexTerms:         15,
		MaxCandidates:      15,
		EventThreshold:     0.2,
		EventWindow:        3 * 24 * time.Hour,
		MergeProb:          0.5,
		MergeCos:           0.5,
		MergeEnt:           0.5,
		ReviewEvery:        20,
		ReviewWindow:       7 * 24 * time.Hour,
		ReviewProb:         0.8,
		ReviewCandidates:   5,
		AlsoProb:           0.9,
		ReviewCos:          0.3,
		ReviewEnt:          0.3,
		MoveProb:           0.8,
		MoveOwnProb:        0.5,
		QuietAfter:         30 * 24 * time.Hour,
		QuietProb:          0.85,
		BackgroundHalfLife: 128,
	}
}

func (o *Options) model() *Model {
	if o.Model != nil {
		return o.Model
	}
	return DefaultModel()
}

func (o *Options) guard() *Model {
	if o.GuardProb <= 0 {
		return nil
	}
	if o.Guard != nil {
		return o.Guard
	}
	return DefaultGuard()
}
