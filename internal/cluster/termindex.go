package cluster

// termIndex maps a centroid's term ids to their positions in it: an
// open-addressing hash table (linear probing, at most three quarters
// full) of packed (term+1, position) pairs, so that a lookup reads one
// cache line, where a map read two or three. Scoring an article against a
// large story looks up each of the article's terms.
type termIndex struct {
	slots []uint64 // (term+1)<<32 | position; 0: empty
	n     int
	shift uint // 64 - log2(len(slots))
}

// newTermIndex returns an index with room for n terms.
func newTermIndex(n int) *termIndex {
	size, shift := 8, uint(61)
	for size*3 < n*4 {
		size, shift = size*2, shift-1
	}
	return &termIndex{slots: make([]uint64, size), shift: shift}
}

// home is term t's first slot (Fibonacci hashing).
func (x *termIndex) home(t int32) int {
	return int((uint64(uint32(t)) * 0x9E3779B97F4A7C15) >> x.shift)
}

// find returns the position of term t, if indexed.
func (x *termIndex) find(t int32) (int32, bool) {
	key := uint64(uint32(t)+1) << 32
	mask := len(x.slots) - 1
	for i := x.home(t); ; i = (i + 1) & mask {
		s := x.slots[i]
		if s == 0 {
			return 0, false
		}
		if s&^0xffffffff == key {
			return int32(uint32(s)), true
		}
	}
}

// insert indexes term t, not indexed yet, at position pos.
func (x *termIndex) insert(t, pos int32) {
	if (x.n+1)*4 > len(x.slots)*3 {
		x.grow()
	}
	x.n++
	x.put(uint64(uint32(t)+1)<<32 | uint64(uint32(pos)))
}

// put stores a packed pair in its first free slot.
func (x *termIndex) put(s uint64) {
	mask := len(x.slots) - 1
	i := x.home(int32(s>>32 - 1))
	for x.slots[i] != 0 {
		i = (i + 1) & mask
	}
	x.slots[i] = s
}

// grow doubles the table.
func (x *termIndex) grow() {
	old := x.slots
	x.slots, x.shift = make([]uint64, 2*len(old)), x.shift-1
	for _, s := range old {
		if s != 0 {
			x.put(s)
		}
	}
}
