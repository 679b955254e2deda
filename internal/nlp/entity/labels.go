package entity

import "strings"

// The tagger's labels: O, then B-, I-, L-, U- (begin, inside, last, unit)
// for each of PER, ORG, LOC and MISC. BILOU lets a greedy tagger see where
// a name ends.
const (
	nTypes  = 4
	nLabels = 1 + 4*nTypes
)

var labelTypes = [nTypes]string{"PER", "ORG", "LOC", "MISC"}

const (
	pB = iota
	pI
	pL
	pU
)

// label returns the label of prefix p and type t.
func label(p, t int) int { return 1 + t*4 + p }

// labelParts returns the prefix and type of a label other than O.
func labelParts(l int) (p, t int) { return (l - 1) % 4, (l - 1) / 4 }

// allowed reports whether label l may follow label prev.
func allowed(prev, l int) bool {
	open := prev != 0
	var pp, pt int
	if open {
		pp, pt = labelParts(prev)
		open = pp == pB || pp == pI
	}
	if l == 0 {
		return !open
	}
	p, t := labelParts(l)
	if open {
		return (p == pI || p == pL) && t == pt
	}
	return p == pB || p == pU
}

// typeIndex returns the index of an entity type name, or -1.
func typeIndex(s string) int {
	for i, t := range labelTypes {
		if t == s {
			return i
		}
	}
	return -1
}

// bilou turns IOB1 or IOB2 tags into labels.
func bilou(tags []string) []int {
	types := make([]int, len(tags))
	begins := make([]bool, len(tags))
	for i, tag := range tags {
		types[i] = -1
		pre, typ, ok := strings.Cut(tag, "-")
		if !ok {
			continue
		}
		types[i] = typeIndex(typ)
		begins[i] = pre == "B" || pre == "S" || i == 0 || types[i-1] != types[i]
	}
	out := make([]int, len(tags))
	for i, t := range types {
		if t < 0 {
			continue
		}
		last := i+1 == len(tags) || types[i+1] != t || begins[i+1]
		switch {
		case begins[i] && last:
			out[i] = label(pU, t)
		case begins[i]:
			out[i] = label(pB, t)
		case last:
			out[i] = label(pL, t)
		default:
			out[i] = label(pI, t)
		}
	}
	return out
}

// iob2 turns labels into IOB2 tags.
func iob2(labels []int) []string {
	out := make([]string, len(labels))
	for i, l := range labels {
		if l == 0 {
			out[i] = "O"
			continue
		}
		p, t := labelParts(l)
		if p == pB || p == pU {
			out[i] = "B-" + labelTypes[t]
		} else {
			out[i] = "I-" + labelTypes[t]
		}
	}
	return out
}
