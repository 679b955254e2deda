package cluster

import (
	"math/rand"
	"slices"
	"testing"
)

// TestRadixSort checks radixSort against slices.Sort on documents' keys:
// distinct ids of every size (one byte to all four), in any order.
func TestRadixSort(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	var tmp []uint64
	for _, tc := range []struct{ n, maxID int }{{0, 1}, {1, 9}, {2, 2}, {50, 200}, {300, 70000}, {1000, 1 << 31}} {
		ids := r.Perm(tc.n + 5)[:tc.n]
		var keys []uint64
		for pos, i := range ids {
			id := uint64(i)
			if tc.maxID > tc.n {
				id = uint64(r.Intn(tc.maxID))
				if slices.ContainsFunc(keys, func(k uint64) bool { return k>>32 == id }) {
					continue
				}
			}
			keys = append(keys, id<<32|uint64(pos))
		}
		want := slices.Clone(keys)
		slices.Sort(want)
		var got []uint64
		got, tmp = radixSort(slices.Clone(keys), tmp)
		if !slices.Equal(got, want) {
			t.Errorf("%d keys up to %d: got %v, want %v", len(keys), tc.maxID, got, want)
		}
	}
}
