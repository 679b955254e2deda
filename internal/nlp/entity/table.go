package entity

import "math/bits"

// table maps feature hashes to weight rows: open addressing with linear
// probing over two flat arrays, at most half full. It is the tagger's
// inner loop, faster than a Go map for this one job.
type table struct {
	keys  []uint64 // 0 marks an empty slot
	rows  []int32
	shift uint
	n     int
}

func newTable(n int) *table {
	size := 1 << bits.Len(uint(2*n+1))
	return &table{keys: make([]uint64, size), rows: make([]int32, size), shift: uint(64 - bits.Len(uint(size-1)))}
}

func slotKey(k uint64) uint64 {
	if k == 0 {
		return 1 // 0 marks an empty slot
	}
	return k
}

func (t *table) slot(k uint64) int { return int((k * 0x9E3779B97F4A7C15) >> t.shift) }

// get returns the row of key k.
func (t *table) get(k uint64) (int32, bool) {
	k = slotKey(k)
	mask := len(t.keys) - 1
	for i := t.slot(k); ; i = (i + 1) & mask {
		switch t.keys[i] {
		case k:
			return t.rows[i], true
		case 0:
			return 0, false
		}
	}
}

// put sets the row of key k; the table must have room (see newTable).
func (t *table) put(k uint64, row int32) {
	k = slotKey(k)
	mask := len(t.keys) - 1
	for i := t.slot(k); ; i = (i + 1) & mask {
		switch t.keys[i] {
		case k:
			t.rows[i] = row
			return
		case 0:
			t.keys[i], t.rows[i] = k, row
			t.n++
			return
		}
	}
}

// each calls f for every key and row.
func (t *table) each(f func(k uint64, row int32)) {
	for i, k := range t.keys {
		if k != 0 {
			f(k, t.rows[i])
		}
	}
}
