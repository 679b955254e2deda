package brief

import (
	"strings"
	"testing"
	"time"

	"parallax/internal/model"
)

// TestCopiesCountOnce: a fact that only an article and its syndicated copy
// report is one source's claim, not consensus; the same fact from a second
// independent outlet is consensus.
func TestCopiesCountOnce(t *testing.T) {
	day := time.Date(2024, 5, 2, 0, 0, 0, 0, time.UTC)
	fact := "The regional water authority raised the dam's spillway gates on Thursday after record rainfall filled the northern reservoir."
	other := "Farmers downstream were told to move their cattle to higher pastures before the evening, the authority said."
	wire := &model.Article{ID: "w", Source: "Wire", Published: day, Title: "Dam gates raised",
		Text: fact + "\n" + other}
	repost := &model.Article{ID: "r", Source: "Repost Daily", Published: day, DuplicateOf: "w", Title: "Dam gates raised",
		Text: fact + "\n" + other + "\nRead more stories on Repost Daily."}
	unrelated := &model.Article{ID: "u", Source: "Valley Post", Published: day, Title: "Fair opens",
		Text: "The county fair opened on Saturday with a parade of tractors through the town centre and a brass band.\nOrganisers expect thirty thousand visitors over the weekend, a record for the fair."}
	has := func(facts []model.Fact, s string) bool {
		for _, f := range facts {
			if strings.Contains(f.Text, s) {
				return true
			}
		}
		return false
	}
	b := Build([]*model.Article{wire, repost, unrelated}, Options{})
	if has(b.Consensus, "spillway") {
		t.Errorf("a fact reported only by an article and its copy is in consensus: %+v", b.Consensus)
	}
	second := &model.Article{ID: "s", Source: "Harbor Times", Published: day, Title: "Spillway opened",
		Text: "The regional water authority raised the spillway gates of the dam on Thursday after record rainfall filled the northern reservoir.\nNo homes were flooded, officials said."}
	b = Build([]*model.Article{wire, repost, unrelated, second}, Options{})
	if !has(b.Consensus, "spillway") {
		t.Errorf("the fact from two independent outlets is not in consensus: %+v", b.Consensus)
	}
}
