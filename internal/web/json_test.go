package web_test

import (
	"context"
	"encoding/json"
	"reflect"
	"sort"
	"strings"
	"testing"

	"parallax/internal/model"
	"parallax/internal/web"
)

// decode unmarshals body into a generic map, failing the test on error.
func decode(t *testing.T, body string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(body), &m); err != nil {
		t.Fatalf("invalid JSON: %v\n%s", err, body)
	}
	return m
}

func keys(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestAPIStoriesShape(t *testing.T) {
	st := newTestStore(t)
	seed(t, st)
	h := web.NewHandler(st, quietLog())
	_, body := get(t, h, "GET", "/api/v1/stories")
	var got struct {
		Stories []model.Story `json:"stories"`
	}
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Stories) != 2 || got.Stories[0].ID != "s-pending" || got.Stories[1].ID != "s-bridge" {
		t.Fatalf("stories = %+v, want s-pending then s-bridge", got.Stories)
	}
	b := got.Stories[1]
	if b.Articles != 3 || b.Outlets != 3 || !b.First.Equal(day(3)) || !b.Last.Equal(day(5)) {
		t.Errorf("s-bridge = %+v", b)
	}
	first := decode(t, body)["stories"].([]any)[0].(map[string]any)
	want := []string{"articles", "first", "id", "last", "outlets", "title"}
	if k := keys(first); !reflect.DeepEqual(k, want) {
		t.Errorf("story keys = %v, want %v", k, want)
	}
	if m := decode(t, body); m["total"] != 2.0 || m["next"] != nil {
		t.Errorf("total = %v, next = %v; want 2 and null", m["total"], m["next"])
	}
}

func TestAPIStoriesEmpty(t *testing.T) {
	h := web.NewHandler(newTestStore(t), quietLog())
	_, body := get(t, h, "GET", "/api/v1/stories")
	if s, ok := decode(t, body)["stories"].([]any); !ok || len(s) != 0 {
		t.Errorf("stories = %v, want []", decode(t, body)["stories"])
	}
}

func TestAPIStoryWithBrief(t *testing.T) {
	st := newTestStore(t)
	seed(t, st)
	_, body := get(t, web.NewHandler(st, quietLog()), "GET", "/api/v1/stories/s-bridge")
	m := decode(t, body)
	want := []string{"articles", "brief_ready", "consensus", "coverage", "entities", "framing", "id", "next", "quotes",
		"single_source", "summary", "timeline", "title", "totals"}
	if k := keys(m); !reflect.DeepEqual(k, want) {
		t.Errorf("keys = %v, want %v", k, want)
	}
	var got struct {
		ID         string `json:"id"`
		BriefReady bool   `json:"brief_ready"`
		model.Brief
		Articles []map[string]any `json:"articles"`
	}
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err)
	}
	if got.ID != "s-bridge" || !got.BriefReady {
		t.Errorf("id = %q brief_ready = %v", got.ID, got.BriefReady)
	}
	// Entities come most salient first: in more articles.
	wantBrief := fixtureBrief
	e := fixtureBrief.Entities
	wantBrief.Entities = []model.Entity{e[2], e[1], e[0]}
	if !reflect.DeepEqual(got.Brief, wantBrief) {
		t.Errorf("brief round trip differs:\n got %+v\nwant %+v", got.Brief, wantBrief)
	}
	wantTotals := map[string]any{"articles": 3.0, "entities": 3.0, "quotes": 1.0}
	if !reflect.DeepEqual(m["totals"], wantTotals) {
		t.Errorf("totals = %v, want %v", m["totals"], wantTotals)
	}
	wantNext := map[string]any{"articles": nil, "entities": nil, "quotes": nil}
	if !reflect.DeepEqual(m["next"], wantNext) {
		t.Errorf("next = %v, want %v", m["next"], wantNext)
	}
	if len(got.Articles) != 3 {
		t.Fatalf("articles = %v", got.Articles)
	}
	wantArt := []string{"id", "published", "source", "title", "url"}
	if k := keys(got.Articles[0]); !reflect.DeepEqual(k, wantArt) {
		t.Errorf("article keys = %v, want %v", k, wantArt)
	}
	if got.Articles[0]["id"] != "a1" || got.Articles[0]["source"] != "Harbor Times" {
		t.Errorf("first article = %v", got.Articles[0])
	}
}

func TestAPIStoryWithoutBrief(t *testing.T) {
	st := newTestStore(t)
	seed(t, st)
	_, body := get(t, web.NewHandler(st, quietLog()), "GET", "/api/v1/stories/s-pending")
	m := decode(t, body)
	for _, k := range []string{"summary", "timeline", "entities", "quotes", "consensus", "single_source", "framing"} {
		arr, ok := m[k].([]any)
		if !ok || len(arr) != 0 {
			t.Errorf("%s = %#v, want []", k, m[k])
		}
	}
	if m["brief_ready"] != false {
		t.Errorf("brief_ready = %v", m["brief_ready"])
	}
	if arts, _ := m["articles"].([]any); len(arts) != 1 {
		t.Errorf("articles = %v", m["articles"])
	}
}

func TestAPIArticle(t *testing.T) {
	st := newTestStore(t)
	seed(t, st)
	_, body := get(t, web.NewHandler(st, quietLog()), "GET", "/api/v1/articles/a1")
	var got model.Article
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err)
	}
	want := fixtureArticles[0]
	if got.ID != want.ID || got.Text != want.Text || got.Title != want.Title || got.Source != want.Source ||
		!got.Published.Equal(want.Published) || got.StoryID != "s-bridge" {
		t.Errorf("article = %+v, want %+v in s-bridge", got, want)
	}
}

// TestAPIArticleHidesInternals: the article API shows no server path
// (origin) nor dedupe key (content_hash), though the store keeps both.
func TestAPIArticleHidesInternals(t *testing.T) {
	st := newTestStore(t)
	a := fixtureArticles[0]
	a.Origin = "/srv/parallax/inbox/secret-name.jsonl:7"
	mustAdd(t, st, &a)
	if stored, err := st.Article(context.Background(), a.ID); err != nil || stored.Origin == "" || stored.ContentHash == "" {
		t.Fatalf("fixture stored without origin or hash: %+v, %v", stored, err)
	}
	_, body := get(t, web.NewHandler(st, quietLog()), "GET", "/api/v1/articles/a1")
	m := decode(t, body)
	for _, k := range []string{"origin", "content_hash"} {
		if _, ok := m[k]; ok {
			t.Errorf("article JSON has %q: %s", k, body)
		}
	}
	if strings.Contains(body, "secret-name") || strings.Contains(body, `"h1"`) {
		t.Errorf("article JSON leaks the origin or hash: %s", body)
	}
	want := []string{"fetched", "id", "lang", "published", "source", "text", "title", "url", "byline"}
	sort.Strings(want)
	if k := keys(m); !reflect.DeepEqual(k, want) {
		t.Errorf("keys = %v, want %v", k, want)
	}
}
