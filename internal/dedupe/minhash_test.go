package dedupe

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

func paragraph(seed int, n int) string {
	var b strings.Builder
	r := rand.New(rand.NewPCG(uint64(seed), 1))
	for range n {
		fmt.Fprintf(&b, "w%d ", r.IntN(1000))
	}
	return b.String()
}

func TestNearIndex(t *testing.T) {
	ix := NewNearIndex(NearOptions{})
	orig := paragraph(1, 200)
	ix.Add("orig", ix.Signature(orig))
	ix.Add("other", ix.Signature(paragraph(2, 200)))
	tests := []struct {
		name string
		text string
		want string
	}{
		{"Identical", orig, "orig"},
		{"Boilerplate", "Copyright The Wire. All rights reserved.\n" + orig + "\nFollow us on social media for more local news and weather.", "orig"},
		{"Edited", strings.Replace(strings.Replace(orig, " w", " zz", 1), " w", " yy", 1), "orig"},
		{"Unrelated", paragraph(3, 200), ""},
		{"TooShort", "just a few words here", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id, _, ok := ix.Find(ix.Signature(tt.text))
			if (tt.want == "") == ok || id != tt.want {
				t.Errorf("Find = %q, %v; want %q", id, ok, tt.want)
			}
		})
	}
	if ix.Len() != 2 {
		t.Errorf("Len = %d", ix.Len())
	}
	a, b := ix.Signature(orig), ix.Signature(orig)
	if a.Jaccard(b) != 1 || a.Overlap(b) != 1 {
		t.Errorf("a signature is not stable: %v %v", a.Jaccard(b), a.Overlap(b))
	}
}
