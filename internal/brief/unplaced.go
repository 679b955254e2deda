package brief

import (
	"time"

	"parallax/internal/model"
	"parallax/internal/nlp/date"
)

// maxUnplacedExamples bounds the date expressions a brief quotes as ones
// it could not place.
const maxUnplacedExamples = 6

// unplacedRef stands in for the publication date an undated article
// lacks: resolving against it tells which of its dates need one.
var unplacedRef = time.Date(2000, 6, 15, 0, 0, 0, 0, time.UTC)

// unplaced says what the timeline could not place: the articles without a
// publication date, and their date expressions that need one
// ("Wednesday", "yesterday", "Sep. 30" without a year). Nil when every
// article is dated.
func (c *corpus) unplaced() *model.Unplaced {
	var u model.Unplaced
	seen := map[string]bool{}
	for a, d := range c.docs {
		if !d.Published.IsZero() {
			continue
		}
		u.Articles++
		for _, i := range c.byArt[a] {
			n := 0
			for _, m := range date.Find(c.sents[i].text, unplacedRef) {
				if !m.Relative {
					continue
				}
				n++
				if !seen[m.Text] && len(u.Examples) < maxUnplacedExamples {
					seen[m.Text] = true
					u.Examples = append(u.Examples, m.Text)
				}
			}
			u.Dates += n
		}
	}
	if u.Articles == 0 {
		return nil
	}
	return &u
}
