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
