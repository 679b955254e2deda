package cluster

import "strings"

// Boilerplate: outlets repeat their name in titles ("... - NBC12 - WWBT -
// Richmond, VA News On Your Side") and paywall or navigation lines in
// texts ("Already a subscriber?"). Such text makes unrelated stories of
// one outlet look alike. The clusterer counts title segments and text
// lines as it goes and drops those already seen in boilerMin earlier
// articles. The counts live in a fixed-size table, each line in two
// hashed counters (a count-min sketch: a line's count is the smaller of
// its two), and every counter halves after boilerDecay lines, which
// forgets lines seen once: memory stays constant however long the
// stream, and the table does not fill up (a full table would take every
// line for boilerplate).
//
// A long line (a paragraph) seen only a few times is more likely a copy of
// an article (wire copy, syndication) than boilerplate: it is dropped only
// once seen in boilerLong articles, so that the third outlet to run a wire
// story keeps its text.
const (
	boilerBits   = 23 // 8 MiB of counters
	boilerMin    = 2
	boilerLong   = 8
	boilerLongAt = 100     // bytes from which a line counts as long
	boilerDecay  = 1 << 20 // halve every counter after this many lines
)

// boiler counts hashed title segments and text lines.
type boiler struct {
	counts []uint8      // the full table; nil while sparse holds the counts
	sparse sparseCounts // the counters not zero, while few (boilersparse.go)
	added  int
}

// clean returns d without the title segments and text lines seen in
// boilerMin earlier articles, and counts d's segments and lines.
func (b *boiler) clean(d Doc) Doc {
	d.Title = b.cleanTitle(d.Title)
	// The lines are read in place; a text loses lines rarely, and only
	// then is it rebuilt (the kept lines joined by newlines).
	text := d.Text
	var out strings.Builder
	rebuilt, first := false, true // first: no kept line written to b yet
	for st := 0; st <= len(text); {
		end := strings.IndexByte(text[st:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += st
		}
		l := text[st:end]
		need := boilerMin
		if len(l) >= boilerLongAt {
			need = boilerLong
		}
		keep := strings.TrimSpace(l) == "" || b.seen("p", l) < need
		switch {
		case !keep && !rebuilt:
			rebuilt = true
			out.Grow(len(text))
			if st > 0 {
				out.WriteString(text[:st-1]) // the lines before, all kept
				first = false
			}
		case keep && rebuilt:
			if !first {
				out.WriteByte('\n')
			}
			out.WriteString(l)
			first = false
		}
		st = end + 1
	}
	if rebuilt {
		d.Text = out.String()
	}
	return d
}

// cleanTitle drops seen segments of a title split at " - ", " | " and
// dashes, and those that name a web site ("WFMJ.com News weather sports
// for Youngstown-Warren Ohio"): an outlet's name is boilerplate from its
// first article on, before its counts can tell; the longest segment stays
// if all were dropped.
func (b *boiler) cleanTitle(t string) string {
	segs := splitTitle(t)
	if len(segs) < 2 {
		return t
	}
	var kept []string
	longest := ""
	for _, s := range segs {
		if len(s) > len(longest) {
			longest = s
		}
		if b.seen("t", s) < boilerMin && !namesSite(s) {
			kept = append(kept, s)
		}
	}
	if len(kept) == 0 {
		return longest
	}
	return strings.Join(kept, " ")
}

func splitTitle(t string) []string {
	f := func(r rune) bool { return r == '|' || r == '–' || r == '—' }
	var out []string
	for _, a := range strings.FieldsFunc(t, f) {
		for _, s := range strings.Split(a, " - ") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// seen returns how many times s (of kind k) was counted before, and
// counts it.
func (b *boiler) seen(k, s string) int {
	const mask = 1<<boilerBits - 1
	h := hashLine(k, strings.TrimSpace(s))
	i, j := h&mask, (h>>32^h>>11)&mask
	n := min(b.get(i), b.get(j))
	for _, x := range [2]uint64{i, j} {
		if c := b.get(x); c < 255 {
			b.set(x, c+1)
		}
	}
	if b.added++; b.added >= boilerDecay {
		b.added = 0
		if b.counts == nil {
			b.sparse.halve()
		}
		for j := range b.counts {
			b.counts[j] /= 2
		}
	}
	return int(n)
}

// hashLine is the 64-bit FNV-1a hash of kind followed by line with ASCII
// letters lower-cased, computed without copying the line.
func hashLine(kind, line string) uint64 {
	const prime = 1099511628211
	h := uint64(14695981039346656037)
	for i := 0; i < len(kind); i++ {
		h = (h ^ uint64(kind[i])) * prime
	}
	for i := 0; i < len(line); i++ {
		c := line[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = (h ^ uint64(c)) * prime
	}
	return h
}
