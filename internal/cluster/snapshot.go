package cluster

import (
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"time"

	"github.com/klauspost/compress/zstd"
)

// A snapshot is the clusterer's whole state between two articles, so that
// a process can start from it instead of replaying every stored article:
// a clusterer loaded from a snapshot places later articles exactly as the
// one that wrote it would have (TestSnapshotResumesExactly). It holds the
// vocabularies, the boilerplate counts, every story still reachable (in
// memory, or named by an index posting or a merge), their events and
// recent article vectors, and the term index, written with gob and
// compressed with zstd. Scratch space and caches are rebuilt.

// snapshotVersion changes whenever the layout or the meaning of a field
// does; Load refuses any other version (the caller replays instead).
// 2: stories' first times and the latest article's time (backfills), the
// background's unit and count (BackgroundHalfLife).
const snapshotVersion = 2

// ErrSnapshotVersion is returned by Load for a snapshot of another layout,
// ErrSnapshotOptions for one built with other options (another model):
// its state would not be the one these options build.
var (
	ErrSnapshotVersion = errors.New("cluster: snapshot of another version")
	ErrSnapshotOptions = errors.New("cluster: snapshot built with other options")
)

// fingerprint names options and the models they use.
func fingerprint(o Options) string {
	m, g := o.model(), o.guard()
	o.Model, o.Guard = nil, nil
	h := sha256.New()
	fmt.Fprintf(h, "%+v\n", o)
	for _, x := range []*Model{m, g} {
		b, _ := json.Marshal(x)
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))
}

type snapVector struct {
	T []int32
	W []float64
}

type snapCentroid struct {
	T       []int32
	W       []float64
	Norm2   float64
	Indexed bool // the terms are in first-seen order, found through a map
}

type snapDoc struct {
	All, Ent, Lead, Title, Top snapVector
	At                         time.Time
	Lang                       string
	Days, Names                []int32
	ID                         string
	Event                      int32 // handle, -1 for none
	Fixed                      bool
	Checks                     uint8
}

type snapEvent struct {
	ID   string
	C    snapCentroid
	Last time.Time
}

type snapStory struct {
	ID             string
	Seq, Size      int
	Lang           string
	All, Ent, Lead snapCentroid
	Recent         []int32 // doc handles
	Days, Names    map[int32]int
	Last           time.Time
	First          time.Time
	Events         []int32 // event handles
	Evicted, Live  bool    // Live: in the stories map
	Into           int32   // handle, -1 for none
	Search, Term   int
	Shared         float64
	Stale          bool
	Reviewed       int
}

type snapVocab struct {
	Keys    []string
	DF      []int
	N       int
	Forgets int
}

type snapDense struct {
	W     []float64
	Norm2 float64
	Unit  float64
	Adds  int
}

// snapshot is written as a sequence of gob values (parts): one value of
// hundreds of megabytes would be buffered whole, growing by copies.
type snapshot struct {
	snapHead
	Vocab   map[string]snapVocab
	Stories []snapStory
	Events  []snapEvent
	Docs    []snapDoc
	Index   map[string]map[int32][]int32
	Global  map[string]snapDense
	Boiler  []uint8
}

// parts are the values a snapshot is written as, in order. The head
// comes first, so that a snapshot of another version is refused before
// the rest is read.
func (s *snapshot) parts() []any {
	return []any{&s.snapHead, &s.Vocab, &s.Stories, &s.Events, &s.Docs, &s.Index, &s.Global, &s.Boiler}
}

type snapHead struct {
	Version     int
	Options     string // fingerprint of the options the state was built with
	Now         time.Time
	At          time.Time
	Seq, Anon   int
	SinceReview int
	Reviews     int
	Touched     []int32
	Sweep       int
	SweepMerged bool
	BoilerAdded int
	Search      int
}

