package brief

import (
	"strings"
	"testing"

	"parallax/internal/model"
)

func TestTruecase(t *testing.T) {
	docs := []*model.Article{{Text: "Gardeners in Korea fight the flea beetle. The beetles came from the US last year, " +
		"the FBI said, and McCain asked about us in Congress. Officials of the USDA in Washington agree."}}
	tests := []struct{ name, in, want string }{
		{"Shouted", "FLEA BEETLES HARM VARIETY OF VEGGIES", "Flea Beetles Harm Variety of Veggies"},
		{"FormsFromText", "KOREA BEETLES REACH WASHINGTON", "Korea Beetles Reach Washington"},
		{"Acronyms", "US AND FBI WARN ON USDA RULES", "US and FBI Warn on USDA Rules"},
		{"MixedCaseKept", "Senate OKs Adoption Legislation", "Senate OKs Adoption Legislation"},
		{"NameFromText", "MCCAIN ASKS CONGRESS", "McCain Asks Congress"},
		{"Punctuation", "\"DON'T BUG THE BUGS,\" EXPERT SAYS", "\"Don't Bug the Bugs,\" Expert Says"},
		{"OneWord", "UPDATE", "UPDATE"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := truecase(tc.in, docs); got != tc.want {
				t.Errorf("truecase(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestCleanHeadline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"&HT; &HT;", ""},
		{"FEWER SERVICES AVAILABLE FOR AUTISTIC ADULTS &HT; &HT;", "FEWER SERVICES AVAILABLE FOR AUTISTIC ADULTS"},
		{"Fish &amp; Chips", "Fish & Chips"},
		{"  Plain headline ", "Plain headline"},
		{"EDS-more details added Premier Li Peng Holds Talks with Mongolian PM (2)", "Premier Li Peng Holds Talks with Mongolian PM"},
		{"EDS: updates with vote Senate Passes Bill", "Senate Passes Bill"},
		{"EDS-all lower case", "EDS-all lower case"},
		{"Apollo 13 (1970)", "Apollo 13 (1970)"},
	}
	for _, tc := range tests {
		if got := cleanHeadline(tc.in); got != tc.want {
			t.Errorf("cleanHeadline(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	// A story whose only headline is entity residue is named by a sentence.
	title, _ := Title([]*model.Article{{ID: "a", Title: "&HT; &HT;", Text: "Sheets of clear plastic laid over the soil trap enough solar heat to kill the pests, researchers found."}})
	if title == "" || title == "&HT; &HT;" || !wordy(title) {
		t.Errorf("title of a story with an entity-only headline: %q", title)
	}
}

// TestTitleSkipsEditorsNotes: a story whose only headline is residue is
// named by a sentence of its own, never by a wire service's note to
// editors.
func TestTitleSkipsEditorsNotes(t *testing.T) {
	text := "ATTENTION EDITORS: The following photos are part of tonight's photo package, moving Wednesday.\n" +
		"Farmers along the valley are returning to ritual methods of planting their vines this spring."
	title, _ := Title([]*model.Article{{ID: "a", Title: "&HT; &HT;", Text: text}})
	if title == "" || strings.Contains(title, "EDITORS") {
		t.Errorf("title %q", title)
	}
	// Nor by such a note standing as the article's headline.
	title, _ = Title([]*model.Article{{ID: "b", Title: "ATTENTION EDITORS: The following photos are part of tonight's photo package.", Text: text}})
	if strings.Contains(title, "EDITORS") {
		t.Errorf("title %q taken from a note to editors given as the headline", title)
	}
	for _, s := range []string{"Editor's note: this story was updated.", "EDS: RECASTS lead", "Attention news editors: a correction follows."} {
		if !residue(s) {
			t.Errorf("residue(%q) = false", s)
		}
	}
}
