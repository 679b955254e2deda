package cluster

import (
	"math"
	"slices"
)

// entry is one weighted term of a sparse vector.
type entry struct {
	t int32
	w float64
}

// vector is a sparse vector sorted by term id, so that every sum over it
// runs in the same order (floating-point sums are order-sensitive).
type vector []entry

// normalize scales v to unit length in place.
func (v vector) normalize() {
	var n float64
	for _, e := range v {
		n += e.w * e.w
	}
	if n == 0 {
		return
	}
	n = math.Sqrt(n)
	for i := range v {
		v[i].w /= n
	}
}

// top returns the k heaviest terms of v, heaviest first (ties by id).
func (v vector) top(k int) vector {
	heavier := func(a, b entry) bool { return a.w > b.w || a.w == b.w && a.t < b.t }
	s := make(vector, 0, min(k, len(v)))
	for _, e := range v {
		if len(s) == k && !heavier(e, s[k-1]) {
			continue
		}
		if len(s) < k {
			s = append(s, e)
		} else {
			s[k-1] = e
		}
		for i := len(s) - 1; i > 0 && heavier(s[i], s[i-1]); i-- { // insertion
			s[i], s[i-1] = s[i-1], s[i]
		}
	}
	return s
}

// centroid is the running sum of unit document vectors: its terms in
// first-seen order, with a map from term to position for updates. The
// map is built only once a second vector is added: most stories hold one
// article, whose terms are sorted and found by binary search.
type centroid struct {
	pos   *termIndex // nil while the terms are one vector's, sorted
	ts    []int32
	ws    []float64
	norm2 float64
}

func newCentroid() *centroid { return &centroid{} }

// add adds v, keeping the squared norm up to date.
func (c *centroid) add(v vector) {
	if len(c.ts) == 0 && c.pos == nil {
		c.ts, c.ws = make([]int32, len(v)), make([]float64, len(v))
		for i, e := range v {
			c.ts[i], c.ws[i] = e.t, e.w
			c.norm2 += e.w * e.w
		}
		return
	}
	c.indexTerms()
	for _, e := range v {
		i, ok := c.pos.find(e.t)
		if !ok {
			i = int32(len(c.ts))
			c.pos.insert(e.t, i)
			c.ts = append(c.ts, e.t)
			c.ws = append(c.ws, 0)
		}
		old := c.ws[i]
		nw := old + e.w
		c.ws[i] = nw
		c.norm2 += nw*nw - old*old
	}
}

// indexTerms builds the map from term to position, if not built yet.
func (c *centroid) indexTerms() {
	if c.pos != nil {
		return
	}
	c.pos = newTermIndex(2 * len(c.ts))
	for i, t := range c.ts {
		c.pos.insert(t, int32(i))
	}
}

// find returns the position of term t, if the centroid holds it.
func (c *centroid) find(t int32) (int32, bool) {
	if c.pos != nil {
		return c.pos.find(t)
	}
	i, ok := slices.BinarySearch(c.ts, t)
	return int32(i), ok
}

// cosine is the cosine between unit vector v and the centroid.
func (c *centroid) cosine(v vector) float64 {
	if c.norm2 <= 0 {
		return 0
	}
	var s float64
	for _, e := range v {
		if i, ok := c.find(e.t); ok {
			s += e.w * c.ws[i]
		}
	}
	return s / math.Sqrt(c.norm2)
}

// cosineDense is cosine with v also spread in dense (term id -> weight):
// small centroids are summed over their own terms, with no map lookups.
// The two paths may differ in the last bits; which one runs depends only
// on sizes, so the same input still gives the same result.
func (c *centroid) cosineDense(v vector, dense []float64) float64 {
	if len(c.ts) > 8*len(v) {
		return c.cosine(v)
	}
	if c.norm2 <= 0 {
		return 0
	}
	var s float64
	for i, t := range c.ts {
		if int(t) < len(dense) {
			s += c.ws[i] * dense[t]
		}
	}
	return s / math.Sqrt(c.norm2)
}

