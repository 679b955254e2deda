package eval

// BCubed scores a clustering pred against gold, both item id -> cluster
// label. Items are those of gold; an item missing from pred is a
// singleton. It returns B-cubed precision, recall and F1.
func BCubed(gold, pred map[string]string) (p, r, f float64) {
	return BCubedOrdered(sortedKeys(gold), gold, pred)
}

// BCubedOrdered is BCubed summing over ids in the given order (score.py
// sums in gold-file order; the order changes only the last bits).
func BCubedOrdered(ids []string, gold, pred map[string]string) (p, r, f float64) {
	if len(ids) == 0 {
		return 0, 0, 0
	}
	plabel := make(map[string]string, len(ids))
	for k, id := range ids {
		if l, ok := pred[id]; ok {
			plabel[id] = "p:" + l
		} else {
			plabel[id] = "missing:" + itoa(k)
		}
	}
	gsets := groups(ids, gold)
	psets := groups(ids, plabel)
	for _, id := range ids {
		g, q := gsets[gold[id]], psets[plabel[id]]
		inter := float64(intersect(g, q))
		p += inter / float64(len(q))
		r += inter / float64(len(g))
	}
	n := float64(len(ids))
	p, r = p/n, r/n
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// groups returns label -> set of ids.
func groups(ids []string, label map[string]string) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for _, id := range ids {
		l := label[id]
		if out[l] == nil {
			out[l] = map[string]bool{}
		}
		out[l][id] = true
	}
	return out
}

func intersect(a, b map[string]bool) int {
	if len(a) > len(b) {
		a, b = b, a
	}
	n := 0
	for x := range a {
		if b[x] {
			n++
		}
	}
	return n
}
