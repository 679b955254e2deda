package eval

import (
	"strings"

	"parallax/internal/model"
	"parallax/internal/nlp/sentence"
)

// dates returns the set of dates of a timeline.
func dates(tl []model.TimelineItem) map[string]bool {
	out := map[string]bool{}
	for _, e := range tl {
		out[e.Date] = true
	}
	return out
}

// dateF1 is the F1 of the predicted dates against the gold ones (datePR's
// precision and recall).
func dateF1(gold, pred []model.TimelineItem) float64 {
	pr := datePR(gold, pred)
	if pr.P+pr.R == 0 {
		return 0
	}
	return 2 * pr.P * pr.R / (pr.P + pr.R)
}

// concat joins the texts of a timeline's entries.
func concat(tl []model.TimelineItem) string {
	parts := make([]string, 0, len(tl))
	for _, e := range tl {
		parts = append(parts, e.Text)
	}
	return strings.Join(parts, " ")
}

// byDate joins the texts of a timeline's entries per date.
func byDate(tl []model.TimelineItem) map[string]string {
	out := map[string]string{}
	for _, e := range tl {
		out[e.Date] = strings.TrimSpace(out[e.Date] + " " + e.Text)
	}
	return out
}

// agreeROUGE is date-agreement ROUGE-n F1: n-grams count as matched only
// between entries of the same date; precision and recall are over all
// n-grams of the predicted and gold timelines.
func agreeROUGE(gold, pred []model.TimelineItem, n int) float64 {
	g, p := byDate(gold), byDate(pred)
	hit, ng, np := 0, 0, 0
	for _, t := range g {
		ng += total(ngrams(rougeTokens(t), n))
	}
	for d, t := range p {
		pn := ngrams(rougeTokens(t), n)
		np += total(pn)
		if gt, ok := g[d]; ok {
			hit += overlap(ngrams(rougeTokens(gt), n), pn)
		}
	}
	_, _, f := prf(float64(hit), float64(np), float64(ng))
	return f
}

// countSentences counts the sentences of a text.
func countSentences(s string) int { return len(sentence.Split(s)) }
