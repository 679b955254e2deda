package cluster

// radixSort sorts keys (a document's id<<32 | position: distinct ids, so
// the order is that of slices.Sort) by a least-significant-digit radix
// sort on the id's bytes, skipping the bytes every id shares: a few
// linear passes where a comparison sort of a few hundred keys spent more
// time on mispredicted branches than on the data. tmp is scratch; it
// returns the sorted keys and the other buffer, for reuse.
func radixSort(keys, tmp []uint64) (sorted, spare []uint64) {
	if len(keys) < 2 {
		return keys, tmp
	}
	var or, and uint64 = 0, ^uint64(0)
	for _, k := range keys {
		or |= k
		and &= k
	}
	if cap(tmp) < len(keys) {
		tmp = make([]uint64, len(keys))
	}
	tmp = tmp[:len(keys)]
	for shift := uint(32); shift < 64; shift += 8 {
		if (or^and)>>shift&0xff == 0 {
			continue // every key has the same byte here
		}
		var count [257]int
		for _, k := range keys {
			count[k>>shift&0xff+1]++
		}
		for i := 1; i < 257; i++ {
			count[i] += count[i-1]
		}
		for _, k := range keys {
			b := k >> shift & 0xff
			tmp[count[b]] = k
			count[b]++
		}
		keys, tmp = tmp, keys
	}
	return keys, tmp
}
