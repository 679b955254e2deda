package eval

import (
	"strings"
	"time"

	"parallax/internal/model"
	"parallax/internal/nlp/date"
)

// DateAgreement compares the dates date.Find resolves in each article
// (against its publication date) with HeidelTime's: precision, recall and
// F1 of the distinct (article, date) pairs, in percent. Only day claims are
// compared: our week, month and year mentions are left out, and since
// HeidelTime gives a month or a year as its first day, dates on the 1st of a
// month are left out on both sides (they cannot be told apart).
type DateAgreement struct {
	Pairs     int     `json:"pairs"`      // ours
	Heidel    int     `json:"heideltime"` // HeidelTime's
	Agree     int     `json:"agree"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// CompareDates scores date.Find against HeidelTime on every article.
func CompareDates(topics []*TimelineTopic) DateAgreement {
	var a DateAgreement
	for _, t := range topics {
		for _, d := range t.Docs {
			ours := articleDates(d)
			a.Pairs += len(ours)
			seen := map[string]bool{}
			for _, h := range t.HeidelTime[d.ID] {
				if seen[h] || !dayClaim(h) {
					continue
				}
				seen[h] = true
				a.Heidel++
				if ours[h] {
					a.Agree++
				}
			}
		}
	}
	p, r, f := prf(float64(a.Agree), float64(a.Pairs), float64(a.Heidel))
	a.Precision, a.Recall, a.F1 = 100*p, 100*r, 100*f
	return a
}

// articleDates returns the distinct day-precision dates date.Find resolves
// in an article.
func articleDates(d *model.Article) map[string]bool {
	out := map[string]bool{}
	for _, m := range date.Find(d.Text, d.Published) {
		if s := m.Date.Format(time.DateOnly); m.Precision == date.Day && dayClaim(s) {
			out[s] = true
		}
	}
	return out
}

// dayClaim reports whether a "YYYY-MM-DD" date can only be a day: not the
// 1st of a month, which HeidelTime also gives for a whole month or year.
func dayClaim(s string) bool {
	return len(s) == len(time.DateOnly) && !strings.HasSuffix(s, "-01")
}
