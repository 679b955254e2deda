package cluster

// sparseCounts holds the boilerplate counters while few are not zero:
// an open-addressing table (linear probing, at most half full) of the
// counters touched. A stream's first lines touch a few counters of the
// 8 MiB table, scattered over all of it: every count missed the cache
// and the TLB, and a new clusterer paid for the whole table up front.
// Once the counters touched outgrow maxSparse, the boiler moves them to
// the full table (see boiler.set). The counts are the same either way.
type sparseCounts struct {
	slots []uint32 // (counter+1)<<8 | count; 0: empty
	n     int
}

// maxSparse is the most counters the sparse table holds (in 2 MiB of
// slots at most).
const maxSparse = 1 << 18

// slot returns counter x's slot, or the empty slot where it would go.
func (sc *sparseCounts) slot(x uint32) *uint32 {
	if sc.slots == nil {
		sc.slots = make([]uint32, 1<<12)
	}
	mask := uint32(len(sc.slots) - 1)
	key := (x + 1) << 8
	for i := x & mask; ; i = (i + 1) & mask { // x is a hash's bits already
		s := &sc.slots[i]
		if *s == 0 || *s&^0xff == key {
			return s
		}
	}
}

// get returns counter x.
func (sc *sparseCounts) get(x uint32) uint8 {
	return uint8(*sc.slot(x))
}

// set sets counter x to c (not 0), growing the table as needed.
func (sc *sparseCounts) set(x uint32, c uint8) {
	s := sc.slot(x)
	if *s == 0 {
		sc.n++
	}
	*s = (x+1)<<8 | uint32(c)
	if 2*sc.n > len(sc.slots) {
		sc.rehash(2 * len(sc.slots))
	}
}

// rehash moves the counters that are not zero to a table of size slots.
func (sc *sparseCounts) rehash(size int) {
	old := sc.slots
	sc.slots, sc.n = make([]uint32, size), 0
	for _, s := range old {
		if uint8(s) != 0 {
			*sc.slot(s>>8 - 1) = s
			sc.n++
		}
	}
}

// halve halves every counter, dropping those that reach 0.
func (sc *sparseCounts) halve() {
	for i, s := range sc.slots {
		sc.slots[i] = s&^0xff | uint32(uint8(s)/2)
	}
	sc.rehash(len(sc.slots))
}

// get returns counter x, from whichever table holds the counts.
func (b *boiler) get(x uint64) uint8 {
	if b.counts != nil {
		return b.counts[x]
	}
	return b.sparse.get(uint32(x))
}

// set sets counter x to c (not 0); past maxSparse counters, the counts
// move to the full table.
func (b *boiler) set(x uint64, c uint8) {
	if b.counts != nil {
		b.counts[x] = c
		return
	}
	if b.sparse.set(uint32(x), c); b.sparse.n > maxSparse {
		b.table()
	}
}

// table returns the full table of counters, moving the counts there if
// the sparse table holds them; nil before any line was counted.
func (b *boiler) table() []uint8 {
	if b.counts == nil && b.sparse.n > 0 {
		b.counts = make([]uint8, 1<<boilerBits)
		for _, s := range b.sparse.slots {
			if s != 0 {
				b.counts[s>>8-1] = uint8(s)
			}
		}
		b.sparse = sparseCounts{}
	}
	return b.counts
}
