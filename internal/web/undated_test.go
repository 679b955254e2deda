package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"parallax/internal/model"
	"parallax/internal/web"
)

// seedUndated adds a story of three articles without a publication date,
// two of them of unknown outlet, one whose date was read from its text,
// with a brief whose timeline could place nothing.
func seedUndated(t *testing.T) http.Handler {
	t.Helper()
	st := newTestStore(t)
	ctx := context.Background()
	arts := []*model.Article{
		{ID: "u1", Title: "Talks with Russia suspended", ContentHash: "hu1", Text: "The US said on Wednesday it was suspending talks."},
		{ID: "u2", Title: "", ContentHash: "hu2", Text: "Washington pulls out of the talks\nThe talks ended yesterday."},
		{ID: "u3", Source: "ShadowProof", Title: "Geneva talks cut off", ContentHash: "hu3", Text: "The talks were cut off."},
		{ID: "d1", Source: "Harbor Times", Title: "Dated from its stamp", ContentHash: "hd1", Published: day(3),
			PublishedInferred: true, Text: "Published: 3 March 2024\nA text with a stamp."},
	}
	for _, a := range arts {
		mustAdd(t, st, a)
		story := "s-undated"
		if a.ID == "d1" {
			story = "s-dated"
		}
		if err := st.Assign(ctx, a.ID, model.Placement{StoryID: story}, nil); err != nil {
			t.Fatal(err)
		}
	}
	b := &model.Brief{
		Title:        "Talks suspended",
		Summary:      []model.SummaryItem{{Text: "The talks were suspended.", Sources: []string{"u1", "u3"}}},
		Timeline:     []model.TimelineItem{},
		Unplaced:     &model.Unplaced{Articles: 3, Dates: 2, Examples: []string{"Wednesday", "yesterday"}},
		SingleSource: []model.Claim{{Text: "The talks ended yesterday.", Source: "u2"}},
		Consensus:    []model.Fact{{Text: "The talks were cut off.", Sources: []string{"u1", "u2", "u3"}}},
	}
	if err := st.SaveBrief(ctx, "s-undated", b); err != nil {
		t.Fatal(err)
	}
	return web.NewHandler(st, quietLog())
}

// TestUndatedStoryPage: a story without publication dates says
// "undated" (never the day it was stored), counts each article of
// unknown outlet as a source of its own, names such outlets by the
// article's title (never its id), and says what its timeline could not
// place.
func TestUndatedStoryPage(t *testing.T) {
	h := seedUndated(t)
	_, body := get(t, h, "GET", "/stories/s-undated")
	for _, want := range []string{
		`<p class="kicker">3 articles · 3 sources, 2 of unknown outlet · undated</p>`,
		`<th scope="col" class="outlet">“Talks with Russia suspended”, outlet unknown</th>`,
		`<th scope="col" class="outlet">ShadowProof</th>`,
		`<th scope="col" class="outlet">article [2], outlet unknown</th>`, // no title: its number on the page
		`<a href="#timeline">Timeline</a>`,
		`3 articles give no publication date, so 2 dates in them could not be placed (“Wednesday”, “yesterday”). Nothing else in the story could be dated from its text.`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("story page lacks %s", want)
		}
	}
	for _, absent := range []string{"0 outlets", `class="outlet">unknown outlet<`, `class="outlet">u1<`, `class="outlet">u2<`} {
		if strings.Contains(body, absent) {
			t.Errorf("story page has %q", absent)
		}
	}
	_, index := get(t, h, "GET", "/")
	if !strings.Contains(index, "<span>3 sources, 2 of unknown outlet</span>") || !strings.Contains(index, "<span>undated</span>") {
		t.Errorf("index lacks the undated story's sources and dates")
	}
}

// TestInferredDateArticlePage: a date read from the article's own text
// is shown as inferred; an article without one says "undated".
func TestInferredDateArticlePage(t *testing.T) {
	h := seedUndated(t)
	_, body := get(t, h, "GET", "/articles/d1")
	if !strings.Contains(body, `3 Mar 2024</time> <span class="inferred"`) || !strings.Contains(body, ">inferred</span>") {
		t.Errorf("article page does not mark its date inferred")
	}
	_, body = get(t, h, "GET", "/articles/u1")
	if !strings.Contains(body, `<dd class="undated">undated</dd>`) || strings.Contains(body, "inferred") {
		t.Errorf("undated article page does not say undated")
	}
}
