package dedupe

import "sync"

// NearOptions configure near-duplicate detection. The zero value of a
// field takes the default of DefaultNearOptions.
type NearOptions struct {
	Shingle    int     // words per shingle; default 3
	MinWords   int     // shorter texts are never near-duplicates; default 20
	Threshold  float64 // least estimated Overlap of a copy; default 0.6
	MinJaccard float64 // and least estimated Jaccard similarity; default 0.2
	Bands      int     // LSH bands of NumHashes/Bands rows each; default 64 (of 2 rows)
	// Keep bounds the index to the latest Keep texts added (the oldest
	// are dropped): copies of a report appear within days, and the index
	// must not grow with years of news. Default 20,000; negative: no bound.
	Keep int
}

// DefaultNearOptions returns the defaults, tuned on syndicated copies made
// from the cluster dev set (see near_test.go).
func DefaultNearOptions() NearOptions {
	return NearOptions{Shingle: 3, MinWords: 20, Threshold: 0.6, MinJaccard: 0.2, Bands: 64, Keep: 20000}
}

func (o NearOptions) withDefaults() NearOptions {
	d := DefaultNearOptions()
	if o.Shingle <= 0 {
		o.Shingle = d.Shingle
	}
	if o.MinWords <= 0 {
		o.MinWords = d.MinWords
	}
	if o.Threshold <= 0 {
		o.Threshold = d.Threshold
	}
	if o.MinJaccard <= 0 {
		o.MinJaccard = d.MinJaccard
	}
	if o.Bands <= 0 || o.Bands > NumHashes {
		o.Bands = d.Bands
	}
	if o.Keep == 0 {
		o.Keep = d.Keep
	}
	return o
}

// NearIndex finds near-duplicates among the texts added to it with
// locality-sensitive hashing: a signature is cut into bands, and only
// texts sharing a whole band are compared, so a lookup costs the size of
// a few buckets, not of the index. It is safe for concurrent use.
type NearIndex struct {
	opts    NearOptions
	rows    int
	mu      sync.RWMutex
	sigs    map[string]Signature
	order   map[string]int // insertion order: ties go to the earliest
	ids     []string       // in insertion order (for Keep and Snapshot)
	next    int            // the next insertion number
	buckets []map[uint64][]string
}

// NewNearIndex returns an empty index.
func NewNearIndex(opts NearOptions) *NearIndex {
	opts = opts.withDefaults()
	ix := &NearIndex{opts: opts, rows: NumHashes / opts.Bands, sigs: map[string]Signature{},
		order: map[string]int{}, buckets: make([]map[uint64][]string, opts.Bands)}
	for i := range ix.buckets {
		ix.buckets[i] = map[uint64][]string{}
	}
	return ix
}

// presize makes room for n texts in an empty index, so that loading a
// saved one does not grow every map step by step.
func (ix *NearIndex) presize(n int) {
	ix.sigs, ix.order = make(map[string]Signature, n), make(map[string]int, n)
	ix.ids = make([]string, 0, n)
	for i := range ix.buckets {
		ix.buckets[i] = make(map[uint64][]string, n)
	}
}

// Signature computes a text's signature with the index's options.
func (ix *NearIndex) Signature(text string) Signature {
	return MinHash(text, ix.opts.Shingle, ix.opts.MinWords)
}

// Len is the number of texts indexed.
func (ix *NearIndex) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return len(ix.sigs)
}

// Add indexes a signature under id; nil signatures and ids already
// present are ignored.
func (ix *NearIndex) Add(id string, sig Signature) {
	if !sig.Valid() {
		return
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if _, ok := ix.sigs[id]; ok {
		return
	}
	ix.add(id, sig, ix.next)
	ix.next++
	if keep := ix.opts.Keep; keep > 0 && len(ix.ids) > keep+keep/4 {
		ix.dropOldest(len(ix.ids) - keep)
	}
}

// add indexes sig under id with insertion number n.
func (ix *NearIndex) add(id string, sig Signature, n int) {
	ix.sigs[id] = sig
	ix.order[id] = n
	ix.ids = append(ix.ids, id)
	for b := range ix.buckets {
		k := sig.band(b, ix.rows)
		ix.buckets[b][k] = append(ix.buckets[b][k], id)
	}
}

// dropOldest forgets the n texts added first and rebuilds the buckets
// from the rest (once per Keep/4 additions: constant cost per text).
func (ix *NearIndex) dropOldest(n int) {
	for _, id := range ix.ids[:n] {
		delete(ix.sigs, id)
		delete(ix.order, id)
	}
	kept := append([]string(nil), ix.ids[n:]...)
	ix.ids = ix.ids[:0]
	for i := range ix.buckets {
		ix.buckets[i] = map[uint64][]string{}
	}
	for _, id := range kept {
		ix.ids = append(ix.ids, id)
		sig := ix.sigs[id]
		for b := range ix.buckets {
			k := sig.band(b, ix.rows)
			ix.buckets[b][k] = append(ix.buckets[b][k], id)
		}
	}
}

// Find returns the indexed text most similar to sig, if its estimated
// similarity reaches the threshold (ties: the one added first).
func (ix *NearIndex) Find(sig Signature) (id string, sim float64, ok bool) {
	if !sig.Valid() {
		return "", 0, false
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	seen := map[string]bool{}
	for b := range ix.buckets {
		for _, c := range ix.buckets[b][sig.band(b, ix.rows)] {
			if seen[c] {
				continue
			}
			seen[c] = true
			s, ok2 := ix.similar(sig, ix.sigs[c])
			if !ok2 {
				continue
			}
			if !ok || s > sim || (s == sim && ix.order[c] < ix.order[id]) {
				id, sim, ok = c, s, true
			}
		}
	}
	return id, sim, ok
}

// Match is one indexed text similar to a query.
type Match struct {
	ID         string
	Similarity float64
}

// FindAll returns every indexed text whose estimated similarity to sig
// reaches the threshold, among the LSH candidates.
func (ix *NearIndex) FindAll(sig Signature) []Match {
	if !sig.Valid() {
		return nil
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	seen := map[string]bool{}
	var out []Match
	for b := range ix.buckets {
		for _, c := range ix.buckets[b][sig.band(b, ix.rows)] {
			if seen[c] {
				continue
			}
			seen[c] = true
			if s, ok := ix.similar(sig, ix.sigs[c]); ok {
				out = append(out, Match{c, s})
			}
		}
	}
	return out
}

// similar returns the overlap of two signatures and whether they are
// near-duplicates.
func (ix *NearIndex) similar(a, b Signature) (float64, bool) {
	if a.Jaccard(b) < ix.opts.MinJaccard {
		return 0, false
	}
	o := a.Overlap(b)
	return o, o >= ix.opts.Threshold
}
