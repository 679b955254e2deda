package cluster

import (
	"strconv"
	"time"
)

// Doc is one article as the clusterer sees it.
type Doc struct {
	ID, Title, Text, Lang string
	Published             time.Time
}

// Assignment names the story and the event an article belongs to.
type Assignment struct {
	Story, Event string
}

// story is one story in memory.
type story struct {
	id             string
	seq            int // creation order: breaks ties
	size           int
	lang           string
	all, ent, lead *centroid
	recent         []*docVec
	days           map[int32]int // mentioned days -> articles
	names          map[int32]int // proper-noun pairs -> articles
	last           time.Time
	// first is the earliest article's time: with last, the story's span,
	// which an article published before it (a backfill) is measured from.
	first   time.Time
	events  []*event
	evicted bool
	into    *story // set when merged into another story
	// Set by the latest candidate search that found the story: its number,
	// the last index term that counted the story, and the summed weight of
	// the article's index terms the story shares.
	search, term int
	shared       float64
	stale        bool // out of the window (or evicted) at that search
	reviewed     int  // the review pass that last listed it in touched (see review.go)
}

// event is a sub-cluster of a story.
type event struct {
	id   string
	c    *centroid
	last time.Time
}

// Clusterer places articles into stories and events. It is not safe for
// concurrent use.
type Clusterer struct {
	opts        Options
	model       *Model
	guard       *Model            // nil: no guard
	vocab       map[string]*vocab // per language
	stories     map[string]*story
	index       map[string]map[int32][]*story // per language: term -> stories
	global      map[string]*denseSum          // per language: all articles
	now         time.Time                     // latest publication time seen
	at          time.Time                     // the latest article's time (before now in a backfill)
	seq, anon   int
	sinceReview int      // articles added since the last review pass
	reviews     int      // review passes so far
	touched     []*story // stories that gained an article since the last pass
	voted       votes    // the latest pass's voters (review.go)
	sweep       sweeper
	boiler      boiler
	rows        [][]float64
	near        []nearBest // scratch for featureRows
	dense       scratch
	terms       terms
	search      int         // candidate searches so far: marks the stories one search found
	found       []*story    // scratch for candidates
	cands       []*story    // the latest article's candidates
	probs       []float64   // and the model's probability for each
	merges      []Merge     // not yet drained by Merges
	moves       []Move      // not yet drained by Moves
	restored    *docVec     // the latest restored article (see RestoreAlso)
	passages    []Passage   // the latest article's passages (Passages)
	also        []Placement // the latest article's other stories (Also)
}

// New returns an empty clusterer.
func New(opts Options) *Clusterer {
	return &Clusterer{
		opts:    opts,
		model:   opts.model(),
		guard:   opts.guard(),
		vocab:   map[string]*vocab{},
		stories: map[string]*story{},
		index:   map[string]map[int32][]*story{},
		global:  map[string]*denseSum{},
	}
}

// Add places one article and returns its story and event; for a roundup,
// Passages then names its parts about that story and Also the other
// stories it was placed in. Callers feed articles in publication-time
// order.
func (c *Clusterer) Add(d Doc) Assignment {
	text := d.Text
	d = c.normalize(d)
	v := c.vectorize(d)
	s := c.bestStory(d.Lang, v)
	c.passages, c.also = nil, nil
	var picks []pick // a roundup's parts about other stories
	whole := Doc{ID: d.ID, Title: d.Title, Text: text, Lang: d.Lang, Published: d.Published}
	if s != nil {
		var off []Passage
		if c.passages, off = c.roundup(text, d.Lang, s); len(off) > 0 {
			if slight(text, c.passages) {
				// the story's part of it is a line or two of a long text
				// ("This article is about ..."): the text is not the
				// story's
				s, c.passages = nil, nil
			} else {
				picks = c.elsewhere(whole, s, off)
			}
		}
	}
	if s == nil {
		s = c.newStory("s-"+d.ID, d.Lang)
	}
	e := s.bestEvent(v, &c.opts, &c.dense.all)
	if e == nil {
		e = s.newEvent("e-" + d.ID)
	}
	v.id, v.event = d.ID, e
	c.place(s, e, v)
	s = c.mergeAround(s)
	if len(picks) > 0 {
		if c.also = c.placeElsewhere(whole, s, picks); len(c.also) > 0 {
			v.fixed = true // a roundup in several stories stays where it is
		}
	}
	if c.opts.ReviewEvery > 0 && s.reviewed != c.reviews+1 {
		s.reviewed = c.reviews + 1
		c.touched = append(c.touched, s)
	}
	c.maybeReview()
	return Assignment{Story: s.live().id, Event: e.id}
}

