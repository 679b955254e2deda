package web_test

import (
	"regexp"
	"strings"
	"testing"

	"parallax/internal/web"
)

// TestStoryPageBounded: a story with many articles, entities and quotes
// shows the top of each, says how many there are and links to them all.
func TestStoryPageBounded(t *testing.T) {
	st := newTestStore(t)
	seedBig(t, st)
	res, body := get(t, web.NewHandler(st, quietLog()), "GET", "/stories/"+bigStory)
	if res.StatusCode != 200 {
		t.Fatalf("status %d", res.StatusCode)
	}
	count := func(re string) int { return len(regexp.MustCompile(re).FindAllString(body, -1)) }
	tests := []struct {
		name     string
		got, max int
	}{
		{"Articles", count(`class="title" href=`), 20},
		{"Actors", count(`<span class="name">`), 24},
		{"Quotes", count(`<figure class="quote">`), 10},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got == 0 || tc.got > tc.max {
				t.Errorf("shows %d, want 1..%d", tc.got, tc.max)
			}
		})
	}
	for _, want := range []string{
		`Showing 20 of 130 · <a class="all" href="/stories/s-big/articles">All 130 articles →</a>`,
		`Showing 24 of 120 · <a class="all" href="/stories/s-big/entities">All 120 actors →</a>`,
		`Showing 10 of 110 · <a class="all" href="/stories/s-big/quotes">All 110 quotes →</a>`,
		"Entity 013", // in 7 articles
	} {
		if !strings.Contains(body, want) {
			t.Errorf("story page lacks %q", want)
		}
	}
	if strings.Contains(body, "Entity 007") { // in 1 article
		t.Error("story page shows an entity of one article among the top")
	}
	// Quotes by the speakers in most articles come first, one each.
	var quotes []string
	for _, m := range regexp.MustCompile(`Quote number (\d+)`).FindAllStringSubmatch(body, -1) {
		quotes = append(quotes, m[1])
	}
	if got, want := strings.Join(quotes, " "), "006 020 034 048 062 076 090 104 012 026"; got != want {
		t.Errorf("quotes shown = %s, want %s", got, want)
	}
	if len(body) > 64<<10 {
		t.Errorf("story page is %d bytes, want at most 64 KiB", len(body))
	}
}

// BenchmarkStoryPage renders the big fixture's story page.
func BenchmarkStoryPage(b *testing.B) {
	st := newTestStore(b)
	seedBig(b, st)
	h := web.NewHandler(st, quietLog())
	for b.Loop() {
		if res, _ := get(b, h, "GET", "/stories/"+bigStory); res.StatusCode != 200 {
			b.Fatalf("status %d", res.StatusCode)
		}
	}
}
