package web_test

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"parallax/internal/model"
	"parallax/internal/store"
	"parallax/internal/web"
)

const xss = `<script>alert(1)</script>`

// firstPartyScript is the one script tag a page may carry (layout.html).
const firstPartyScript = `<script src="/static/keys.js" defer></script>`

// seedHostile stores articles and a brief whose every field carries a
// script tag, plus an article whose URL is a javascript: URL.
func seedHostile(t *testing.T, st store.Store) []string {
	t.Helper()
	ctx := context.Background()
	storyID := "s" + xss
	arts := []model.Article{
		{ID: "x1" + xss, URL: "https://evil.example/" + xss, Source: xss, Title: xss, Byline: xss,
			Language: xss, Published: day(1), ContentHash: "x1", Text: xss + "\nsecond " + xss},
		{ID: "x2", URL: "javascript:alert(1)", Source: "Other " + xss, Title: "t" + xss, Published: day(2),
			ContentHash: "x2", Text: "plain"},
		{ID: "x3", URL: " JavaScript:alert(1)//https://ok.example", Source: "Third", Title: "third" + xss, Published: day(3),
			ContentHash: "x3", Text: "plain"},
	}
	for i := range arts {
		mustAdd(t, st, &arts[i])
		if err := st.Assign(ctx, arts[i].ID, model.Placement{StoryID: storyID, EventID: "e" + xss}, nil); err != nil {
			t.Fatal(err)
		}
	}
	ids := []string{arts[0].ID, "x2", "x3", "missing" + xss}
	b := model.Brief{
		Title:    xss,
		Summary:  []model.SummaryItem{{Text: xss, Sources: ids}},
		Timeline: []model.TimelineItem{{Date: xss, Precision: xss, Text: xss, Sources: ids}},
		Entities: []model.Entity{{Name: xss, Type: xss, Aliases: []string{xss}, Sources: ids},
			{Name: "Person " + xss, Type: "PERSON", Aliases: []string{xss}, Sources: ids}},
		Quotes:       []model.Quote{{Speaker: xss, Text: xss, Source: ids[0]}, {Speaker: xss, Text: xss, Source: ids[3]}},
		Consensus:    []model.Fact{{Text: xss, Sources: ids}},
		SingleSource: []model.Claim{{Text: xss, Source: ids[0]}},
		Framing: []model.OutletFraming{{Source: xss, Articles: ids, Loaded: []string{xss},
			Speakers: []string{xss}}},
	}
	if err := st.SaveBrief(ctx, storyID, &b); err != nil {
		t.Fatal(err)
	}
	paths := []string{"/", "/stories/" + url.PathEscape(storyID), "/api/v1/stories",
		"/api/v1/stories/" + url.PathEscape(storyID)}
	for _, a := range arts {
		paths = append(paths, "/articles/"+url.PathEscape(a.ID), "/api/v1/articles/"+url.PathEscape(a.ID))
	}
	for _, part := range []string{"articles", "entities", "quotes"} {
		paths = append(paths, "/stories/"+url.PathEscape(storyID)+"/"+part, "/api/v1/stories/"+url.PathEscape(storyID)+"/"+part)
	}
	for _, p := range []string{"/entities/person/" + url.PathEscape("Person "+xss), "/entities/person/" + url.PathEscape(xss),
		"/outlets/" + url.PathEscape(xss), "/outlets/" + url.PathEscape("Other "+xss)} {
		paths = append(paths, p, "/api/v1"+p)
	}
	paths = append(paths, "/?"+url.Values{"outlet": {xss}, "entity": {xss}, "after": {"2024-03-01"}}.Encode())
	return append(paths, "/stories/"+url.PathEscape(xss), "/?page="+url.QueryEscape(xss))
}

func TestNoScriptInjection(t *testing.T) {
	st := newTestStore(t)
	paths := seedHostile(t, st)
	h := web.NewHandler(st, quietLog())
	jsHref := regexp.MustCompile(`(?i)(href|src)\s*=\s*"\s*(javascript|data|vbscript):`)
	for _, p := range paths {
		t.Run(p, func(t *testing.T) {
			res, body := get(t, h, "GET", p)
			if strings.Contains(strings.ToLower(strings.Replace(body, firstPartyScript, "", 1)), "<script") {
				t.Errorf("raw script tag in %s:\n%s", p, body)
			}
			if m := jsHref.FindString(body); m != "" {
				t.Errorf("script URL became a link in %s: %s", p, m)
			}
			if strings.Contains(body, "ZgotmplZ") {
				t.Errorf("an unsafe value reached a URL attribute in %s", p)
			}
			if res.StatusCode == 200 && strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") &&
				!strings.Contains(body, "&lt;script&gt;") {
				t.Errorf("hostile text not shown escaped in %s", p)
			}
		})
	}
}
