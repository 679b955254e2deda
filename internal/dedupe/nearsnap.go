package dedupe

import (
	"encoding/gob"
	"fmt"
	"io"
)

// nearSnapshot is a NearIndex as Snapshot writes it: the texts in
// insertion order with their signatures and insertion numbers.
type nearSnapshot struct {
	IDs   []string
	Order []int
	Mins  [][]uint32
	Sizes []int
	Next  int
}

// Snapshot writes the index's texts and signatures to w (gob), so that
// a process can start from it instead of recomputing every signature.
func (ix *NearIndex) Snapshot(w io.Writer) error {
	ix.mu.RLock()
	s := nearSnapshot{IDs: ix.ids, Order: make([]int, len(ix.ids)), Mins: make([][]uint32, len(ix.ids)),
		Sizes: make([]int, len(ix.ids)), Next: ix.next}
	for i, id := range ix.ids {
		sig := ix.sigs[id]
		s.Order[i], s.Mins[i], s.Sizes[i] = ix.order[id], sig.Mins, sig.Size
	}
	err := gob.NewEncoder(w).Encode(&s)
	ix.mu.RUnlock()
	if err != nil {
		return fmt.Errorf("dedupe: near-duplicate index snapshot: %w", err)
	}
	return nil
}

// LoadNearIndex returns an index with opts and the texts of a snapshot
// that Snapshot wrote.
func LoadNearIndex(r io.Reader, opts NearOptions) (*NearIndex, error) {
	var s nearSnapshot
	if err := gob.NewDecoder(r).Decode(&s); err != nil {
		return nil, fmt.Errorf("dedupe: load near-duplicate index: %w", err)
	}
	n := len(s.IDs)
	if len(s.Order) != n || len(s.Mins) != n || len(s.Sizes) != n {
		return nil, fmt.Errorf("dedupe: load near-duplicate index: %d ids, %d orders, %d signatures, %d sizes",
			n, len(s.Order), len(s.Mins), len(s.Sizes))
	}
	ix := NewNearIndex(opts)
	ix.presize(n)
	for i, id := range s.IDs {
		sig := Signature{Mins: s.Mins[i], Size: s.Sizes[i]}
		if !sig.Valid() {
			return nil, fmt.Errorf("dedupe: load near-duplicate index: text %s: invalid signature", id)
		}
		if _, dup := ix.sigs[id]; dup {
			return nil, fmt.Errorf("dedupe: load near-duplicate index: text %s twice", id)
		}
		ix.add(id, sig, s.Order[i])
	}
	ix.next = s.Next
	return ix, nil
}
