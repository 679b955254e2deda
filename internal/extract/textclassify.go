package extract

import "strings"

// classify sets the Class of every line. The body is the densest run of
// sentence-like lines (a maximum-sum segment over per-line scores), grown
// backwards over lead-in lines; comments start at the first comment-author
// line; the title is the first substantial line.
func classify(lines []Line) {
	feats := make([]feat, len(lines))
	for i, l := range lines {
		feats[i] = lineFeat(l.Text)
		if strings.TrimSpace(l.Text) == "" {
			lines[i].Class = Blank
		} else {
			lines[i].Class = Boilerplate
		}
	}
	title := findTitle(lines, feats)
	if title >= 0 {
		lines[title].Class = Title
	}
	end := commentStart(lines, feats)
	dup := duplicates(lines[:end], title)
	s, e := bodyRegion(lines[:end], feats[:end], dup, title)
	for i := s; i <= e && i >= 0; i++ {
		if lines[i].Class == Blank || i == title {
			continue
		}
		if !feats[i].boiler && !feats[i].credit && !dup[i] {
			lines[i].Class = Body
		}
	}
	markComments(lines[end:], feats[end:])
}

// score rates how body-like a line is.
func score(f feat) float64 {
	w := float64(f.words)
	switch {
	case f.words == 0:
		return 0
	case f.boiler || f.credit || f.author:
		return -10
	case f.url && f.words < 15:
		return -5
	case f.words >= 10 && f.sentence, f.words >= 20 && f.stop >= 0.2:
		return w
	case f.words >= 5 && f.sentence:
		return w / 2
	}
	return -2
}

// bodyRegion returns the first and last line of the maximum-sum segment,
// extended backwards over sentence-like or heading lines.
func bodyRegion(lines []Line, feats []feat, dup []bool, title int) (int, int) {
	best, bs, be := 0.0, -1, -1
	cur, cs := 0.0, 0
	for i := range lines {
		v := score(feats[i])
		if dup[i] || i == title {
			v = min(v, -2)
		}
		if cur <= 0 {
			cur, cs = 0, i
		}
		cur += v
		if cur > best {
			best, bs, be = cur, cs, i
		}
	}
	if bs < 0 {
		return -1, -1
	}
	// The body right after the in-page headline wins over a denser block
	// elsewhere (a site blurb, a teaser list) that does not overlap it.
	if as, ae := anchoredRegion(feats, dup, title); as >= 0 && (ae < bs || as > be) {
		bs, be = as, ae
	}
	for i := bs - 1; i > title && i >= 0; i-- {
		f := feats[i]
		if f.words == 0 {
			continue
		}
		t := strings.TrimSpace(lines[i].Text)
		if dup[i] || f.boiler || f.credit || f.url {
			break
		}
		if !f.sentence && !strings.HasSuffix(t, ":") {
			// One headline-like lead-in line may precede the body.
			if f.words >= 3 && leadIn(lines, i, bs) {
				bs = i
			}
			break
		}
		bs = i
	}
	return bs, be
}

// findTitle returns the index of the first line that reads like a title:
// at least two words and a few letters. Scrape residue such as "in ," is
// skipped.
func findTitle(lines []Line, feats []feat) int {
	for i, l := range lines {
		if i > 20 {
			break
		}
		letters := 0
		for _, r := range l.Text {
			if r > ' ' && (r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r > 127) {
				letters++
			}
		}
		if feats[i].words >= 2 && letters >= 8 && !feats[i].boiler {
			return i
		}
	}
	return -1
}

// leadIn reports whether only blank lines separate line i from line s.
func leadIn(lines []Line, i, s int) bool {
	for k := i + 1; k < s; k++ {
		if strings.TrimSpace(lines[k].Text) != "" {
			return false
		}
	}
	return true
}

// anchorSkip is how many non-blank lines may sit between an in-page
// headline and the first body line.
const anchorSkip = 12

// anchoredRegion returns the body that follows the in-page repeat of the
// title: the first body-like line within anchorSkip lines of it, extended
// to its best-sum end. It returns -1 when there is no repeat or the segment
// holds fewer than 25 words of sentences.
func anchoredRegion(feats []feat, dup []bool, title int) (int, int) {
	h := -1
	for i := title + 1; i < len(feats); i++ {
		if dup[i] && feats[i].words > 0 && i > 0 {
			h = i
			break
		}
	}
	if h < 0 || title < 0 {
		return -1, -1
	}
	start, seen := -1, 0
	for i := h + 1; i < len(feats) && seen <= anchorSkip; i++ {
		if feats[i].words == 0 {
			continue
		}
		seen++
		if !dup[i] && score(feats[i]) > 0 {
			start = i
			break
		}
	}
	if start < 0 {
		return -1, -1
	}
	best, end, cur := 0.0, -1, 0.0
	for i := start; i < len(feats); i++ {
		v := score(feats[i])
		if dup[i] {
			v = min(v, -2)
		}
		cur += v
		if cur <= 0 {
			break
		}
		if cur > best {
			best, end = cur, i
		}
	}
	if best < 25 {
		return -1, -1
	}
	return start, end
}
