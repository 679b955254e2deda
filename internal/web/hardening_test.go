package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"parallax/internal/model"
	"parallax/internal/web"
)

// TestStaticNoListing: /static/ serves its files but lists no directory
// (#19.8).
func TestStaticNoListing(t *testing.T) {
	h := web.NewHandler(newTestStore(t), quietLog())
	for _, target := range []string{"/static/", "/static"} {
		res, body := get(t, h, "GET", target)
		if strings.Contains(body, "style.css") {
			t.Errorf("GET %s lists the directory: %d %.200s", target, res.StatusCode, body)
		}
		if res.StatusCode != http.StatusNotFound && res.StatusCode/100 != 3 {
			t.Errorf("GET %s = %d, want 404 (or a redirect to it)", target, res.StatusCode)
		}
	}
	if res, _ := get(t, h, "GET", "/static/"); res.StatusCode != http.StatusNotFound {
		t.Errorf("GET /static/ = %d, want 404", res.StatusCode)
	}
	if res, body := get(t, h, "GET", "/static/style.css"); res.StatusCode != http.StatusOK || body == "" {
		t.Errorf("GET /static/style.css = %d", res.StatusCode)
	}
}

// TestUnknownDates: an article without a date has "published": null in
// every API answer and no year 1 on any page (#19.6).
func TestUnknownDates(t *testing.T) {
	st := newTestStore(t)
	ctx := context.Background()
	a := model.Article{ID: "nodate", URL: "https://e.example/x", Source: "E", Title: "Undated report", ContentHash: "hz",
		Text: "A report without a date."}
	mustAdd(t, st, &a)
	if err := st.Assign(ctx, a.ID, model.Placement{StoryID: "s-nodate", EventID: "e1"}, nil); err != nil {
		t.Fatal(err)
	}
	h := web.NewHandler(st, quietLog())
	for _, target := range []string{"/api/v1/articles/nodate", "/api/v1/stories", "/api/v1/stories/s-nodate",
		"/articles/nodate", "/stories/s-nodate", "/"} {
		res, body := get(t, h, "GET", target)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("GET %s = %d", target, res.StatusCode)
		}
		if strings.Contains(body, "0001-01-01") || strings.Contains(body, "Jan 0001") || strings.Contains(body, "0001</") {
			t.Errorf("GET %s shows the zero time: %.300s", target, body[max(0, strings.Index(body, "0001")-100):])
		}
	}
	_, body := get(t, h, "GET", "/api/v1/articles/nodate")
	var got map[string]any
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err)
	}
	if v, ok := got["published"]; !ok || v != nil {
		t.Errorf("article published = %v (present %v), want null", v, ok)
	}
	if got["id"] != "nodate" || got["title"] != "Undated report" {
		t.Errorf("article fields lost: %v", got)
	}
	_, body = get(t, h, "GET", "/api/v1/stories/s-nodate")
	if !strings.Contains(strings.ReplaceAll(body, " ", ""), `"published":null`) {
		t.Errorf("story article list: want published null: %.300s", body)
	}
}

// TestEveryValidIDViewable: ids the shared validation accepts (which is
// what ingest and the store accept) are answered, ids it refuses are
// "invalid id" (#19.3).
func TestEveryValidIDViewable(t *testing.T) {
	st := newTestStore(t)
	ids := []string{"a/b", "Zürich-1", strings.Repeat("x", model.MaxIDLen), "50%", "q?x=1", "#frag"}
	for _, id := range ids {
		if model.CheckID(id) != nil {
			t.Fatalf("CheckID refuses %q", id)
		}
		a := model.Article{ID: id, Title: "T", ContentHash: "c" + id, Text: "Body " + id}
		mustAdd(t, st, &a)
	}
	h := web.NewHandler(st, quietLog())
	for _, id := range ids {
		for _, base := range []string{"/articles/", "/api/v1/articles/"} {
			res, body := get(t, h, "GET", base+url.PathEscape(id))
			if res.StatusCode != http.StatusOK || !strings.Contains(body, "Body ") {
				t.Errorf("GET %s%s = %d", base, url.PathEscape(id), res.StatusCode)
			}
		}
	}
	for _, id := range []string{"a\x00b", strings.Repeat("x", 5000), "a b"} {
		if model.CheckID(id) == nil {
			t.Fatalf("CheckID accepts %q", id)
		}
		res, body := get(t, h, "GET", "/articles/"+url.PathEscape(id))
		if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "invalid id") {
			t.Errorf("GET invalid id %.20q = %d", id, res.StatusCode)
		}
		if _, _, err := st.AddArticle(context.Background(), &model.Article{ID: id, ContentHash: "z" + id[:1], Text: "x"}); err == nil {
			t.Errorf("store accepted id %.20q", id)
		}
	}
}
