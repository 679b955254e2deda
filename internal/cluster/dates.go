package cluster

import (
	"slices"

	"parallax/internal/nlp/date"
)

// leadBytes is how much of the text is searched for dates: the incident
// an article reports is dated in its first sentences.
const leadBytes = 600

// mentionedDays returns the distinct days (day precision, as days since
// the epoch) mentioned in the title and lead of d, sorted. Only English
// text is searched.
func mentionedDays(d Doc) []int32 {
	if d.Lang != "en" && d.Lang != "und" {
		return nil
	}
	text := d.Text
	if len(text) > leadBytes {
		text = text[:leadBytes]
	}
	var out []int32
	for _, s := range []string{d.Title, text} {
		for _, m := range date.Find(s, d.Published) {
			if m.Precision == date.Day {
				out = append(out, int32(m.Date.Unix()/86400))
			}
		}
	}
	slices.Sort(out)
	return compactDays(out)
}

func compactDays(s []int32) []int32 {
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// dayOverlap returns whether the article mentions a day the story's
// articles mention, and whether both mention days yet none in common.
func dayOverlap(days []int32, story map[int32]int) (match, conflict float64) {
	if len(days) == 0 || len(story) == 0 {
		return 0, 0
	}
	for _, d := range days {
		if story[d] > 0 {
			return 1, 0
		}
	}
	return 0, 1
}
