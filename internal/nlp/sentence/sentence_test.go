package sentence

import (
	"reflect"
	"strings"
	"testing"
)

func texts(ss []Sentence) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Text)
	}
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"Empty", "", nil},
		{"Blank", "  \n\n ", nil},
		{"Two", "The talks failed. Both sides blamed each other.",
			[]string{"The talks failed.", "Both sides blamed each other."}},
		{"NoFinalStop", "One. Two words", []string{"One.", "Two words"}},
		{"Lines", "First line\nSecond line. Third one.",
			[]string{"First line", "Second line.", "Third one."}},
		{"Country", "The U.S. State Department said no. Russia disagreed.",
			[]string{"The U.S. State Department said no.", "Russia disagreed."}},
		{"CountryEnd", "Talks stalled in the U.S. The next day they resumed.",
			[]string{"Talks stalled in the U.S.", "The next day they resumed."}},
		{"Titles", "Sec. Kerry met Mr. Lavrov and Sen. McCain. They talked.",
			[]string{"Sec. Kerry met Mr. Lavrov and Sen. McCain.", "They talked."}},
		{"Initials", "John F. Kerry and George W. Bush met. It was brief.",
			[]string{"John F. Kerry and George W. Bush met.", "It was brief."}},
		{"Months", "On Sept. 9, 2016, and Jan. 5 they met. Then Oct. 3 came.",
			[]string{"On Sept. 9, 2016, and Jan. 5 they met.", "Then Oct. 3 came."}},
		{"Decimals", "Growth was 3.5 percent. Prices rose 2.1%.",
			[]string{"Growth was 3.5 percent.", "Prices rose 2.1%."}},
		{"Latin", "Some cities, e.g. Aleppo, i.e. Homs, suffered. Others not.",
			[]string{"Some cities, e.g. Aleppo, i.e. Homs, suffered.", "Others not."}},
		{"QuoteAfter", `He said: "We are done." Then he left.`,
			[]string{`He said: "We are done."`, "Then he left."}},
		{"CurlyQuote", "He said: “We are done.” Then he left.",
			[]string{"He said: “We are done.”", "Then he left."}},
		{"QuestionInQuote", `"Why now?" he asked. Nobody knew!`,
			[]string{`"Why now?" he asked.`, "Nobody knew!"}},
		{"Bracket", "They met (in Geneva.) Then talks ended.",
			[]string{"They met (in Geneva.)", "Then talks ended."}},
		{"EllipsisMid", "Well... maybe not. Wait… Really?",
			[]string{"Well... maybe not.", "Wait…", "Really?"}},
		{"OpeningQuoteNext", `It ended. "Never again," she said.`,
			[]string{"It ended.", `"Never again," she said.`}},
		{"Digits", "He counted 10. 20 more came later.",
			[]string{"He counted 10.", "20 more came later."}},
		{"Glued", "It rested on the opposition forces.Instead of peace, it collapsed.",
			[]string{"It rested on the opposition forces.", "Instead of peace, it collapsed."}},
		{"GluedNot", "See example.com and the U.S.Army or v2.Go today.",
			[]string{"See example.com and the U.S.Army or v2.Go today."}},
		{"NumberedList", "1. First item here", []string{"1. First item here"}},
		{"NoNumber", "It ranked No. 1 in the list. Good.",
			[]string{"It ranked No. 1 in the list.", "Good."}},
		{"Company", "Apple Inc. Chief Tim Cook spoke. Shares of Acme Inc. The firm fell.",
			[]string{"Apple Inc. Chief Tim Cook spoke.", "Shares of Acme Inc.", "The firm fell."}},
		{"Times", "It began at 5 p.m. Eastern time. It ended at 6 a.m. The next day was calm.",
			[]string{"It began at 5 p.m. Eastern time.", "It ended at 6 a.m.", "The next day was calm."}},
		{"Exclaim", "Stop! Go?! Now.", []string{"Stop!", "Go?!", "Now."}},
		{"URL", "See example.com for more. Bye.", []string{"See example.com for more.", "Bye."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := texts(Split(tt.in))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Split(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSplitOffsetsAndParas(t *testing.T) {
	in := "  Alpha one. Beta two.\r\n\nGamma three.  "
	got := Split(in)
	want := []Sentence{
		{"Alpha one.", 2, 12, 0},
		{"Beta two.", 13, 22, 0},
		{"Gamma three.", 25, 37, 2},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Split(%q)\n got %+v\nwant %+v", in, got, want)
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{"", "A. B.", "U.S. The\nx", "“Hi.” Then… ok?!", "a\xff. B", ". . .", "1. A"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, x := range Split(s) {
			if x.Start < prev || x.End <= x.Start || x.End > len(s) {
				t.Fatalf("bad span [%d,%d) after %d in %q", x.Start, x.End, prev, s)
			}
			if x.Text != s[x.Start:x.End] || x.Text != strings.TrimSpace(x.Text) {
				t.Fatalf("text %q does not match trimmed span in %q", x.Text, s)
			}
			if strings.Contains(x.Text, "\n") {
				t.Fatalf("sentence %q crosses a line", x.Text)
			}
			if want := strings.Count(s[:x.Start], "\n"); x.Para != want {
				t.Fatalf("para %d, want %d", x.Para, want)
			}
			prev = x.End
		}
	})
}

func BenchmarkSplit(b *testing.B) {
	text := strings.Repeat("Secretary of State John F. Kerry told Russian Foreign Minister Sergey Lavrov on "+
		"Sept. 28 that the U.S. would suspend talks. \"We are done,\" he said. Russia disagreed!\n", 20)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Split(text)
	}
}
