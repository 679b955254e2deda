package web

import (
	"slices"
	"strings"
	"testing"

	"parallax/internal/model"
)

func TestRankEntities(t *testing.T) {
	es := []model.Entity{
		{Name: "Few", Sources: []string{"a"}},
		{Name: "ManyLessMentioned", Sources: []string{"a", "b", "c"}, Mentions: map[string]int{"a": 1}},
		{Name: "ManyMoreMentioned", Sources: []string{"a", "b", "c"}, Mentions: map[string]int{"a": 2, "b": 2}},
		{Name: "TwoFirst", Sources: []string{"a", "b"}},
		{Name: "TwoSecond", Sources: []string{"b", "c"}},
	}
	got := names(rankEntities(es), func(e model.Entity) string { return e.Name })
	want := "ManyMoreMentioned ManyLessMentioned TwoFirst TwoSecond Few"
	if got != want {
		t.Errorf("order = %s, want %s", got, want)
	}
	if es[0].Name != "Few" {
		t.Error("rankEntities changed its input")
	}
}

func TestRankQuotes(t *testing.T) {
	entities := []model.Entity{
		{Name: "Barack Obama", Type: "PERSON", Aliases: []string{"Obama"}, Sources: []string{"a", "b", "c"}},
		{Name: "BP", Type: "ORG", Sources: []string{"a"}},
		{Name: "Louisiana", Type: "PLACE", Sources: []string{"a", "b", "c", "d"}},
	}
	whole := "this is a whole sentence said"
	tests := []struct {
		name   string
		quotes []model.Quote
		want   string // speakers in ranked order, "-" for none
	}{
		{"EntityThenAttributedThenNone",
			[]model.Quote{quote("", whole), quote("a spokesman", whole), quote("BP", whole)},
			"BP|a spokesman|-"},
		{"MoreSalientEntityFirst",
			[]model.Quote{quote("BP", whole), quote("Mr Obama", whole)},
			"Mr Obama|BP"},
		{"PlacesAreNotSpeakers",
			[]model.Quote{quote("Louisiana", whole), quote("BP", whole)},
			"BP|Louisiana"},
		{"EachSpeakerOnceFirst",
			[]model.Quote{quote("Obama", whole), quote("Obama", whole), quote("BP", whole)},
			"Obama|BP|Obama"},
		{"FragmentsAfterSentences",
			[]model.Quote{quote("a witness", "first-of-its-kind"), quote("an official", whole)},
			"an official|a witness"},
		{"TiesKeepBriefOrder",
			[]model.Quote{quote("x", whole), quote("y", whole), quote("z", whole)},
			"x|y|z"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := rankQuotes(tc.quotes, entities)
			s := names(got, func(q model.Quote) string { return cmpOr(q.Speaker, "-") })
			if s != strings.ReplaceAll(tc.want, "|", " ") {
				t.Errorf("order = %s, want %s", s, tc.want)
			}
		})
	}
}

func TestPickArticles(t *testing.T) {
	refs := []model.ArticleRef{{ID: "a"}, {ID: "b"}, {ID: "c", DuplicateOf: "b"}, {ID: "d"}, {ID: "e"}}
	b := &model.Brief{
		Summary:   []model.SummaryItem{{Sources: []string{"d", "c"}}},
		Consensus: []model.Fact{{Sources: []string{"d", "c", "e"}}},
		Quotes:    []model.Quote{{Source: "c"}},
	}
	tests := []struct {
		name  string
		brief *model.Brief
		n     int
		want  []int
	}{
		{"MostCitedInListingOrder", b, 2, []int{3, 4}}, // d (2), e (1); c is a copy
		{"TiesInListingOrder", b, 3, []int{0, 3, 4}},
		{"NoBriefFirstN", nil, 2, []int{0, 1}},
		{"AllWhenFew", b, 9, []int{0, 1, 2, 3, 4}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := pickArticles(refs, tc.brief, tc.n); !slices.Equal(got, tc.want) {
				t.Errorf("picked %v, want %v", got, tc.want)
			}
		})
	}
}

func quote(speaker, text string) model.Quote {
	return model.Quote{Speaker: speaker, Text: text, Source: "a"}
}

func names[T any](xs []T, f func(T) string) string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return strings.Join(out, " ")
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
