package extract

import (
	"regexp"
	"strings"
)

// commentStart returns the index where the reader comments begin, or
// len(lines). A comment-author line ("NAME said...") starts them when it
// ends in an ellipsis or when the page has at least two such lines.
func commentStart(lines []Line, feats []feat) int {
	n, firstAuthor := 0, -1
	for i, f := range feats {
		if f.author {
			n++
			if firstAuthor < 0 {
				firstAuthor = i
			}
		}
	}
	if firstAuthor >= 0 {
		t := strings.TrimSpace(lines[firstAuthor].Text)
		if n >= 2 || strings.HasSuffix(t, "...") || strings.HasSuffix(t, "…") {
			return firstAuthor
		}
	}
	for i, l := range lines {
		if commentHeadRe.MatchString(strings.TrimSpace(l.Text)) && i > len(lines)/3 {
			return i
		}
	}
	return len(lines)
}

var commentHeadRe = regexp.MustCompile(`(?i)^(\d+\s+(comments?|responses?|replies)|comments?\s*\(\d+\)|(leave|post|add) a (comment|reply)|reader comments|join the discussion|discussion)\s*:?$`)

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
