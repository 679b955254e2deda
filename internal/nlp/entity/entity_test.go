package entity

import (
	"testing"
	"unicode/utf8"
)

func TestFind(t *testing.T) {
	tests := []struct {
		name, text string
		want       map[string]Type // mention text -> type
		not        []string        // texts that must not be mentions
	}{
		{"TitledPerson", "Foreign Minister Anna Petrova met the press.", map[string]Type{"Anna Petrova": Person}, []string{"Foreign Minister Anna Petrova", "Foreign"}},
		{"SecretaryOfState", "U.S. Secretary of State Dana Whitfield arrived.", map[string]Type{"U.S.": Place, "Dana Whitfield": Person}, nil},
		{"SpokesmanCue", "The agency's spokesman, Tomas Ruiz, declined to comment.", map[string]Type{"Tomas Ruiz": Person}, nil},
		{"SaidCue", "It will not happen again, Okafor said.", map[string]Type{"Okafor": Person}, nil},
		{"OrgHead", "The Ministry of Water and the Harbor Development Council met.", map[string]Type{"Harbor Development Council": Org}, nil},
		{"OrgTail", "The Chilean foreign ministry protested.", map[string]Type{"Chilean foreign ministry": Org}, nil},
		{"Gazetteer", "Talks in Geneva between Iran and the United Nations.", map[string]Type{"Geneva": Place, "Iran": Place, "United Nations": Org}, nil},
		{"Acronym", "Officials at NATO and the IAEA spoke.", map[string]Type{"NATO": Org, "IAEA": Org}, nil},
		{"DirectionPlace", "Shelling hit eastern Aleppo overnight.", map[string]Type{"eastern Aleppo": Place}, nil},
		{"ArabicParticle", "President Bashar al-Assad spoke.", map[string]Type{"Bashar al-Assad": Person}, nil},
		{"SentenceStart", "Yesterday the council met. However nothing changed.", nil, []string{"Yesterday", "However"}},
		{"Headline", "Talks Collapse As Rivals Walk Out Of Summit In Vienna", map[string]Type{"Vienna": Place}, []string{"Rivals Walk Out"}},
		{"Months", "On Monday, September 12, the truce began.", nil, []string{"Monday", "September"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := map[string]Type{}
			for _, m := range FindRules(tc.text) {
				if tc.text[m.Start:m.End] != m.Text {
					t.Errorf("offsets %d:%d do not give %q", m.Start, m.End, m.Text)
				}
				got[m.Text] = m.Type
			}
			for txt, typ := range tc.want {
				if g, ok := got[txt]; !ok || g != typ {
					t.Errorf("%q: got %q (found %v), want %q; all %v", txt, g, ok, typ, got)
				}
			}
			for _, txt := range tc.not {
				if _, ok := got[txt]; ok {
					t.Errorf("%q should not be a mention; all %v", txt, got)
				}
			}
		})
	}
}

func TestMerge(t *testing.T) {
	docs := []Doc{
		{ID: "a", Mentions: Find("Secretary of State John Kerry met Sergey Lavrov in Geneva. Kerry said the U.S. would wait.")},
		{ID: "b", Mentions: Find("John F. Kerry and Sergei Lavrov spoke. The United States and the US State Department agreed. Lavrov said no.")},
		{ID: "c", Mentions: Find("Sec. State John Kerry spoke to Jane Kerry. The State Dept. said so.")},
	}
	ents := Merge(docs)
	find := func(alias string) *Entity {
		for i := range ents {
			for _, a := range ents[i].Aliases {
				if a == alias {
					return &ents[i]
				}
			}
		}
		return nil
	}
	same := [][]string{
		{"John Kerry", "Kerry", "John F. Kerry"},
		{"Sergey Lavrov", "Sergei Lavrov", "Lavrov"},
		{"U.S.", "United States"},
		{"US State Department", "State Dept."},
	}
	for _, group := range same {
		t.Run(group[0], func(t *testing.T) {
			e := find(group[0])
			if e == nil {
				t.Fatalf("%q not found in %+v", group[0], ents)
			}
			for _, a := range group[1:] {
				if find(a) != e {
					t.Errorf("%q not merged with %q", a, group[0])
				}
			}
		})
	}
	if k, j := find("John Kerry"), find("Jane Kerry"); k == nil || k == j {
		t.Errorf("Jane Kerry merged with John Kerry")
	}
	if e := find("John Kerry"); e != nil && (e.Mentions["a"] != 2 || e.Mentions["b"] != 1 || e.Type != Person) {
		t.Errorf("John Kerry: %+v", e)
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"U.S. Secretary of State John Kerry said.", "al-Assad", "É. Ñoño-Łódź’s", "A.B.C. D", "\"Mr. X\" ‘al Nusra’ — eastern Aleppo"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := -1
		for _, m := range Find(s) {
			if m.Start < prev || m.Start >= m.End || m.End > len(s) || s[m.Start:m.End] != m.Text {
				t.Fatalf("bad mention %+v in %q", m, s)
			}
			if utf8.ValidString(s) && !utf8.ValidString(m.Text) {
				t.Fatalf("mention splits a rune: %+v", m)
			}
			prev = m.Start
		}
		Merge([]Doc{{ID: "x", Mentions: Find(s)}})
	})
}
