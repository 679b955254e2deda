package eval

import (
	"strings"

	"parallax/internal/model"
)

// LeadSummary is the README's "lead" baseline: the paragraphs of the
// earliest article.
func LeadSummary(docs []*model.Article, _ string) []string {
	var first *model.Article
	for _, d := range docs {
		if first == nil || d.Published.Before(first.Published) {
			first = d
		}
	}
	if first == nil {
		return nil
	}
	return strings.Split(first.Text, "\n")
}
