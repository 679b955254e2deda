package dedupe

import (
	"encoding/binary"
	"hash/fnv"
	"strings"
	"unicode"
)

// NumHashes is the length of a MinHash signature.
const NumHashes = 128

// Signature is a MinHash signature: for each of NumHashes hash functions,
// the least hash over the text's word shingles (Mins), and the number of
// distinct shingles (Size). The share of equal positions in two
// signatures estimates the Jaccard similarity of their shingle sets. A nil
// Mins means the text had too few words to compare.
type Signature struct {
	Mins []uint32
	Size int
}

// Valid tells whether the signature can be compared.
func (s Signature) Valid() bool { return len(s.Mins) == NumHashes && s.Size > 0 }

// seeds are the fixed (odd multiplier, offset) pairs of the hash family,
// from splitmix64, so signatures are stable across runs and processes.
var seeds = func() (s [NumHashes][2]uint64) {
	x := uint64(0x9e3779b97f4a7c15)
	next := func() uint64 {
		x += 0x9e3779b97f4a7c15
		z := x
		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
		z = (z ^ (z >> 27)) * 0x94d049bb133111eb
		return z ^ (z >> 31)
	}
	for i := range s {
		s[i] = [2]uint64{next() | 1, next()}
	}
	return s
}()

// MinHash returns the signature of text's shingles of k words (lower-cased
// letters and digits), or nil when text has fewer than minWords words.
func MinHash(text string, k, minWords int) Signature {
	words := Words(text)
	if len(words) < minWords || len(words) < k || k < 1 {
		return Signature{}
	}
	mins := make([]uint32, NumHashes)
	for i := range mins {
		mins[i] = ^uint32(0)
	}
	distinct := make(map[uint64]struct{}, len(words))
	h := fnv.New64a()
	var sep = []byte{0}
	for i := 0; i+k <= len(words); i++ {
		h.Reset()
		for _, w := range words[i : i+k] {
			h.Write([]byte(w))
			h.Write(sep)
		}
		x := mix(h.Sum64())
		if _, dup := distinct[x]; dup {
			continue
		}
		distinct[x] = struct{}{}
		for j := range mins {
			if v := uint32((x*seeds[j][0] + seeds[j][1]) >> 32); v < mins[j] {
				mins[j] = v
			}
		}
	}
	return Signature{Mins: mins, Size: len(distinct)}
}

// mix spreads FNV's bits before the multiply-shift family.
func mix(z uint64) uint64 {
	z = (z ^ (z >> 33)) * 0xff51afd7ed558ccd
	z = (z ^ (z >> 33)) * 0xc4ceb9fe1a85ec53
	return z ^ (z >> 33)
}

// Jaccard estimates the Jaccard similarity of the two texts' shingles.
func (s Signature) Jaccard(o Signature) float64 {
	if !s.Valid() || !o.Valid() {
		return 0
	}
	same := 0
	for i := range s.Mins {
		if s.Mins[i] == o.Mins[i] {
			same++
		}
	}
	return float64(same) / NumHashes
}

// Overlap estimates the share of the smaller text's shingles that the
// other text has too (|A∩B| / min(|A|,|B|)). Unlike Jaccard it does not
// drop when one copy adds boilerplate of its own.
func (s Signature) Overlap(o Signature) float64 {
	j := s.Jaccard(o)
	if j == 0 {
		return 0
	}
	inter := j / (1 + j) * float64(s.Size+o.Size)
	return min(1, inter/float64(min(s.Size, o.Size)))
}

// band hashes rows [i*rows, (i+1)*rows) of the signature with the band
// number, as an LSH bucket key.
func (s Signature) band(i, rows int) uint64 {
	var b [4]byte
	h := fnv.New64a()
	binary.LittleEndian.PutUint32(b[:], uint32(i))
	h.Write(b[:])
	for _, v := range s.Mins[i*rows : (i+1)*rows] {
		binary.LittleEndian.PutUint32(b[:], v)
		h.Write(b[:])
	}
	return h.Sum64()
}

// Words splits text into lower-cased words of letters and digits.
func Words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
}
