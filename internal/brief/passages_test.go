package brief

import (
	"strings"
	"testing"
	"time"

	"parallax/internal/model"
)

// TestRoundupPassages: of an article with passages (a roundup) the brief
// reads only the passages, wherever it takes text from, and still cites
// the roundup for what its passages report.
func TestRoundupPassages(t *testing.T) {
	on := "Dam talks resume in Lisbon\n" +
		"Engineers from Portugal and Spain met in Lisbon on Monday to inspect the cracked Alqueva dam after the storm.\n" +
		"\"We will not let the water through until the wall is safe,\" said Ana Silva, the Portuguese minister.\n"
	off := "Harbour festival cancelled\n" +
		"The Porto harbour festival was cancelled because of a sailing strike by the Douro ferry crews.\n" +
		"\"Nobody wants boats without sailors,\" said Rui Costa, the festival director of Porto Events.\n"
	roundup := &model.Article{ID: "r", Source: "digest.example", Title: "Tuesday roundup",
		Published: time.Date(2024, 3, 12, 0, 0, 0, 0, time.UTC), Text: on + off,
		Passages: []model.Passage{{Start: 0, End: len(on)}}}
	docs := []*model.Article{
		{ID: "a", Source: "one.example", Title: "Alqueva dam inspected", Published: time.Date(2024, 3, 11, 0, 0, 0, 0, time.UTC),
			Text: "Engineers from Portugal and Spain met in Lisbon on Monday to inspect the cracked Alqueva dam.\n" +
				"The storm on 9 March damaged the wall of the Alqueva dam, the minister Ana Silva said.\n" +
				"\"We will not let the water through until the wall is safe,\" Ana Silva told reporters."},
		{ID: "b", Source: "two.example", Title: "Spain and Portugal check dam", Published: time.Date(2024, 3, 11, 0, 0, 0, 0, time.UTC),
			Text: "Spanish and Portuguese engineers inspected the cracked Alqueva dam in Lisbon talks on Monday.\n" +
				"The wall of the Alqueva dam cracked in the storm on 9 March.\n" +
				"Ana Silva said the water stays behind the dam until the wall is safe."},
		roundup,
	}
	b := Build(docs, Options{})
	var texts []string
	for _, s := range b.Summary {
		texts = append(texts, s.Text)
	}
	for _, s := range b.Timeline {
		texts = append(texts, s.Text)
	}
	for _, s := range b.Quotes {
		texts = append(texts, s.Speaker+" "+s.Text)
	}
	for _, s := range b.Consensus {
		texts = append(texts, s.Text)
	}
	for _, s := range b.SingleSource {
		texts = append(texts, s.Text)
	}
	for _, e := range b.Entities {
		texts = append(texts, e.Name+" "+strings.Join(e.Aliases, " "))
	}
	for _, f := range b.Framing {
		texts = append(texts, strings.Join(f.Speakers, " ")+" "+strings.Join(f.Loaded, " "))
	}
	if len(b.Summary) == 0 {
		t.Fatal("empty summary")
	}
	for _, text := range texts {
		for _, w := range []string{"festival", "Porto", "Rui Costa", "ferry", "sailor", "Harbour"} {
			if strings.Contains(text, w) {
				t.Errorf("brief text %q comes from outside the roundup's passages (%q)", text, w)
			}
		}
	}
	cited := false
	for _, s := range b.Summary {
		for _, id := range s.Sources {
			cited = cited || id == "r"
		}
	}
	if !cited {
		t.Errorf("the roundup's passages support no summary sentence: %+v", b.Summary)
	}

	// Without passages the same roundup brings its other story in.
	whole := *roundup
	whole.Passages = nil
	b = Build([]*model.Article{docs[0], docs[1], &whole}, Options{})
	found := false
	for _, e := range b.Entities {
		found = found || strings.Contains(e.Name, "Costa") || strings.Contains(e.Name, "Porto")
	}
	for _, q := range b.Quotes {
		found = found || strings.Contains(q.Text, "sailors")
	}
	if !found {
		t.Errorf("control: without passages the off-story section left no trace (entities %+v, quotes %+v)", b.Entities, b.Quotes)
	}
	if roundup.Text != on+off || len(roundup.Passages) != 1 {
		t.Error("Build changed its input article")
	}
}
