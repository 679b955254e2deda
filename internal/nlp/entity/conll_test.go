package entity

import (
	"errors"
	"strings"
	"testing"
)

func TestReadCoNLL(t *testing.T) {
	tests := []struct {
		name, in  string
		docs      int
		sentences []int // per document
		err       error
	}{
		{"TwoDocs", "-DOCSTART- O\n\nA B-PER\nb O\n\nC O\n\n-DOCSTART- O\n\nD I-LOC\n", 2, []int{2, 1}, nil},
		{"NoDocstart", "A O\nB O\n\n\n\nC B-ORG\n", 1, []int{2}, nil},
		{"FourColumns", "EU NNP B-NP B-ORG\nrejects VBZ B-VP O\n", 1, []int{1}, nil},
		{"Empty", "", 0, nil, nil},
		{"OneColumn", "A O\nB\n", 0, nil, ErrCoNLL},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			docs, err := ReadCoNLL(strings.NewReader(tc.in))
			if !errors.Is(err, tc.err) {
				t.Fatalf("err %v, want %v", err, tc.err)
			}
			if err != nil {
				return
			}
			if len(docs) != tc.docs {
				t.Fatalf("%d documents, want %d", len(docs), tc.docs)
			}
			for i, d := range docs {
				if len(d.Sentences) != tc.sentences[i] {
					t.Errorf("document %d: %d sentences, want %d", i, len(d.Sentences), tc.sentences[i])
				}
				for _, s := range d.Sentences {
					if len(s.Tokens) != len(s.Tags) {
						t.Errorf("tokens %v, tags %v", s.Tokens, s.Tags)
					}
				}
			}
		})
	}
}

func FuzzReadCoNLL(f *testing.F) {
	for _, s := range []string{"-DOCSTART- O\n\nA B-PER\n\n", "x y z\n\n\n", "A\n", "\xff B-LOC\r\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		docs, err := ReadCoNLL(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, d := range docs {
			for _, x := range d.Sentences {
				if len(x.Tokens) == 0 || len(x.Tokens) != len(x.Tags) {
					t.Fatalf("bad sentence %+v", x)
				}
				labels := bilou(x.Tags)
				for i := 1; i < len(labels); i++ {
					if !allowed(labels[i-1], labels[i]) {
						t.Fatalf("bilou(%v) = %v: %d after %d", x.Tags, labels, labels[i], labels[i-1])
					}
				}
			}
		}
	})
}

func TestSegment(t *testing.T) {
	text := "“Mr. Hayward’s plan won’t work,” said the U.S. envoy—again. Workers’ pay fell (sharply).\nNew line: done\n``Yes,'' he said. BP 's chief , Syria ’s envoy ."
	want := [][]string{
		{"\"", "Mr.", "Hayward", "'s", "plan", "wo", "n't", "work", ",", "\"", "said", "the", "U.S.", "envoy", "--", "again", "."},
		{"Workers", "'", "pay", "fell", "(", "sharply", ")", "."},
		{"New", "line", ":", "done"},
		{"\"", "Yes", ",", "\"", "he", "said", "."},
		{"BP", "'s", "chief", ",", "Syria", "'s", "envoy", "."}, // PTB-tokenised: the clitic is one token
	}
	got := segment(text)
	if len(got) != len(want) {
		t.Fatalf("%d sentences, want %d: %+v", len(got), len(want), got)
	}
	for i, s := range got {
		var ws []string
		for _, sp := range s {
			ws = append(ws, sp.Text)
			if sp.Start >= sp.End || sp.End > len(text) {
				t.Errorf("bad span %+v", sp)
			}
		}
		if strings.Join(ws, " ") != strings.Join(want[i], " ") {
			t.Errorf("sentence %d:\n got %q\nwant %q", i, ws, want[i])
		}
	}
}
