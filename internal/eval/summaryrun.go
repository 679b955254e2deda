package eval

import (
	"strings"

	"parallax/internal/model"
)

func joinSentences(s []string) string { return strings.Join(s, " ") }

// Summarizer writes the summary sentences of one topic; query is empty for
// a generic summary.
type Summarizer func(docs []*model.Article, query string) []string

// RougeScore is the mean ROUGE F1 (in percent, as score.py prints) over topics.
type RougeScore struct {
	Topics int     `json:"topics"`
	R1     float64 `json:"rouge1"`
	R2     float64 `json:"rouge2"`
	RL     float64 `json:"rougeL"`
}

// Summaries runs sum on every topic and returns topic -> summary: the
// sentences joined by spaces, truncated to SummaryWords words.
func Summaries(topics []*Topic, sum Summarizer, useQuery bool) map[string]string {
	out := map[string]string{}
	for _, t := range topics {
		q := ""
		if useQuery {
			q = t.Query
		}
		out[t.Name] = Truncate(joinSentences(sum(t.Docs, q)), SummaryWords)
	}
	return out
}

// ScoreSummaries scores topic -> summary against each topic's references.
func ScoreSummaries(topics []*Topic, summaries map[string]string) RougeScore {
	var s RougeScore
	for _, t := range topics {
		r1, r2, rl := ROUGE(t.Refs, summaries[t.Name])
		s.R1 += r1
		s.R2 += r2
		s.RL += rl
		s.Topics++
	}
	if s.Topics > 0 {
		n := float64(s.Topics)
		s.R1, s.R2, s.RL = 100*s.R1/n, 100*s.R2/n, 100*s.RL/n
	}
	return s
}
