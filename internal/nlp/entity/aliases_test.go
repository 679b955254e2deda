package entity

import (
	"slices"
	"testing"
)

// TestAliases: the reader-visible merging errors of issue 16, each on
// synthetic stories written for the test. same lists names that must end
// in one entity of the given type; apart lists names that must not share
// one; notType lists names that must not have that type.
func TestAliases(t *testing.T) {
	tests := []struct {
		name    string
		docs    []string
		same    [][]string
		typ     Type // of each same group
		apart   [][2]string
		notType map[string]Type
		in      map[string]string // name -> documents its entity is named in
		total   map[string]int    // name -> mentions of its entity
	}{
		{
			name: "GivenNamesApart",
			docs: []string{
				"Coast Guard Admiral Thad Allen said the well was capped on Thursday. Allen added that the cleanup would take months.",
				"Carole Allen, who runs a bait shop in Venice, said business had collapsed. Allen has lived there for 30 years.",
				"Former spy chief Sir Mark Allen wrote to the minister. Jared Allen, a fisherman, agreed with him.",
				"The poll was taken last week (Reporting by JoAnne Allen; Editing by Chris Wilson).",
			},
			in:    map[string]string{"Thad Allen": "a", "Carole Allen": "b"},
			total: map[string]int{"Thad Allen": 2, "Carole Allen": 2},
			apart: [][2]string{{"Thad Allen", "Carole Allen"}, {"Thad Allen", "Sir Mark Allen"}, {"Thad Allen", "Mark Allen"}, {"Thad Allen", "Jared Allen"}, {"Carole Allen", "Jared Allen"}, {"Thad Allen", "JoAnne Allen"}, {"Thad Allen", "JoAnne"}},
		},
		{
			name: "TitleAndSurname",
			docs: []string{
				"BP chief executive Tony Hayward said the company would pay for the cleanup. Hayward spoke in Houston.",
				"Mr Hayward told MPs on Thursday that he had not been warned about the well.",
				"Lawmakers grilled Mr. Hayward for seven hours.",
			},
			same: [][]string{{"Tony Hayward", "Hayward"}},
			typ:  Person,
			in:   map[string]string{"Tony Hayward": "abc"},
		},
		{
			name: "HeadlineFragments",
			docs: []string{
				"Palin Addresses Obama On The Spill\nSarah Palin criticised President Barack Obama on Tuesday. The president addresses the nation tonight, and Palin said she would watch.",
				"Quote Barack Obama On Energy\nBarack Obama said the country must end its addiction to oil. Obama spoke at a quote of the day event.",
				"Bhopal Barack Obama Carbide Victims\nVictims of the gas leak in Bhopal asked Barack Obama to act. Bhopal campaigners wrote to him.",
				"Lady Michelle Obama Visits The Coast\nMichelle Obama visited the coast on Sunday with her daughter.",
			},
			same:  [][]string{{"Barack Obama", "Obama"}},
			typ:   Person,
			apart: [][2]string{{"Barack Obama", "Palin Addresses Obama"}, {"Barack Obama", "Quote Barack Obama"}, {"Barack Obama", "Bhopal Barack Obama"}, {"Barack Obama", "Lady Michelle Obama"}, {"Barack Obama", "Michelle Obama"}},
		},
		{
			name: "NotPeople",
			docs: []string{
				"The Deepwater Horizon rig exploded on April 20, killing 11 workers. Survivors of the Deepwater Horizon were taken to Port Fourchon.",
				"It is the worst disaster on the coast since Hurricane Katrina struck New Orleans in 2005. Hurricane Katrina killed more than 1,800 people.",
			},
			notType: map[string]Type{"Deepwater Horizon": Person, "Hurricane Katrina": Person, "Katrina": Person},
		},
		{
			name: "OrgsByName",
			docs: []string{
				"Critics of Big Oil say the industry writes its own rules. Shell Oil said it would join the effort.",
				"Standard Oil was broken up in 1911. Shell Oil and Big Oil lobbyists met senators.",
				"The overall effect may be less than the Exxon Valdez Oil spill in 1989, which happened in colder water. Big Oil said nothing.",
			},
			apart:   [][2]string{{"Big Oil", "Shell Oil"}, {"Big Oil", "Standard Oil"}, {"Shell Oil", "Standard Oil"}, {"Big Oil", "Exxon Valdez Oil"}, {"Big Oil", "Exxon Valdez"}},
			notType: map[string]Type{"Exxon Valdez Oil": Person, "Exxon Valdez": Person, "Big Oil": Person},
		},
		{
			// A person is found by the model, not by a list of given
			// names: "Meryl" is in no list.
			name: "UnlistedGivenName",
			docs: []string{
				"The new movie, which opens Friday, stars Meryl Streep as a music teacher in East Harlem.",
				"In the film, Streep plays a violin teacher, and the director said it has heart.",
			},
			same: [][]string{{"Meryl Streep", "Streep"}},
			typ:  Person,
			in:   map[string]string{"Meryl Streep": "ab"},
		},
		{
			// A company named after a person is an organisation wherever
			// its name stands alone.
			name: "CompanyNamedAfterPerson",
			docs: []string{
				"Halliburton Co. cemented the well days before the blowout. Halliburton said on Monday that it had followed BP's instructions.",
				"Halliburton denied that its cement job was to blame, the company said in a statement.",
			},
			same:    [][]string{{"Halliburton Co.", "Halliburton"}},
			typ:     Org,
			in:      map[string]string{"Halliburton Co.": "ab"},
			notType: map[string]Type{"Halliburton": Person},
		},
		{
			name: "Acronym",
			docs: []string{
				"The Free Syrian Army said its fighters held the town. FSA commanders denied the report.",
			},
			same: [][]string{{"Free Syrian Army", "FSA"}},
			typ:  Org,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var docs []Doc
			for i, d := range tc.docs {
				docs = append(docs, Doc{ID: string(rune('a' + i)), Mentions: Find(d)})
			}
			ents := Merge(docs)
			owner := func(alias string) *Entity {
				for i := range ents {
					if slices.Contains(ents[i].Aliases, alias) {
						return &ents[i]
					}
				}
				return nil
			}
			for _, g := range tc.same {
				e := owner(g[0])
				if e == nil || e.Type != tc.typ {
					t.Fatalf("%q: %+v, want a %s; all %+v", g[0], e, tc.typ, ents)
				}
				for _, a := range g[1:] {
					if owner(a) != e {
						t.Errorf("%q not merged with %q: %+v", a, g[0], owner(a))
					}
				}
			}
			for _, p := range tc.apart {
				if a, b := owner(p[0]), owner(p[1]); a != nil && a == b {
					t.Errorf("%q and %q merged: %+v", p[0], p[1], a)
				}
			}
			for name, typ := range tc.notType {
				if e := owner(name); e != nil && e.Type == typ {
					t.Errorf("%q typed %s: %+v", name, typ, e)
				}
			}
			for name, docs := range tc.in {
				e := owner(name)
				for _, d := range docs {
					if e == nil || e.Mentions[string(d)] == 0 {
						t.Errorf("%q not named in document %c: %+v", name, d, e)
					}
				}
			}
			for name, n := range tc.total {
				if e := owner(name); e == nil || e.Total() != n {
					t.Errorf("%q: %+v, want %d mentions", name, e, n)
				}
			}
			if t.Failed() {
				for _, e := range ents {
					t.Logf("%-6s %-24s %q", e.Type, e.Name, e.Aliases)
				}
			}
		})
	}
}