// Restore replays a stored assignment: the article joins the named story
// and event (created if unknown) without any decision being made.
func (c *Clusterer) Restore(d Doc, a Assignment) {
	d = c.normalize(d)
	v := c.vectorize(d)
	s := c.stories[a.Story]
	if s == nil {
		s = c.newStory(a.Story, d.Lang)
	}
	e := s.eventByID(a.Event)
	v.id, v.event = d.ID, e
	c.place(s, e, v)
	c.restored = v
}

// eventByID returns the story's event id, created if unknown.
func (s *story) eventByID(id string) *event {
	for _, x := range s.events {
		if x.id == id {
			return x
		}
	}
	return s.newEvent(id)
}

// Active returns how many stories are in memory.
func (c *Clusterer) Active() int { return len(c.stories) }

// normalize fills a missing id, language and time, and evicts the stories
// that left the window.
func (c *Clusterer) normalize(d Doc) Doc {
	if d.ID == "" {
		c.anon++
		d.ID = "anon-" + strconv.Itoa(c.anon)
	}
	if d.Lang == "" {
		d.Lang = detectLang(d.Title + "\n" + d.Text)
	}
	if d.Published.IsZero() {
		d.Published = c.now
	}
	if d.Published.After(c.now) {
		c.now = d.Published
	}
	c.at = d.Published
	c.evict()
	d.Title, d.Text = blankRefs(d.Title), blankRefs(d.Text)
	return c.boiler.clean(d)
}

func (c *Clusterer) vectorize(d Doc) *docVec {
	vc := c.vocab[d.Lang]
	if vc == nil {
		vc = newVocab()
		c.vocab[d.Lang] = vc
	}
	c.terms.count(d, &c.opts, vc)
	forgets := vc.forgets
	v := vc.vectorize(&c.terms, c.opts.ProperBoost)
	if g := c.global[d.Lang]; g != nil && vc.forgets != forgets {
		g.scale(0.5) // the language's centroid forgets as its frequencies do
	}
	v.at, v.lang = d.Published, d.Lang
	v.days = mentionedDays(d)
	v.top = v.all.top(c.opts.IndexTerms)
	return v
}

func (c *Clusterer) newStory(id, lang string) *story {
	c.seq++
	s := &story{id: id, seq: c.seq, lang: lang, all: newCentroid(), ent: newCentroid(), lead: newCentroid(), days: map[int32]int{}, names: map[int32]int{}}
	c.stories[id] = s
	return s
}

func (s *story) newEvent(id string) *event {
	e := &event{id: id, c: newCentroid()}
	s.events = append(s.events, e)
	return e
}

// place counts the article in its language's centroid and joins it to
// story s and event e.
func (c *Clusterer) place(s *story, e *event, v *docVec) {
	g := c.global[s.lang]
	if g == nil {
		g = &denseSum{}
		c.global[s.lang] = g
	}
	g.addHalving(v.all, c.opts.BackgroundHalfLife)
	c.join(s, e, v)
}

// join adds the article's vectors to its story and event, and indexes the
// story under its top terms.
func (c *Clusterer) join(s *story, e *event, v *docVec) {
	s.size++
	s.all.add(v.all)
	s.ent.add(v.ent)
	s.lead.add(v.lead)
	for _, x := range v.days {
		s.days[x]++
	}
	for _, x := range v.names {
		s.names[x]++
	}
	if e != nil {
		e.c.add(v.all)
		if v.at.After(e.last) {
			e.last = v.at
		}
	}
	s.recent = append(s.recent, v)
	if len(s.recent) > c.opts.Recent {
		s.recent = append(s.recent[:0:0], s.recent[len(s.recent)-c.opts.Recent:]...)
	}
	if v.at.After(s.last) {
		s.last = v.at
	}
	if s.first.IsZero() || v.at.Before(s.first) {
		s.first = v.at
	}
	c.indexStory(s, v.top)
}
