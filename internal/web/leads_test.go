package web_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"parallax/internal/model"
	"parallax/internal/web"
)

// TestUntitledArticleShowsLead: an article without a headline (wire text,
// Timeline17) is shown by its lead sentence wherever a title stands — the
// story page's article list, its "all articles" page, the article page and
// a search result — never as "Untitled article" when its text gives one.
func TestUntitledArticleShowsLead(t *testing.T) {
	st := newTestStore(t)
	seed(t, st)
	ctx := context.Background()
	a := &model.Article{ID: "u1", URL: "https://wire.example/u1", Source: "Wire", Published: day(7), Language: "en",
		ContentHash: "hu1", Text: "By the Wire Staff\nDivers reached the flooded tunnel under the Elm Street bridge on Tuesday . Pumps ran all night . `` We do n't stop , '' a diver said ."}
	mustAdd(t, st, a)
	if err := st.Assign(ctx, "u1", model.Placement{StoryID: "s-bridge", EventID: "s-bridge-e2"}, nil); err != nil {
		t.Fatal(err)
	}
	h := web.NewHandler(st, quietLog())
	// the search snippet of tokenised text reads as written
	if _, body := get(t, h, "GET", "/search?q=diver"); !strings.Contains(body, "“We don&#39;t stop,”") {
		t.Errorf("search snippet not detokenised: %s", body[strings.Index(body, "Pumps"):][:120])
	}
	// so does the article page
	if _, body := get(t, h, "GET", "/articles/u1"); !strings.Contains(body, "“We don&#39;t stop,” a diver said.") {
		t.Errorf("article page not detokenised")
	}
	const lead = "Divers reached the flooded tunnel under the Elm Street bridge on Tuesday."
	for _, path := range []string{"/stories/s-bridge", "/stories/s-bridge/articles", "/articles/u1", "/search?q=divers"} {
		res, body := get(t, h, "GET", path)
		if res.StatusCode != 200 {
			t.Fatalf("%s: status %d", path, res.StatusCode)
		}
		if !strings.Contains(body, lead) {
			t.Errorf("%s does not show the lead %q", path, lead)
		}
		if strings.Contains(body, "Untitled article") {
			t.Errorf("%s shows \"Untitled article\"", path)
		}
	}
}

// TestSearchUndatedUnknownOutlet: a search result for an undated article
// and its story says "undated" (not the day it was stored) and counts its
// source as one of unknown outlet (not "0 outlets"), as the story list does.
func TestSearchUndatedUnknownOutlet(t *testing.T) {
	st := newTestStore(t)
	ctx := context.Background()
	a := &model.Article{ID: "n1", Title: "Talks on the ceasefire are suspended", Language: "en", ContentHash: "hn1",
		Text: "The talks on the ceasefire were suspended, officials said."}
	mustAdd(t, st, a)
	if err := st.Assign(ctx, "n1", model.Placement{StoryID: "s-talks"}, nil); err != nil {
		t.Fatal(err)
	}
	b := &model.Brief{Title: "Ceasefire talks suspended", Summary: []model.SummaryItem{{Text: "The ceasefire talks were suspended.", Sources: []string{"n1"}}}}
	if err := st.SaveBrief(ctx, "s-talks", b); err != nil {
		t.Fatal(err)
	}
	h := web.NewHandler(st, quietLog())
	_, body := get(t, h, "GET", "/search?q=ceasefire")
	for _, want := range []string{"/stories/s-talks", "/articles/n1", "undated", "1 source, outlet unknown"} {
		if !strings.Contains(body, want) {
			t.Errorf("search page lacks %q", want)
		}
	}
	if strings.Contains(body, "0 outlets") || strings.Contains(body, strconv.Itoa(time.Now().Year())) {
		t.Errorf("search page shows 0 outlets or the year it was stored")
	}
}
