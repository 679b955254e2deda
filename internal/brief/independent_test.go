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

func TestHeadline(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"Short", "Dam gates raised", "Dam gates raised"},
		{"Spaces", "  Dam   gates raised ", "Dam gates raised"},
		{"Long", "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen, sixteen seventeen", "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen, sixteen…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := headline(tt.in); got != tt.want {
				t.Errorf("headline(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestTitleWithoutArticleTitles: with no article titles the story title is
// a short central lead sentence, and an article without sentences does not
// break it.
func TestTitleWithoutArticleTitles(t *testing.T) {
	day := time.Date(2024, 5, 2, 0, 0, 0, 0, time.UTC)
	docs := []*model.Article{
		{ID: "empty", Source: "A", Published: day, Text: "—"},
		{ID: "x", Source: "B", Published: day, Text: "The water authority raised the dam's spillway gates on Thursday after record rain.\nFarmers downstream moved their cattle to higher ground before the evening, officials said, while the river kept rising through the night and the roads along the valley were closed by the police."},
		{ID: "y", Source: "C", Published: day, Text: "Spillway gates at the northern dam were raised by the water authority on Thursday.\nNo homes were flooded."},
	}
	b := Build(docs, Options{})
	if n := len(strings.Fields(b.Title)); n == 0 || n > maxTitleWords+1 {
		t.Fatalf("title %q", b.Title)
	}
	if !strings.Contains(strings.ToLower(b.Title), "spillway") {
		t.Errorf("title %q is not the central lead", b.Title)
	}
}
