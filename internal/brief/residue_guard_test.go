package brief

import (
	"strings"
	"testing"

	"parallax/internal/eval"
	"parallax/internal/nlp/sentence"
	"parallax/internal/shared"
)

// TestResidueGuards: the literal guards in front of the residue
// expressions change no answer, over every line and sentence of
// dev.jsonl and a table of residue that must be caught.
func TestResidueGuards(t *testing.T) {
	cases := []string{
		"VENICE , Louisiana | Mon May 31 , 2010 7:47 pm EDT",
		"March 21 , 2011 at 5:52 pm | Our role is to help.",
		"Live video of the spill .",
		"Follow us on Twitter @newsdesk",
		"#DallasPoliceShooting pic.twitter.com/abc",
		"See HTTP://EXAMPLE.COM for more",
		"(Photo: Reuters) Crews at work",
		"AP Photo of the scene",
		"Copyright 2010 . All Rights Reserved .",
		"By Jane Doe, Associated Press Writer",
		"Posted 12:30 GMT",
		"The well was capped on July 15 after 87 days.",
	}
	checked, caught := 0, 0
	check := func(s string) {
		checked++
		if got, want := residue(s), residueExpr(s); got != want {
			t.Errorf("residue(%q) = %v, the plain expressions say %v", s, got, want)
		} else if got {
			caught++
		}
	}
	for _, c := range cases {
		check(c)
	}
	for _, f := range []string{"dev.jsonl"} {
		set, err := eval.ReadClusterSet(shared.TestData(t, "cluster", f))
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range set.Articles {
			for _, line := range strings.Split(a.Text, "\n") {
				check(line)
				for _, s := range sentence.Split(line) {
					check(s.Text)
				}
			}
		}
	}
	if caught == 0 {
		t.Fatal("no residue caught: the comparison proves nothing")
	}
	t.Logf("%d lines and sentences, %d residue, the same answers", checked, caught)
}
