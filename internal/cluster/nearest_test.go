package cluster

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// randVector returns n distinct terms below vocab, sorted, with weights
// of very different sizes, so that summing them in another order would
// change the last bits.
func randVector(rng *rand.Rand, n, vocab int) vector {
	seen := map[int32]bool{}
	var v vector
	for len(v) < n {
		t := int32(rng.IntN(vocab))
		if seen[t] {
			continue
		}
		seen[t] = true
		v = append(v, entry{t, rng.Float64() * math.Pow(10, float64(rng.IntN(7)-3))})
	}
	slices.SortFunc(v, func(a, b entry) int { return int(a.t - b.t) })
	return v
}

// denseOf spreads v over an array of n terms.
func denseOf(v vector, n int) []float64 {
	var d dense
	return d.load(v, n)
}

// TestDotPair checks that each sum of dotPair equals dotDense's to the
// last bit, whichever of the two vectors is longer.
func TestDotPair(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const vocab = 400
	doc := randVector(rng, 120, vocab)
	for _, tt := range []struct {
		name   string
		nr, nq int
		dense  int // the dense array's length: terms past it count as absent
	}{
		{"SameLength", 90, 90, vocab},
		{"FirstLonger", 150, 20, vocab},
		{"SecondLonger", 7, 200, vocab},
		{"FirstEmpty", 0, 60, vocab},
		{"BothEmpty", 0, 0, vocab},
		{"TermsPastTheArray", 100, 80, vocab / 2},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := denseOf(doc[:0], tt.dense)
			for _, e := range doc {
				if int(e.t) < tt.dense {
					d[e.t] = e.w
				}
			}
			for range 50 {
				r, q := randVector(rng, tt.nr, vocab), randVector(rng, tt.nq, vocab)
				a, b := dotPair(r, q, d)
				if wa, wb := dotDense(r, d), dotDense(q, d); a != wa || b != wb {
					t.Fatalf("dotPair = %v, %v; dotDense gives %v, %v", a, b, wa, wb)
				}
			}
		})
	}
}

// TestNearestAll checks the best cosines of nearestAll, which pairs
// recent articles across stories, against each story's own, summed one
// recent article at a time.
func TestNearestAll(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	const vocab = 300
	doc := &docVec{all: randVector(rng, 80, vocab), ent: randVector(rng, 15, vocab), title: randVector(rng, 8, vocab)}
	all, ent, title := denseOf(doc.all, vocab), denseOf(doc.ent, vocab), denseOf(doc.title, vocab)
	for _, sizes := range [][]int{{}, {1}, {0, 1}, {1, 1, 1}, {8, 3, 1, 0, 2}, {5, 1, 7, 2, 1, 1, 8}} {
		var cands []*story
		for _, n := range sizes {
			s := &story{}
			for range n {
				s.recent = append(s.recent, &docVec{all: randVector(rng, 10+rng.IntN(100), vocab),
					ent: randVector(rng, rng.IntN(20), vocab), title: randVector(rng, rng.IntN(12), vocab)})
			}
			cands = append(cands, s)
		}
		got := nearestAll(cands, all, ent, title, []nearBest{{1, 1, 1}}) // reused storage is cleared
		if len(got) != len(cands) {
			t.Fatalf("%v: %d results for %d stories", sizes, len(got), len(cands))
		}
		for i, s := range cands {
			var want nearBest
			for _, r := range s.recent {
				want.all = max(want.all, dotDense(r.all, all))
				want.ent = max(want.ent, dotDense(r.ent, ent))
				want.title = max(want.title, dotDense(r.title, title))
			}
			if got[i] != want {
				t.Errorf("%v: story %d: nearestAll = %+v, want %+v", sizes, i, got[i], want)
			}
		}
	}
}
