package stem

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"parallax/internal/shared"
)

// TestPorterTable checks hand-picked words against stems that NLTK 3.8
// produced (testdata/porter.tsv).
func TestPorterTable(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "porter.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		word, want, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("bad line %q", line)
		}
		n++
		if got := Porter(word); got != want {
			t.Errorf("Porter(%q) = %q, want %q", word, got, want)
		}
	}
	if n < 200 {
		t.Fatalf("only %d words in the table", n)
	}
}

// TestPorterCases covers edge cases; expected stems come from NLTK 3.8.
func TestPorterCases(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"Empty", "", ""},
		{"Short", "is", "is"},
		{"UpperLowered", "Running", "run"},
		{"PoolOnlyForExactWord", "News", "new"},
		{"NonASCII", "cafés", "café"},
		{"NonASCIIShort", "éé", "éé"},
		{"YRun", "yyyyying", "yyyi"},
		{"YAfterVowel", "bayyyed", "bayi"},
		{"LiteralStarD", "ba*ded", "bad"},
		{"UpperNonASCII", "ÉTATS", "état"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Porter(tt.in); got != tt.want {
				t.Errorf("Porter(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// nltkScript tokenizes like the reference scorer (\w+, lower) and prints
// "token<TAB>stem" for every distinct token of the JSON file argv[1].
const nltkScript = `
import json, re, sys
from nltk.stem.porter import PorterStemmer
p = PorterStemmer()
refs = json.load(open(sys.argv[1]))
seen = set()
for texts in refs.values():
    for s in texts:
        for t in re.findall(r"\w+", s):
            t = t.lower()
            if t not in seen:
                seen.add(t)
                print(t + "\t" + p.stem(t))
`

// TestPorterAgainstNLTK stems every distinct token of the summary
// references with NLTK and with Porter and requires full agreement.
func TestPorterAgainstNLTK(t *testing.T) {
	refs := shared.TestData(t, "summary", "dev", "refs.json")
	const py = "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import nltk").Run(); err != nil {
		t.Skipf("no NLTK at %s: %v", py, err)
	}
	out, err := exec.Command(py, "-c", nltkScript, refs).Output()
	if err != nil {
		t.Fatalf("nltk: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	bad := 0
	for _, line := range lines {
		word, want, _ := strings.Cut(line, "\t")
		if got := Porter(word); got != want {
			bad++
			if bad <= 20 {
				t.Errorf("Porter(%q) = %q, NLTK %q", word, got, want)
			}
		}
	}
	t.Logf("%d/%d distinct tokens agree with NLTK", len(lines)-bad, len(lines))
	if len(lines) < 1000 {
		t.Errorf("only %d tokens: refs.json not read?", len(lines))
	}
}

func FuzzPorter(f *testing.F) {
	for _, s := range []string{"", "a", "running", "yyyy", "ied", "*d", "nationalization", "größer", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		got := Porter(w)
		if utf8.ValidString(w) && !utf8.ValidString(got) {
			t.Fatalf("Porter(%q) = %q: invalid UTF-8", w, got)
		}
		if isASCII(w) && len(got) > len(w)+1 {
			t.Fatalf("Porter(%q) = %q grew", w, got)
		}
	})
}

func BenchmarkPorter(b *testing.B) {
	words := strings.FieldsFunc("The governments announced negotiations on Wednesday, suspending bilateral "+
		"cooperation and relational hopefulness across generalizations of international diplomacy.",
		func(r rune) bool { return !unicode.IsLetter(r) })
	for i := range words {
		words[i] = strings.ToLower(words[i])
	}
	for b.Loop() {
		for _, w := range words {
			Porter(w)
		}
	}
}