// Snapshot writes the clusterer's state to w. Call it between two
// articles, after draining Merges and Moves.
func (c *Clusterer) Snapshot(w io.Writer) error {
	if len(c.merges) > 0 || len(c.moves) > 0 {
		return errors.New("cluster: snapshot with undrained merges or moves")
	}
	s := c.snapshot()
	z, err := zstd.NewWriter(w, zstd.WithEncoderLevel(zstd.SpeedFastest), zstd.WithEncoderConcurrency(1))
	if err != nil {
		return fmt.Errorf("cluster: snapshot: %w", err)
	}
	enc := gob.NewEncoder(z)
	for _, part := range s.parts() {
		if err := enc.Encode(part); err != nil {
			z.Close()
			return fmt.Errorf("cluster: snapshot: %w", err)
		}
	}
	if err := z.Close(); err != nil {
		return fmt.Errorf("cluster: snapshot: %w", err)
	}
	return nil
}

// Load returns a clusterer with opts and the state of a snapshot that
// Snapshot wrote (with the same options: they are not stored).
func Load(r io.Reader, opts Options) (*Clusterer, error) {
	z, err := zstd.NewReader(r, zstd.WithDecoderConcurrency(1))
	if err != nil {
		return nil, fmt.Errorf("cluster: load snapshot: %w", err)
	}
	defer z.Close()
	var s snapshot
	dec := gob.NewDecoder(z)
	for i, part := range s.parts() {
		if err := dec.Decode(part); err != nil {
			return nil, fmt.Errorf("cluster: load snapshot: %w", err)
		}
		if i > 0 {
			continue
		}
		if s.Version != snapshotVersion {
			return nil, fmt.Errorf("%w: %d, want %d", ErrSnapshotVersion, s.Version, snapshotVersion)
		}
		if s.Options != fingerprint(opts) {
			return nil, ErrSnapshotOptions
		}
	}
	c := New(opts)
	if err := c.restoreSnapshot(&s); err != nil {
		return nil, fmt.Errorf("cluster: load snapshot: %w", err)
	}
	return c, nil
}

// snapshot gathers the state, giving every reachable story, event and
// article vector a handle (its position in the snapshot's lists).
func (c *Clusterer) snapshot() *snapshot {
	s := &snapshot{snapHead: snapHead{Version: snapshotVersion, Options: fingerprint(c.opts), Now: c.now, At: c.at, Seq: c.seq,
		Anon: c.anon, SinceReview: c.sinceReview, Reviews: c.reviews, Sweep: c.sweep.since,
		SweepMerged: c.sweep.merged, BoilerAdded: c.boiler.added, Search: c.search},
		Vocab: map[string]snapVocab{}, Index: map[string]map[int32][]int32{}, Global: map[string]snapDense{},
		Boiler: c.boiler.table()}
	for lang, v := range c.vocab {
		s.Vocab[lang] = snapVocab{Keys: v.keys, DF: v.df, N: v.n, Forgets: v.forgets}
	}
	for lang, g := range c.global {
		s.Global[lang] = snapDense{W: g.w, Norm2: g.norm2, Unit: g.unit, Adds: g.adds}
	}
	h := handles{stories: map[*story]int32{}, events: map[*event]int32{}, docs: map[*docVec]int32{}}
	// Stories in a fixed order: the live ones by creation, then whatever
	// the postings and merges reach, as they are met.
	live := make([]*story, 0, len(c.stories))
	for _, st := range c.stories {
		live = append(live, st)
	}
	sortStories(live)
	for _, st := range live {
		h.story(st)
	}
	for _, lang := range slices.Sorted(maps.Keys(c.index)) {
		idx := c.index[lang]
		out := make(map[int32][]int32, len(idx))
		for t, list := range idx {
			hs := make([]int32, len(list))
			for i, st := range list {
				hs[i] = h.story(st)
			}
			out[t] = hs
		}
		s.Index[lang] = out
	}
	for _, st := range c.touched {
		s.Touched = append(s.Touched, h.story(st))
	}
	// Handles given out while writing stories may reach more stories
	// (Into): the list grows as it is walked.
	for i := 0; i < len(h.order); i++ {
		st := h.order[i]
		ss := snapStory{ID: st.id, Seq: st.seq, Size: st.size, Lang: st.lang, Days: st.days, Names: st.names,
			Last: st.last, First: st.first, Evicted: st.evicted, Live: c.stories[st.id] == st, Into: -1, Search: st.search,
			Term: st.term, Shared: st.shared, Stale: st.stale, Reviewed: st.reviewed}
		if st.all != nil {
			ss.All, ss.Ent, ss.Lead = snapCentroidOf(st.all), snapCentroidOf(st.ent), snapCentroidOf(st.lead)
		}
		if st.into != nil {
			ss.Into = h.story(st.into)
		}
		for _, e := range st.events {
			ss.Events = append(ss.Events, h.event(e))
		}
		for _, d := range st.recent {
			ss.Recent = append(ss.Recent, h.doc(d))
		}
		s.Stories = append(s.Stories, ss)
	}
	for i := 0; i < len(h.docs); i++ {
		d := h.docList[i]
		sd := snapDoc{All: snapVectorOf(d.all), Ent: snapVectorOf(d.ent), Lead: snapVectorOf(d.lead),
			Title: snapVectorOf(d.title), Top: snapVectorOf(d.top), At: d.at, Lang: d.lang, Days: d.days,
			Names: d.names, ID: d.id, Event: -1, Fixed: d.fixed, Checks: d.checks}
		if d.event != nil {
			sd.Event = h.event(d.event)
		}
		s.Docs = append(s.Docs, sd)
	}
	for _, e := range h.eventList {
		s.Events = append(s.Events, snapEvent{ID: e.id, C: snapCentroidOf(e.c), Last: e.last})
	}
	return s
}

