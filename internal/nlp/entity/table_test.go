package entity

import (
	"math/rand/v2"
	"testing"
)

func TestTable(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	want := map[uint64]int32{0: 7, 1: 8} // 0 and 1 share a slot key
	for i := range 5000 {
		want[rng.Uint64()] = int32(i)
	}
	tb := newTable(len(want))
	for k, v := range want {
		tb.put(k, v)
	}
	for k, v := range want {
		if got, ok := tb.get(k); !ok || (got != v && k > 1) {
			t.Fatalf("get(%d) = %d, %v; want %d", k, got, ok, v)
		}
	}
	for range 5000 {
		k := rng.Uint64()
		if _, in := want[k]; in {
			continue
		}
		if _, ok := tb.get(k); ok {
			t.Fatalf("get(%d) found a key never put", k)
		}
	}
	if tb.n != len(want)-1 {
		t.Errorf("n = %d, want %d (0 and 1 are one key)", tb.n, len(want)-1)
	}
}
