package quote

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// TestAttributionCases runs the cases of testdata/attribution.tsv: each
// text's quotation starting with the given words has the wanted speaker
// ("" for none).
func TestAttributionCases(t *testing.T) {
	f, err := os.Open("testdata/attribution.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		ln := sc.Text()
		if ln == "" || strings.HasPrefix(ln, "#") {
			continue
		}
		c := strings.Split(ln, "\t")
		if len(c) != 4 {
			t.Fatalf("bad line %q", ln)
		}
		n++
		name, text, prefix, want := c[0], strings.ReplaceAll(c[1], `\n`, "\n"), c[2], c[3]
		t.Run(name, func(t *testing.T) {
			for _, q := range Find(text) {
				if strings.HasPrefix(q.Text, prefix) {
					if q.Speaker != want {
						t.Errorf("speaker %q, want %q", q.Speaker, want)
					}
					return
				}
			}
			t.Errorf("no quotation starting %q in %+v", prefix, Find(text))
		})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n < 20 {
		t.Errorf("only %d cases", n)
	}
}
