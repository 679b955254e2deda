package extract

import (
	"strings"
	"testing"
)

func TestVote(t *testing.T) {
	body := []string{
		"The council voted on Tuesday to close the old bridge to traffic.",
		"Engineers found cracks in two of its supporting piers last month.",
		"Repairs are expected to take at least a year, the mayor said.",
	}
	caption := "A view of the old bridge from the river bank at sunset."
	related := "Read more: ten bridges you should see before you die"
	tests := []struct {
		name  string
		cands []string
		want  []string
		drop  []string
	}{
		{"MajorityKeepsBody", []string{
			strings.Join(body, "\n"),
			strings.Join(append(body[:2:2], related), "\n"),
			strings.Join(body, "\n"),
		}, body, []string{"Read more"}},
		{"OutlierLeftOut", []string{
			strings.Join(body, "\n"),
			caption,
			strings.Join(append([]string{caption}, body...), "\n"),
		}, body, []string{"sunset"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var vs []*voter
			for i, c := range tt.cands {
				vs = append(vs, newVoter(candidate{name: string(rune('a' + i)), text: c}))
			}
			got := vote(vs)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("lost %q in %q", w, got)
				}
			}
			for _, d := range tt.drop {
				if strings.Contains(got, d) {
					t.Errorf("kept %q in %q", d, got)
				}
			}
		})
	}
}

func TestIntersect(t *testing.T) {
	rd := "The council voted to close the bridge.\nEngineers found cracks in two piers.\nAbout the author\nJane Roe covers city hall for the paper since 2010."
	traf := "The council voted to close the bridge.\nEngineers found cracks in two piers."
	want := "The council voted to close the bridge.\nEngineers found cracks in two piers."
	if got := intersect(newVoter(candidate{"rd", rd}), newVoter(candidate{"traf", traf})); got != want {
		t.Errorf("intersect = %q, want %q", got, want)
	}
}
