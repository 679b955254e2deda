package entity

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// TestLearnWordClasses: words that follow the same words share a class,
// words that follow other words do not, rare words get none, and the
// result does not depend on anything but the corpus.
func TestLearnWordClasses(t *testing.T) {
	var sents [][]string
	for i := 0; i < 30; i++ {
		day := []string{"Monday", "Tuesday", "Friday"}[i%3]
		town := []string{"Leeds", "Derby", "Bristol"}[i%3]
		sents = append(sents,
			strings.Fields(fmt.Sprintf("police said on %s that the fire in %s was out", day, town)),
			strings.Fields(fmt.Sprintf("on %s the mayor of %s spoke", day, town)))
	}
	sents = append(sents, strings.Fields("once upon a time"))
	opts := WordClassOptions{Classes: 4, MinCount: 3, Passes: 10}
	got := LearnWordClasses(sents, opts)
	for _, g := range [][]string{{"Monday", "Tuesday", "Friday"}, {"Leeds", "Derby", "Bristol"}} {
		for _, w := range g[1:] {
			if got[w] != got[g[0]] {
				t.Errorf("%s in class %d, %s in %d", w, got[w], g[0], got[g[0]])
			}
		}
	}
	if got["Monday"] == got["Leeds"] {
		t.Errorf("days and towns share class %d", got["Monday"])
	}
	if _, ok := got["upon"]; ok {
		t.Errorf("a word seen once has a class")
	}
	again := LearnWordClasses(sents, opts)
	for w, c := range got {
		if again[w] != c {
			t.Fatalf("%s: class %d, then %d", w, c, again[w])
		}
	}
	if LearnWordClasses(sents, WordClassOptions{Classes: 1, Passes: 1}) != nil {
		t.Error("one class: want nil")
	}
}

func TestWordClassesRoundTrip(t *testing.T) {
	wc := newWordClasses([]map[string]int{{"Monday": 3, "Leeds": 1}, {"Monday": 200}})
	var buf bytes.Buffer
	if _, err := wc.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := readWordClasses(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		word string
		want []uint16
	}{
		{"Monday", []uint16{4, 201}},
		{"MONDAY", []uint16{4, 201}}, // all capitals read in title case
		{"Leeds", []uint16{2, 0}},
		{"Paris", nil},
		{"monday", nil},
	}
	for _, tc := range tests {
		if got := back.get(tc.word); fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%s: %v, want %v", tc.word, got, tc.want)
		}
	}
	if defaultClasses() == nil || defaultClasses().get("Monday") == nil {
		t.Error("the embedded word classes do not know Monday")
	}
}

func FuzzReadWordClasses(f *testing.F) {
	var buf bytes.Buffer
	newWordClasses([]map[string]int{{"a": 1}}).WriteTo(&buf)
	f.Add(buf.Bytes())
	f.Add([]byte("PXWC1"))
	f.Fuzz(func(t *testing.T, b []byte) {
		wc, err := readWordClasses(bytes.NewReader(b))
		if err == nil && wc == nil {
			t.Fatal("nil classes without an error")
		}
	})
}
