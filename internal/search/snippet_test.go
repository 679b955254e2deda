package search

import (
	"strings"
	"testing"
)

func TestSnippet(t *testing.T) {
	q, err := Parse(`spill person:"thad allen"`)
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("filler ", 100) + "the oil spills reached the coast, said Thad Allen. " + strings.Repeat("more ", 100)
	tests := []struct {
		name, text, want string
		cut              bool
	}{
		{"AroundMatch", long, "oil spills reached", true},
		{"NoMatchStart", "nothing here at all", "nothing here at all", false},
		{"Empty", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Snippet(tt.text, q)
			if !strings.Contains(got, tt.want) {
				t.Errorf("Snippet = %q, want it to hold %q", got, tt.want)
			}
			if n := len(strings.Fields(got)); n > SnippetWords+2 {
				t.Errorf("Snippet has %d words", n)
			}
			if tt.cut != strings.HasPrefix(got, "…") {
				t.Errorf("Snippet = %q: cut at the start = %v, want %v", got, !tt.cut, tt.cut)
			}
		})
	}
}

func TestHighlight(t *testing.T) {
	q, err := Parse(`spill allen`)
	if err != nil {
		t.Fatal(err)
	}
	got := Highlight("The spills, said Allen <b>", q)
	var b strings.Builder
	for _, f := range got {
		if f.Match {
			b.WriteString("[" + f.Text + "]")
		} else {
			b.WriteString(f.Text)
		}
	}
	if want := "The [spills,] said [Allen] <b>"; b.String() != want {
		t.Errorf("Highlight = %q, want %q", b.String(), want)
	}
}
