package cluster

import (
	"strings"
	"testing"
)

// FuzzCountWords checks the byte-by-byte word count against
// strings.Fields, with and without a limit.
func FuzzCountWords(f *testing.F) {
	for _, s := range []string{"", "one", " two  words ", "Zürich\u00a0and\u2003Genève\n", "a\tb\vc\fd\re\nf", "\xff\xfe x"} {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, s string, limit int) {
		want := len(strings.Fields(s))
		if got := countWords(s); got != want {
			t.Fatalf("countWords(%q) = %d, want %d", s, got, want)
		}
		if limit < 0 {
			return
		}
		if got := countWordsUpTo(s, limit); got != min(want, limit) {
			t.Fatalf("countWordsUpTo(%q, %d) = %d, want %d", s, limit, got, min(want, limit))
		}
	})
}
