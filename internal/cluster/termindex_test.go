package cluster

import "testing"

// TestTermIndex checks the term index against a map through growth:
// every term inserted is found at its position, no other term is.
func TestTermIndex(t *testing.T) {
	for _, tt := range []struct {
		name  string
		room  int
		terms func(i int) int32
		n     int
	}{
		{"dense ids", 0, func(i int) int32 { return int32(i) }, 5000},
		{"sparse ids", 4, func(i int) int32 { return int32(i * 7919) }, 3000},
		{"ids sharing low bits", 100, func(i int) int32 { return int32(i << 12) }, 2000},
		{"largest ids", 1, func(i int) int32 { return int32(1<<31 - 1 - i) }, 100},
	} {
		t.Run(tt.name, func(t *testing.T) {
			x := newTermIndex(tt.room)
			want := map[int32]int32{}
			for i := 0; i < tt.n; i++ {
				term := tt.terms(i)
				if _, ok := x.find(term); ok {
					t.Fatalf("term %d found before it was inserted", term)
				}
				x.insert(term, int32(i))
				want[term] = int32(i)
			}
			for term, pos := range want {
				if got, ok := x.find(term); !ok || got != pos {
					t.Fatalf("find(%d) = %d, %v; want %d", term, got, ok, pos)
				}
			}
			for i := tt.n; i < 2*tt.n; i++ {
				if _, ok := x.find(tt.terms(i)); ok {
					t.Fatalf("find(%d) found a term never inserted", tt.terms(i))
				}
			}
		})
	}
}