// dense spreads vectors over term-id-indexed arrays and clears them after.
type dense struct{ w []float64 }

// load writes v into the array, growing it to n terms.
func (d *dense) load(v vector, n int) []float64 {
	if len(d.w) < n {
		d.w = append(d.w, make([]float64, n-len(d.w))...)
	}
	for _, e := range v {
		d.w[e.t] = e.w
	}
	return d.w
}

// unload zeroes v's terms.
func (d *dense) unload(v vector) {
	for _, e := range v {
		d.w[e.t] = 0
	}
}

// dotDense is the dot product of r with the vector loaded in dense.
func dotDense(r vector, dense []float64) float64 {
	var s float64
	for _, e := range r {
		if int(e.t) < len(dense) {
			s += e.w * dense[e.t]
		}
	}
	return s
}

// dotPair returns dotDense(r, dense) and dotDense(q, dense). Each sum
// adds the same products in the same order as dotDense; summing two in
// one loop lets the processor overlap the two chains of dependent
// additions, which bound a single sum's speed.
func dotPair(r, q vector, dense []float64) (a, b float64) {
	n := min(len(r), len(q))
	rn, qn := r[:n], q[:n]
	for i := range rn {
		x, y := rn[i], qn[i]
		if int(x.t) < len(dense) {
			a += x.w * dense[x.t]
		}
		if int(y.t) < len(dense) {
			b += y.w * dense[y.t]
		}
	}
	for _, x := range r[n:] {
		if int(x.t) < len(dense) {
			a += x.w * dense[x.t]
		}
	}
	for _, y := range q[n:] {
		if int(y.t) < len(dense) {
			b += y.w * dense[y.t]
		}
	}
	return a, b
}

// denseSum is a running sum of unit vectors held densely (term id ->
// weight): the centroid of every article of a language, which holds most
// terms, without map lookups. With a half-life (addHalving) the older
// articles weigh less: one added halfLife articles ago weighs half as
// much as the latest.
type denseSum struct {
	w     []float64
	norm2 float64
	// unit is what one added vector weighs in w: it doubles every
	// halfLife adds instead of w halving (cosines do not depend on the
	// sum's scale), so that a halving costs nothing.
	unit float64
	adds int
}

// maxUnit is where unit is folded back into w (w scaled down, unit 1).
const maxUnit = 1 << 60

// one is what one added vector weighs in w: unit, 1 before any halving.
func (d *denseSum) one() float64 {
	if d.unit == 0 {
		return 1
	}
	return d.unit
}

// add adds v, keeping the squared norm up to date.
func (d *denseSum) add(v vector) {
	u := d.one()
	for _, e := range v {
		if int(e.t) >= len(d.w) {
			d.w = append(d.w, make([]float64, int(e.t)+1-len(d.w))...)
		}
		old := d.w[e.t]
		nw := old + u*e.w
		d.w[e.t] = nw
		d.norm2 += nw*nw - old*old
	}
}

// addHalving adds v, then, every halfLife adds (0: never), halves the
// weight of everything added before.
func (d *denseSum) addHalving(v vector, halfLife int) {
	d.add(v)
	if d.adds++; halfLife <= 0 || d.adds%halfLife != 0 {
		return
	}
	if d.unit = 2 * d.one(); d.unit >= maxUnit {
		d.scale(1 / d.unit)
		d.unit = 1
	}
}

// cosine is the cosine between unit vector v and the sum.
func (d *denseSum) cosine(v vector) float64 {
	if d.norm2 <= 0 {
		return 0
	}
	return dotDense(v, d.w) / math.Sqrt(d.norm2)
}

// scale multiplies the sum by f. Weights too small to count any more
// become 0 (repeated halvings would otherwise leave subnormal numbers,
// slow to multiply).
func (d *denseSum) scale(f float64) {
	for i, x := range d.w {
		if x *= f; math.Abs(x) < 1e-200 {
			x = 0
		}
		d.w[i] = x
	}
	d.norm2 *= f * f
}
