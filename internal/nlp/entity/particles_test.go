package entity

import (
	"strings"
	"testing"
)

// TestParticleNames: names built on a hyphenated Arabic particle are one
// name, typed by their first word: a person, a place opened by "Bab",
// "Ras" …, a group opened by "Jabhat", "Ansar" … (the model alone gave
// "al-Obeidy" as an organisation, "Bab al-Aziziya" as a person and "Abu
// Bakr" without "al-Baghdadi").
func TestParticleNames(t *testing.T) {
	tests := []struct {
		name, text, want string
		typ              Type
	}{
		{"GivenAndFamily", "Eman al-Obeidy will be visited by two journalists by Saturday , a spokesman said .", "Eman al-Obeidy", Person},
		{"RunsOn", "Abu Bakr al-Baghdadi appeared in a video on Saturday .", "Abu Bakr al-Baghdadi", Person},
		{"Middle", "Gaddafi 's son Saif al-Islam Gaddafi said the army would fight on .", "Saif al-Islam Gaddafi", Person},
		{"Place", "Rebels stormed Bab al-Aziziya , Gaddafi 's compound in Tripoli , on Tuesday .", "Bab al-Aziziya", Place},
		{"Group", "The group Jabhat al-Nusra said it carried out the attack .", "Jabhat al-Nusra", Org},
		{"Dateline", "BANI WALID , Libya ( Reuters ) - Fighters stormed the town on Monday .", "BANI WALID", Place},
		{"TownHead", "Rebels pushed west from Ras Lanuf towards Bani Walid on Monday .", "Ras Lanuf", Place},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, m := range Find(tc.text) {
				if m.Text == tc.want {
					if m.Type != tc.typ {
						t.Errorf("%q typed %v, want %v", m.Text, m.Type, tc.typ)
					}
					return
				}
			}
			t.Errorf("no mention %q in %+v", tc.want, Find(tc.text))
		})
	}
}

// TestParticleAfterFunctionWord: a capitalised function word opening the
// sentence is no part of the name after it ("But al-Obeidy 's mother").
func TestParticleAfterFunctionWord(t *testing.T) {
	for _, text := range []string{
		"But al-Obeidy 's mother , Aisha Ahmad , told reporters she was worried .",
		"When al-Hamdi arrived , the talks had already begun .",
	} {
		for _, m := range Find(text) {
			if w, _, _ := strings.Cut(m.Text, " "); common[w] {
				t.Errorf("%q: mention %q opens with a function word", text, m.Text)
			}
		}
	}
}
