package web_test

import (
	"regexp"
	"strings"
	"testing"

	"parallax/internal/web/webtest"
)

// TestChromiumStoryPictures: the story page, rendered by headless
// Chromium from a running server, holds its three pictures as SVG, each
// named by a <title> and a <desc> it points to, with axis labels, and
// offers the story's feeds to feed readers.
func TestChromiumStoryPictures(t *testing.T) {
	st := newTestStore(t)
	seed(t, st)
	base := startServer(t, st)
	dom := webtest.Chromium(t, base+"/stories/s-bridge")
	svgs := regexp.MustCompile(`(?s)<svg [^>]*>.*?</svg>`).FindAllString(dom, -1)
	if len(svgs) != 3 {
		t.Fatalf("%d pictures in the rendered page, want 3", len(svgs))
	}
	wants := map[string][]string{
		"coverage-chart": {"Coverage over time", "3 dated articles from 3 Mar 2024 to 5 Mar 2024, per day", "articles per day", ">date<",
			"<title>3 Mar 2024: 1 article</title>"},
		"timeline-chart": {"<title id=\"timeline-chart-t\">Timeline</title>", "2 dated facts on 2 dates", "3 March 2024", "1. 3 March 2024: The bridge is closed."},
		"facts-chart": {"Which outlet reports which fact", "1 fact reported by several outlets (rows) against the 3 outlets", "City Wire", "Harbor Times", "Valley Post",
			"The bridge is closed. — reported by City Wire, Harbor Times, Valley Post"},
	}
	for _, svg := range svgs {
		id := regexp.MustCompile(`id="([a-z-]+)"`).FindStringSubmatch(svg)[1]
		if !strings.Contains(svg, `role="img"`) || !strings.Contains(svg, `aria-labelledby="`+id+`-t `+id+`-d"`) ||
			!strings.Contains(svg, `<title id="`+id+`-t">`) || !strings.Contains(svg, `<desc id="`+id+`-d">`) {
			t.Errorf("%s is not labelled: %.300s", id, svg)
		}
		for _, want := range wants[id] {
			if !strings.Contains(svg, want) {
				t.Errorf("%s lacks %q", id, want)
			}
		}
		delete(wants, id)
	}
	if len(wants) > 0 {
		t.Errorf("pictures missing: %v", wants)
	}
	if !strings.Contains(dom, `<link rel="alternate" type="application/atom+xml" title="Follow this story (Atom)" href="/stories/s-bridge.atom">`) {
		t.Error("the rendered page does not offer the story's Atom feed")
	}
}
