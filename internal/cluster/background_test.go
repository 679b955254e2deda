package cluster

import (
	"math"
	"testing"
)

// TestBackgroundHalfLife checks the recent-news background: with a
// half-life of h adds, the weight of everything added before halves at
// every h-th add (add i of n weighs 2^(floor(i/h) - floor((n-1)/h)) of the
// latest), whatever the internal unit (folded back into the weights past
// maxUnit); with 0 every article weighs alike.
func TestBackgroundHalfLife(t *testing.T) {
	a := vector{{t: 0, w: 1}}                       // an older subject
	b := vector{{t: 1, w: 0.6}, {t: 2, w: 0.8}}     // a newer one
	probe := vector{{t: 0, w: 0.6}, {t: 1, w: 0.8}} // half of each
	for _, tt := range []struct {
		name     string
		halfLife int
		na, nb   int // adds of a, then of b
	}{
		{"no half-life: all alike", 0, 10, 10},
		{"a half-life ago weighs half", 4, 4, 4},
		{"two half-lives ago a quarter", 4, 4, 8},
		{"the unit folds back into the weights", 1, 30, 70},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var d, want denseSum
			n := tt.na + tt.nb
			for i := range n {
				v := a
				if i >= tt.na {
					v = b
				}
				d.addHalving(v, tt.halfLife)
				w := 1.0
				if tt.halfLife > 0 {
					w = math.Pow(2, float64(i/tt.halfLife-(n-1)/tt.halfLife))
				}
				scaled := make(vector, len(v))
				for k, e := range v {
					scaled[k] = entry{t: e.t, w: w * e.w}
				}
				want.add(scaled)
			}
			if got, w := d.cosine(probe), want.cosine(probe); math.Abs(got-w) > 1e-9 {
				t.Errorf("cosine %.9f, want %.9f", got, w)
			}
			if d.unit >= maxUnit {
				t.Errorf("unit %g not folded back", d.unit)
			}
			if tt.halfLife > 0 && d.cosine(a) >= d.cosine(b) {
				t.Errorf("the older subject (cosine %.4f) still weighs as much as the newer (%.4f)", d.cosine(a), d.cosine(b))
			}
		})
	}
}
