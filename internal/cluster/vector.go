package cluster

import (
	"math"
	"sort"
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

// dot is the dot product of two sorted vectors.
func dot(a, b vector) float64 {
	var s float64
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].t < b[j].t:
			i++
		case a[i].t > b[j].t:
			j++
		default:
			s += a[i].w * b[j].w
			i++
			j++
		}
	}
	return s
}

// top returns the ids of the k heaviest terms of v (ties by id).
func (v vector) top(k int) []int32 {
	s := make(vector, len(v))
	copy(s, v)
	sort.Slice(s, func(i, j int) bool {
		if s[i].w != s[j].w {
			return s[i].w > s[j].w
		}
		return s[i].t < s[j].t
	})
	if len(s) > k {
		s = s[:k]
	}
	out := make([]int32, len(s))
	for i, e := range s {
		out[i] = e.t
	}
	return out
}

// centroid is the running sum of unit document vectors.
type centroid struct {
	w     map[int32]float64
	norm2 float64
}

func newCentroid() *centroid { return &centroid{w: map[int32]float64{}} }

// add adds v, keeping the squared norm up to date without iterating the map.
func (c *centroid) add(v vector) {
	for _, e := range v {
		old := c.w[e.t]
		nw := old + e.w
		c.w[e.t] = nw
		c.norm2 += nw*nw - old*old
	}
}

// cosine is the cosine between unit vector v and the centroid.
func (c *centroid) cosine(v vector) float64 {
	if c.norm2 <= 0 {
		return 0
	}
	var s float64
	for _, e := range v {
		s += e.w * c.w[e.t]
	}
	return s / math.Sqrt(c.norm2)
}
