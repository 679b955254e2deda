package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parallax/internal/shared"
)

// checkPrefilters fails when a prefilter says no to a line its
// expression matches, or a count differs.
func checkPrefilters(t *testing.T, line string) {
	t.Helper()
	l := lower(line)
	for name, g := range map[string]*guarded{"credit": creditG, "boilerWord": boilerWordG, "boilerAny": boilerAnyG} {
		if got, want := g.MatchString(line, l), g.re.MatchString(line); got != want {
			t.Fatalf("%s on %q: guarded %v, expression %v", name, line, got, want)
		}
		if got, want := g.count(line, l, 8), len(g.re.FindAllStringIndex(line, 8)); got != want {
			t.Fatalf("%s count on %q: guarded %d, expression %d", name, line, got, want)
		}
	}
	if bylineRe.MatchString(line) && !startsBy(line) {
		t.Fatalf("byline %q matches without starting with by", line)
	}
}

// TestPrefilters: on every line of the scraped-text development pages,
// and on lines written to hit each alternative, the guarded expressions
// say what the expressions say.
func TestPrefilters(t *testing.T) {
	for _, line := range prefilterSeeds {
		checkPrefilters(t, line)
	}
	dir := shared.TestData(t, "extract", "dev-text")
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no dev-text pages in %s: %v", dir, err)
	}
	n := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			checkPrefilters(t, strings.TrimSpace(line))
			n++
		}
	}
	t.Logf("%d lines agree", n)
}

var prefilterSeeds = []string{
	"© 2024 The Times", "Photo: AP", "PHOTOGRAPHS BY Jane Doe", "Image credit: NASA", "Getty Images",
	"John Smith / Reuters", "John Smith/AP", "(c) Reuters", "FILE PHOTO: a man", "Smith, AFP",
	"We use COOKIES", "Sign up for our Newsletter", "All Rights Reserved.", "Terms of Service", "Donations welcome",
	"Support us on Patreon", "Tax-deductible", "Unsubscribe", "Share this story", "Click here", "Opens in new window",
	"Most Read", "Read more", "5 min read", "Follow @us", "Related Articles", "Popular Posts",
	"ADVERTISEMENT", "The views and opinions expressed here", "do not necessarily reflect", "This website uses cookies",
	"By continuing to use this site", "Related: more", "Read more: here", "Popular posts from this blog",
	"By John Smith", "by Jane and John Doe", "ſubscribe now", "\u212aookies", "Plain news sentence about the mayor.",
	"", "/", "photo", "ap photo", "Copyright", "Follow us on Twitter",
}

func FuzzPrefilter(f *testing.F) {
	for _, s := range prefilterSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		checkPrefilters(t, line)
	})
}