// handles numbers the stories, events and article vectors of a snapshot.
type handles struct {
	stories   map[*story]int32
	order     []*story
	events    map[*event]int32
	eventList []*event
	docs      map[*docVec]int32
	docList   []*docVec
}

func (h *handles) story(s *story) int32 {
	if n, ok := h.stories[s]; ok {
		return n
	}
	n := int32(len(h.order))
	h.stories[s] = n
	h.order = append(h.order, s)
	return n
}

func (h *handles) event(e *event) int32 {
	if n, ok := h.events[e]; ok {
		return n
	}
	n := int32(len(h.eventList))
	h.events[e] = n
	h.eventList = append(h.eventList, e)
	return n
}

func (h *handles) doc(d *docVec) int32 {
	if n, ok := h.docs[d]; ok {
		return n
	}
	n := int32(len(h.docList))
	h.docs[d] = n
	h.docList = append(h.docList, d)
	return n
}

// restoreSnapshot rebuilds the state from a decoded snapshot.
func (c *Clusterer) restoreSnapshot(s *snapshot) error {
	for lang, sv := range s.Vocab {
		if len(sv.Keys) != len(sv.DF) {
			return fmt.Errorf("vocabulary %q: %d terms, %d frequencies", lang, len(sv.Keys), len(sv.DF))
		}
		v := &vocab{ids: make(map[string]int32, len(sv.Keys)), df: sv.DF, n: sv.N, forgets: sv.Forgets, keys: sv.Keys}
		for i, k := range sv.Keys {
			v.ids[k] = int32(i)
		}
		c.vocab[lang] = v
	}
	for lang, g := range s.Global {
		c.global[lang] = &denseSum{w: g.W, norm2: g.Norm2, unit: g.Unit, adds: g.Adds}
	}
	c.now, c.seq, c.anon, c.sinceReview, c.reviews = s.Now, s.Seq, s.Anon, s.SinceReview, s.Reviews
	c.at = s.At
	c.sweep = sweeper{since: s.Sweep, merged: s.SweepMerged}
	c.search = s.Search
	if len(s.Boiler) > 0 {
		if len(s.Boiler) != 1<<boilerBits {
			return fmt.Errorf("boilerplate table of %d counters, want %d", len(s.Boiler), 1<<boilerBits)
		}
		c.boiler.counts = s.Boiler
	}
	c.boiler.added = s.BoilerAdded

	events := make([]*event, len(s.Events))
	for i, se := range s.Events {
		events[i] = &event{id: se.ID, c: se.C.centroid(), last: se.Last}
	}
	docs := make([]*docVec, len(s.Docs))
	for i, sd := range s.Docs {
		d := &docVec{all: sd.All.vector(), ent: sd.Ent.vector(), lead: sd.Lead.vector(), title: sd.Title.vector(),
			top: sd.Top.vector(), at: sd.At, lang: sd.Lang, days: sd.Days, names: sd.Names, id: sd.ID,
			fixed: sd.Fixed, checks: sd.Checks}
		if sd.Event >= 0 {
			if int(sd.Event) >= len(events) {
				return fmt.Errorf("article %s: event handle %d of %d", sd.ID, sd.Event, len(events))
			}
			d.event = events[sd.Event]
		}
		docs[i] = d
	}
	stories := make([]*story, len(s.Stories))
	for i := range s.Stories {
		stories[i] = &story{}
	}
	pick := func(n int32, what string) (*story, error) {
		if n < 0 || int(n) >= len(stories) {
			return nil, fmt.Errorf("%s: story handle %d of %d", what, n, len(stories))
		}
		return stories[n], nil
	}
	for i, ss := range s.Stories {
		st := stories[i]
		*st = story{id: ss.ID, seq: ss.Seq, size: ss.Size, lang: ss.Lang, days: ss.Days, names: ss.Names,
			last: ss.Last, first: ss.First, evicted: ss.Evicted, search: ss.Search, term: ss.Term, shared: ss.Shared,
			stale: ss.Stale, reviewed: ss.Reviewed}
		if ss.Into >= 0 {
			into, err := pick(ss.Into, "story "+ss.ID)
			if err != nil {
				return err
			}
			st.into = into
		} else {
			st.all, st.ent, st.lead = ss.All.centroid(), ss.Ent.centroid(), ss.Lead.centroid()
			if st.days == nil {
				st.days = map[int32]int{}
			}
			if st.names == nil {
				st.names = map[int32]int{}
			}
		}
		for _, n := range ss.Events {
			if n < 0 || int(n) >= len(events) {
				return fmt.Errorf("story %s: event handle %d of %d", ss.ID, n, len(events))
			}
			st.events = append(st.events, events[n])
		}
		for _, n := range ss.Recent {
			if n < 0 || int(n) >= len(docs) {
				return fmt.Errorf("story %s: article handle %d of %d", ss.ID, n, len(docs))
			}
			st.recent = append(st.recent, docs[n])
		}
		if ss.Live {
			c.stories[ss.ID] = st
		}
	}
	for lang, idx := range s.Index {
		out := make(map[int32][]*story, len(idx))
		for t, hs := range idx {
			list := make([]*story, len(hs))
			for i, n := range hs {
				st, err := pick(n, "index")
				if err != nil {
					return err
				}
				list[i] = st
			}
			out[t] = list
		}
		c.index[lang] = out
	}
	for _, n := range s.Touched {
		st, err := pick(n, "touched")
		if err != nil {
			return err
		}
		c.touched = append(c.touched, st)
	}
	return nil
}

func snapVectorOf(v vector) snapVector {
	if v == nil {
		return snapVector{}
	}
	out := snapVector{T: make([]int32, len(v)), W: make([]float64, len(v))}
	for i, e := range v {
		out.T[i], out.W[i] = e.t, e.w
	}
	return out
}

func (s snapVector) vector() vector {
	if s.T == nil {
		return nil
	}
	v := make(vector, len(s.T))
	for i := range s.T {
		v[i] = entry{s.T[i], s.W[i]}
	}
	return v
}

func snapCentroidOf(c *centroid) snapCentroid {
	return snapCentroid{T: c.ts, W: c.ws, Norm2: c.norm2, Indexed: c.pos != nil}
}

func (s snapCentroid) centroid() *centroid {
	c := &centroid{ts: s.T, ws: s.W, norm2: s.Norm2}
	if s.Indexed {
		c.indexTerms()
	}
	return c
}

// sortStories orders stories by creation.
func sortStories(list []*story) {
	slices.SortFunc(list, func(a, b *story) int { return a.seq - b.seq })
}
