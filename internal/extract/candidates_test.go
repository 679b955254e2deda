package extract

import (
	"os"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestRunReadabilityLeavesTree(t *testing.T) {
	data, err := os.ReadFile("testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	var before strings.Builder
	html.Render(&before, doc)
	c := runReadability(doc, nil)
	if c.text == "" {
		t.Fatal("no text")
	}
	if strings.HasPrefix(c.text, "-") {
		t.Errorf("byline primer in output: %q", c.text[:20])
	}
	var after strings.Builder
	html.Render(&after, doc)
	if before.String() != after.String() {
		t.Error("tree changed")
	}
}
