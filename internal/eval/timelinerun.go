package eval

import (
	"parallax/internal/model"
)

// TimelineSummarizer writes a timeline of a topic's articles with at most
// dates dates and about perDate sentences per date.
type TimelineSummarizer func(docs []*model.Article, dates, perDate int) []model.TimelineItem

// TimelineScore holds the standard timeline-summarization metrics
// (Martschat & Markert 2017, as in tilse / news-tls), F1 in percent,
// averaged over topics (and over a topic's gold timelines).
type TimelineScore struct {
	Topics int     `json:"topics"`
	DateF1 float64 `json:"date_f1"`
	// Concat ROUGE compares all entry texts concatenated.
	ConcatR1 float64 `json:"concat_rouge1"`
	ConcatR2 float64 `json:"concat_rouge2"`
	// Date-agreement ROUGE counts only n-grams shared by same-date entries.
	AgreeR1 float64 `json:"agree_rouge1"`
	AgreeR2 float64 `json:"agree_rouge2"`
	Dates   float64 `json:"dates"` // mean number of predicted dates
}

// Timelines runs sum on every topic, asking for as many dates as the
// (first) gold timeline has and its mean sentences per date.
func Timelines(topics []*TimelineTopic, sum TimelineSummarizer) map[string][]model.TimelineItem {
	out := map[string][]model.TimelineItem{}
	for _, t := range topics {
		g := t.Gold[0]
		out[t.Name] = sum(t.Docs, len(g), perDate(g))
	}
	return out
}

// perDate is the mean number of sentences per entry of a gold timeline,
// rounded, at least 1.
func perDate(g []model.TimelineItem) int {
	if len(g) == 0 {
		return 1
	}
	n := 0
	for _, e := range g {
		n += max(1, countSentences(e.Text))
	}
	return max(1, (n+len(g)/2)/len(g))
}

// ScoreTimelines scores topic -> predicted timeline against the gold ones.
func ScoreTimelines(topics []*TimelineTopic, pred map[string][]model.TimelineItem) TimelineScore {
	var s TimelineScore
	for _, t := range topics {
		p := pred[t.Name]
		for _, g := range t.Gold {
			w := 1 / float64(len(t.Gold))
			s.DateF1 += w * dateF1(g, p)
			r1, r2, _ := ROUGE([]string{concat(g)}, concat(p))
			s.ConcatR1 += w * r1
			s.ConcatR2 += w * r2
			s.AgreeR1 += w * agreeROUGE(g, p, 1)
			s.AgreeR2 += w * agreeROUGE(g, p, 2)
		}
		s.Dates += float64(len(dates(p)))
		s.Topics++
	}
	if s.Topics > 0 {
		n := float64(s.Topics)
		s.DateF1, s.ConcatR1, s.ConcatR2 = 100*s.DateF1/n, 100*s.ConcatR1/n, 100*s.ConcatR2/n
		s.AgreeR1, s.AgreeR2, s.Dates = 100*s.AgreeR1/n, 100*s.AgreeR2/n, s.Dates/n
	}
	return s
}
