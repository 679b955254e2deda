package entity

import (
	"strings"
	"testing"
)

// TestOneSense: a name the story's mentions type in different ways takes
// the type most of them give (three of four here), so the story lists one
// place, not a place and an organisation of the same name; a name typed
// two ways evenly keeps both.
func TestOneSense(t *testing.T) {
	m := func(text string, typ Type) Mention { return Mention{Text: text, Type: typ} }
	docs := []Doc{
		{ID: "a", Mentions: []Mention{m("Sirte", Place), m("Jordan", Place)}},
		{ID: "b", Mentions: []Mention{m("SIRTE", Org), m("Jordan", Person)}},
		{ID: "c", Mentions: []Mention{m("Sirte", Place)}},
		{ID: "d", Mentions: []Mention{m("Sirte", Place)}},
	}
	types := map[string][]Type{}
	for _, e := range Merge(docs) {
		k := strings.ToLower(e.Name)
		types[k] = append(types[k], e.Type)
	}
	if got := types["sirte"]; len(got) != 1 || got[0] != Place {
		t.Errorf("Sirte typed %v, want one place", got)
	}
	if got := len(types["jordan"]); got != 2 {
		t.Errorf("Jordan, typed a place once and a person once, makes %d entities, want 2", got)
	}
}

// TestSurnameVariants: one person spelled three ways by three outlets
// ("Muammar Qaddafi", "Muammar Gaddafi", "Moammar Gadhafi": each a letter
// from the next) is one entity, the bare variants included; short
// surnames a letter apart stay two people.
func TestSurnameVariants(t *testing.T) {
	m := func(text string) Mention { return Mention{Text: text, Type: Person} }
	docs := []Doc{
		{ID: "nyt", Mentions: []Mention{m("Muammar Qaddafi"), m("Qaddafi")}},
		{ID: "reuters", Mentions: []Mention{m("Muammar Gaddafi"), m("Gaddafi"), m("Tom Hall")}},
		{ID: "cnn", Mentions: []Mention{m("Moammar Gadhafi"), m("Gadhafi"), m("Tom Hill")}},
	}
	var people []string
	for _, e := range Merge(docs) {
		people = append(people, e.Name)
	}
	want := map[string]bool{"Muammar Gaddafi": true, "Moammar Gadhafi": true, "Muammar Qaddafi": true, "Tom Hall": true, "Tom Hill": true}
	if len(people) != 3 {
		t.Fatalf("entities %q, want 3: one Gaddafi (either spelling), Hall and Hill apart", people)
	}
	for _, p := range people {
		if !want[p] {
			t.Errorf("unexpected entity %q (all: %q)", p, people)
		}
	}
}
