package quote

import (
	"strings"
	"testing"
)

func TestFind(t *testing.T) {
	tests := []struct {
		name, text string
		want       []Quote // Text and Speaker only
	}{
		{"SaidAfterCurly", "“We will not accept this outcome,” said Maria Lopez, the mayor.",
			[]Quote{{Text: "We will not accept this outcome", Speaker: "Maria Lopez"}}},
		{"NameSaidAfterStraight", `"The bridge will reopen next week," Hannes Berg said.`,
			[]Quote{{Text: "The bridge will reopen next week", Speaker: "Hannes Berg"}}},
		{"SaidBefore", `Governor Ellen Park said that "the budget is balanced for the first time."`,
			[]Quote{{Text: "the budget is balanced for the first time.", Speaker: "Ellen Park"}}},
		{"TeXQuotes", "``Nobody expected the rally to last,'' said analyst Rob Chen.",
			[]Quote{{Text: "Nobody expected the rally to last", Speaker: "Rob Chen"}}},
		{"AccordingTo", "“Talks will continue next month in Oslo,” according to Pia Lund.",
			[]Quote{{Text: "Talks will continue next month in Oslo", Speaker: "Pia Lund"}}},
		{"Told", `Ivan Petrov told reporters: "We are ready to sign the deal."`,
			[]Quote{{Text: "We are ready to sign the deal.", Speaker: "Ivan Petrov"}}},
		{"Pronoun", `Minister Sara Holm arrived late. She said "the delay was caused by fog."`,
			[]Quote{{Text: "the delay was caused by fog.", Speaker: "Sara Holm"}}},
		{"RoleResolved", "Agency spokesman Tom Reyes spoke first.\nLater the spokesman said “there is no risk to the public.”",
			[]Quote{{Text: "there is no risk to the public.", Speaker: "Tom Reyes"}}},
		{"RoleUnresolved", "The White House spokesman said “we have nothing more to add today.”",
			[]Quote{{Text: "we have nothing more to add today.", Speaker: "White House spokesman"}}},
		{"IntroducedParagraph", "Spokesman Jan Novak…\n“This decision was not taken lightly.”",
			[]Quote{{Text: "This decision was not taken lightly.", Speaker: "Jan Novak"}}},
		{"ScareQuotesSkipped", `He called it "absurd" and left.`, nil},
		{"Apostrophes", "Kirby’s team said it didn’t matter.", nil},
		{"StraightOpenCurlyClose", "\"One window was broken and the door was gone,” Ana Ruiz said. “We slept in the car that night.\"",
			[]Quote{{Text: "One window was broken and the door was gone", Speaker: "Ana Ruiz"}, {Text: "We slept in the car that night.", Speaker: "Ana Ruiz"}}},
		{"WovenFragmentUnlisted", `The contract defined the work as "any repair of the roof and walls of the main building."`, nil},
		{"TitleWithSmallWords", `Fans lined up for "Return of the Jedi" all night.`, nil},
		{"CurlySingle", "Officials said ‘the convoy was attacked from the air’ on Monday.",
			[]Quote{{Text: "the convoy was attacked from the air"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Find(tc.text)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d quotes %+v, want %d", len(got), got, len(tc.want))
			}
			for i, q := range got {
				if tc.text[q.Start:q.End] != q.Text {
					t.Errorf("offsets %d:%d do not give %q", q.Start, q.End, q.Text)
				}
				if q.Text != tc.want[i].Text {
					t.Errorf("text %q, want %q", q.Text, tc.want[i].Text)
				}
				if tc.want[i].Speaker != "" && q.Speaker != tc.want[i].Speaker {
					t.Errorf("speaker %q, want %q", q.Speaker, tc.want[i].Speaker)
				}
			}
		})
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"“a b c d,” said X Y.", "\"unclosed quote here and there", "``x y z w'' he said", "‘a b c d’ ’‘", "The spokesman: “a b c d”\n“e f g h”", "'a b c d,' she said. BP 's 'x y z w.'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := -1
		for _, q := range Find(s) {
			if q.Start < prev || q.Start > q.End || q.End > len(s) || s[q.Start:q.End] != q.Text {
				t.Fatalf("bad quote %+v in %q", q, s)
			}
			if strings.ContainsRune(q.Text, '\n') {
				t.Fatalf("quote crosses a line: %+v", q)
			}
			prev = q.Start
		}
	})
}
