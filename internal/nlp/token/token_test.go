package token

import (
	"encoding/json"
	"os"
	"os/exec"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"parallax/internal/shared"
)

func TestSpans(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"Empty", "", nil},
		{"Plain", "Kerry met Lavrov.", []string{"Kerry", "met", "Lavrov"}},
		{"Underscore", "snake_case x", []string{"snake_case", "x"}},
		{"Numbers", "2,000 people; 3.5%", []string{"2", "000", "people", "3", "5"}},
		{"Apostrophe", "don't", []string{"don", "t"}},
		{"Unicode", "Größe über naïve café", []string{"Größe", "über", "naïve", "café"}},
		{"Hyphen", "U.S.-Russia", []string{"U", "S", "Russia"}},
		{"CJK", "東京 2016年", []string{"東京", "2016年"}},
		{"Superscript", "x² ½", []string{"x²", "½"}},
		{"Invalid", "a\xffb", []string{"a", "b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, sp := range Spans(tt.in) {
				got = append(got, tt.in[sp.Start:sp.End])
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Spans(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestWords(t *testing.T) {
	got := Words("The U.S. Said NO to Größe")
	want := []string{"the", "u", "s", "said", "no", "to", "größe"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Words = %q, want %q", got, want)
	}
}

func TestIsStop(t *testing.T) {
	for _, w := range []string{"the", "and", "of", "don", "t", "would", "said"} {
		if !IsStop(w) {
			t.Errorf("IsStop(%q) = false", w)
		}
	}
	for _, w := range []string{"syria", "talks", "kerry", "ceasefire", "The"} {
		if IsStop(w) {
			t.Errorf("IsStop(%q) = true", w)
		}
	}
}

func TestTerms(t *testing.T) {
	got := Terms("The governments were negotiating 2,000 ceasefires in 2016's talks.")
	want := []string{"govern", "negoti", "ceasefir", "talk"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Terms = %q, want %q", got, want)
	}
}

// pyTokens prints the scorer's tokens (re \w+, lower) one a line for each
// reference text.
const pyTokens = `
import json, re, sys
refs = json.load(open(sys.argv[1]))
for topic in sorted(refs):
    for s in refs[topic]:
        print(" ".join(t.lower() for t in re.findall(r"\w+", s)))
`

// TestWordsAgainstPython tokenizes the summary references like the
// reference scorer and requires identical tokens.
func TestWordsAgainstPython(t *testing.T) {
	path := shared.TestData(t, "summary", "dev", "refs.json")
	out, err := exec.Command("/usr/bin/python3", "-c", pyTokens, path).Output()
	if err != nil {
		t.Skipf("python3: %v", err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var refs map[string][]string
	if err := json.Unmarshal(data, &refs); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	i := 0
	for _, topic := range sortedKeys(refs) {
		for _, s := range refs[topic] {
			if got := strings.Join(Words(s), " "); got != lines[i] {
				t.Errorf("%s: Words differ from Python\n got %q\nwant %q", topic, got, lines[i])
			}
			i++
		}
	}
	t.Logf("%d reference texts tokenized identically", i)
}

func sortedKeys(m map[string][]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func FuzzSpans(f *testing.F) {
	for _, s := range []string{"", "a b", "Größe über", "a\xffb", "x²_1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, sp := range Spans(s) {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(s) {
				t.Fatalf("bad span %v after %d in %q", sp, prev, s)
			}
			if !utf8.ValidString(s[sp.Start:sp.End]) {
				t.Fatalf("span %v splits a rune in %q", sp, s)
			}
			prev = sp.End
		}
		if len(Words(s)) != len(Spans(s)) {
			t.Fatalf("Words and Spans disagree on %q", s)
		}
		Terms(s)
	})
}

func BenchmarkTerms(b *testing.B) {
	text := strings.Repeat("Secretary of State John Kerry told Russian Foreign Minister Sergey Lavrov on "+
		"Wednesday that the United States would suspend bilateral engagement on Syria. ", 20)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Terms(text)
	}
}
