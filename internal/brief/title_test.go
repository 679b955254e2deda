package brief

import (
	"strings"
	"testing"

	"parallax/internal/model"
)

func TestDetokenize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"BP 's chief executive said he did n't know .", "BP's chief executive said he didn't know."},
		{"`` We are sorry , '' he said -LRB- again -RRB- .", "“We are sorry,” he said (again)."},
		{"Halloween is the scariest night of the year .", "Halloween is the scariest night of the year."},
		{"Plain headline, already written", "Plain headline, already written"},
		{"Oil costs $ 80 ; up 5 % ?", "Oil costs $80; up 5%?"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Detokenize(tt.in); got != tt.want {
			t.Errorf("Detokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTitle(t *testing.T) {
	oil := func(id, title, text string) *model.Article { return &model.Article{ID: id, Title: title, Text: text} }
	tests := []struct {
		name      string
		docs      []*model.Article
		wantFrom  string
		wantTitle string
		notFrom   string // when set, any article's own title but this one's
	}{
		{
			name: "CentralArticleNotStray",
			docs: []*model.Article{
				oil("stray", "Teen arrested after shooting girl in chest", "Police arrested a teen after a shooting on Main Street in Madison."),
				oil("a", "BP oil spill reaches Louisiana coast", "Oil from the BP well in the Gulf of Mexico reached the Louisiana coast as BP tried to cap the well."),
				oil("b", "BP tries again to cap Gulf oil well", "BP engineers tried again to cap the leaking oil well in the Gulf of Mexico off Louisiana."),
				oil("c", "Gulf oil spill: BP well still leaking", "The BP oil well in the Gulf of Mexico is still leaking oil toward the Louisiana coast."),
			},
			notFrom: "stray",
		},
		{
			name: "NoHeadlineTakesACentralSentenceNotAStamp",
			docs: []*model.Article{
				oil("a", "", "Last updated : 29 June 2010 Are you trying to trace your family tree ?\nBP said on Tuesday the oil well in the Gulf of Mexico was capped at last .\nMore news follows."),
				oil("b", "", "BP capped the Gulf of Mexico oil well , the company said .\nShares rose."),
			},
			wantFrom: "a", wantTitle: "BP said on Tuesday the oil well in the Gulf of Mexico was capped at last.",
		},
		{
			name:     "EntityHeadlineIsNoHeadline",
			docs:     []*model.Article{oil("a", "&HT;", "The Senate passed the adoption bill on Tuesday by a wide margin.")},
			wantFrom: "a", wantTitle: "The Senate passed the adoption bill on Tuesday by a wide margin.",
		},
		{name: "Empty", docs: []*model.Article{nil, {ID: "x"}}, wantFrom: "", wantTitle: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			title, from := Title(tt.docs)
			if tt.notFrom != "" {
				for _, d := range tt.docs {
					if d.ID == from && (from == tt.notFrom || title != d.Title) {
						t.Errorf("Title = %q from %q", title, from)
					}
				}
				return
			}
			if from != tt.wantFrom || title != tt.wantTitle {
				t.Errorf("Title = %q from %q, want %q from %q", title, from, tt.wantTitle, tt.wantFrom)
			}
		})
	}
}

func TestAside(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"(James Estrin/New York Times Photo)", true},
		{"[Editor's note: this story has been corrected]", true},
		{"(AP) Police said the two men were held (both from Ohio)", false},
		{"Police said the two men were held (both from Ohio)", false},
		{"()", true},
		{"(", false},
	} {
		if got := aside(c.s); got != c.want {
			t.Errorf("aside(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

func TestTitleSkipsPhotoCredit(t *testing.T) {
	docs := []*model.Article{
		{ID: "a", Title: "(James Estrin/New York Times Photo)", Text: "Gardeners across the state are turning to organic methods to fight pests this spring."},
		{ID: "b", Title: "", Text: "Gardeners across the state are turning to organic methods this spring, growers said."},
	}
	if title, _ := Title(docs); strings.Contains(title, "Photo") || title == "" {
		t.Errorf("Title = %q, want a sentence of the story, not the photo credit", title)
	}
}

func TestTitleLeadNotAQuote(t *testing.T) {
	// The short lines repeat the quotation's words, which makes it the
	// most central sentence: only its opening quotation mark keeps it from
	// the title.
	docs := []*model.Article{{ID: "a", Text: "“I brought a rain suit, an umbrella, heavy boots and a thermos,” Mr. Manglinong says. " +
		"Farmers in the valley are planting rice again after three years of drought, growers said. " +
		"Rain suit. Umbrella and thermos. Heavy boots. Rain suit and boots."}}
	if title, _ := Title(docs); strings.HasPrefix(title, "“") || title == "" {
		t.Errorf("Title = %q, want the reported sentence, not the quotation", title)
	}
}

func TestTitleLeadDropsDateline(t *testing.T) {
	// A wire photo package without a headline: its notices, a caption
	// behind a dateline and slug, and the caption's quotation. The caption
	// reads as the story once its dateline is dropped.
	docs := []*model.Article{{ID: "a", Text: "ATTENTION EDITORS: The following photos are part of tonight's Photo Package, moving Wednesday, 10/20/99. " +
		"(NYT42) NEW YORK -- Oct. 20, 1999 -- NY-METS-HONEYMOONERS, 10-20 -- The Mets' Tuesday night loss to the Atlanta Braves ruined the honeymoon plans of Brenda and Felix Manglinong, newlyweds from Sacramento, Calif., who had dreams of attending a World Series between the Yankees and Mets. " +
		"``I brought a rain suit, an umbrella, heavy boots and a thermos,'' Mr. Manglinong says."}}
	title, _ := Title(docs)
	if !strings.HasPrefix(title, "The Mets' Tuesday night loss") {
		t.Errorf("Title = %q, want the caption without its dateline", title)
	}
}

func TestLeadTitle(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"Lead", "The oil spill began after the rig blew up on April 20 . Eleven workers died .",
			"The oil spill began after the rig blew up on April 20."},
		{"Cut", "The worst offshore oil spill in US history began after the Deepwater Horizon rig blew up on April 20 . Eleven died .",
			"The worst offshore oil spill in US history began after the Deepwater Horizon rig blew up…"},
		{"SkipsStamp", "Updated 10:42 pm EDT , Tue May 4 2010\nOfficials said the well was still leaking thousands of barrels a day into the gulf .",
			"Officials said the well was still leaking thousands of barrels a day into the gulf."},
		{"Empty", "   ", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := LeadTitle(tc.text); got != tc.want {
				t.Errorf("LeadTitle = %q, want %q", got, tc.want)
			}
		})
	}
}
