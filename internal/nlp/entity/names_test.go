package entity

import "testing"

func TestNameCues(t *testing.T) {
	tests := []struct {
		name, text string
		want       map[string]Type // mention text -> type
		not        []string        // texts that must not be PERSON mentions
	}{
		{"FirstName", "Yesterday Maureen Tallis opened the shop.", map[string]Type{"Maureen Tallis": Person}, nil},
		{"NoFirstName", "Surveys of Generation Z rarely agree, and Vapor Trail Holdings knows it.", nil, []string{"Generation Z"}},
		{"PlaceHead", "Voters in rural Harlan County lined up.", map[string]Type{"Harlan County": Place}, nil},
		{"WeakPlaceHeadAfterFirstName", "The critic Anthony Glade and Mary Hall disagreed.", map[string]Type{"Mary Hall": Person}, nil},
		{"BusinessHead", "Pat Lowry, owner of Quarry Books in Oxford, objected.", map[string]Type{"Quarry Books": Org}, nil},
		{"ThingHead", "Veterans of the Sandstone War gathered.", nil, []string{"Sandstone War"}},
		{"PossessiveOrg", "A member of the Grand People's Assembly spoke.", map[string]Type{"Grand People": Org}, nil},
		{"PlaceBeforeSpeechVerb", "A researcher at the University of Maine at Orono, said it works.", nil, []string{"Orono"}},
		{"RoleWord", "Comedian Jonathan Pratt joked about it.", map[string]Type{"Jonathan Pratt": Person}, []string{"Comedian Jonathan Pratt"}},
		{"TitleThenConnector", "Assistant Secretary for Legislative Affairs Barbara Larkin wrote.", map[string]Type{"Barbara Larkin": Person}, []string{"for Legislative Affairs Barbara Larkin"}},
		{"TitleWordPlace", "Jo Ann Reyes, director of the Disabilities Division, King County, objected.", map[string]Type{"King County": Place}, []string{"County"}},
		{"CommaAppositionSpeaker", "Lena Marsh, director of research with Tolbert, said sales fell.", nil, []string{"Tolbert"}},
		{"NameOfPlace", "The group hired Paul Kesh of Baxter, who runs it.", map[string]Type{"Paul Kesh": Person}, []string{"Paul Kesh of Baxter"}},
		{"HeadFirst", "He was moved to Prison Ravenhill last year.", nil, []string{"Prison Ravenhill"}},
		{"Initials", "Fans waited for J.K. Rowling, who said nothing.", map[string]Type{"J.K. Rowling": Person}, nil},
		{"CueNeedsPersonShape", "The data firm KPX Health said sales fell.", nil, []string{"KPX Health"}},
		{"TitledNameOfPlace", "Gov. Lyle P. Hanson of Idaho spoke.", map[string]Type{"Lyle P. Hanson": Person}, []string{"Lyle P. Hanson of Idaho"}},
		{"StateAbbreviation", "He lives in Wheeling, W. Va. now.", nil, []string{"W. Va"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := map[string]Type{}
			for _, m := range FindRules(tc.text) {
				got[m.Text] = m.Type
			}
			for txt, typ := range tc.want {
				if g, ok := got[txt]; !ok || g != typ {
					t.Errorf("%q: got %q (found %v), want %q; all %v", txt, g, ok, typ, got)
				}
			}
			for _, txt := range tc.not {
				if got[txt] == Person {
					t.Errorf("%q should not be a person; all %v", txt, got)
				}
			}
		})
	}
}

func TestMergePromotesSurname(t *testing.T) {
	docs := []Doc{{ID: "a", Mentions: Find("Doctors told Zenobia Kravitz to rest. Kravitz, 62, walks daily. Loam Valley Exchange opened.")}}
	ents := Merge(docs)
	var kravitz *Entity
	for i := range ents {
		if ents[i].Name == "Zenobia Kravitz" {
			kravitz = &ents[i]
		}
		if ents[i].Name == "Loam Valley Exchange" && ents[i].Type == Person {
			t.Errorf("Loam Valley Exchange typed PERSON")
		}
	}
	if kravitz == nil || kravitz.Type != Person || kravitz.Total() != 2 {
		t.Fatalf("Zenobia Kravitz not a person with 2 mentions: %+v", ents)
	}
}
