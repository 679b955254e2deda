package extract

import (
	"regexp"
	"strings"
)

// commentStart returns the index where the reader comments begin, or
// len(lines). A comment-author line ("NAME said...") starts them when it
// ends in an ellipsis or when the page has at least two such lines; a
// comments heading ("12 comments", "Leave a reply") starts them too. Either
// must come after half of the page's body-like text (or 150 words), so that a
// comment counter in the page header is not taken for the comments.
func commentStart(lines []Line, feats []feat) int {
	mass := make([]float64, len(lines)+1)
	for i, f := range feats {
		mass[i+1] = mass[i] + max(score(f), 0)
	}
	need := max(min(0.5*mass[len(lines)], 150), 20)
	late := func(i int) bool { return mass[i] >= need }
	n := 0
	for _, f := range feats {
		if f.author {
			n++
		}
	}
	for i, f := range feats {
		t := strings.TrimSpace(lines[i].Text)
		if f.author && mass[i] >= 20 && (n >= 2 || strings.HasSuffix(t, "...") || strings.HasSuffix(t, "…")) {
			return i
		}
		if late(i) && commentHeadRe.MatchString(t) {
			return i
		}
	}
	return len(lines)
}

var commentHeadRe = regexp.MustCompile(`(?i)^(\d+\s+(comments?|responses?|replies)(\s+(to|on)\s.*)?|comments?\s*\(\d+\)|(leave|post|add) a (comment|reply)|reader comments|join the discussion|discussion)\s*:?$`)

// markComments classes the comment section: author lines and text are
// Comment, widgets are Boilerplate.
func markComments(lines []Line, feats []feat) {
	for i := range lines {
		if lines[i].Class == Blank {
			continue
		}
		f := feats[i]
		if f.author || (!f.boiler && f.words >= 3) {
			lines[i].Class = Comment
		} else {
			lines[i].Class = Boilerplate
		}
	}
}
