package web_test

import (
	"encoding/json"
	"fmt"
	"html"
	"net/url"
	"strings"
	"testing"

	"parallax/internal/model"
	"parallax/internal/search"
	"parallax/internal/web"
	"parallax/internal/web/webtest"
)

func TestSearchPage(t *testing.T) {
	st := newTestStore(t)
	seed(t, st)
	h := web.NewHandler(st, quietLog())
	tests := []struct {
		name, query string
		status      int
		contains    []string
		absent      []string
	}{
		{"Help", "", 200, []string{"person:allen", `name="q"`}, []string{"results ("}},
		{"Word", "bridge", 200, []string{"/stories/s-bridge", "/articles/a1", "<mark>bridge</mark>", "results (1 story)"}, nil},
		{"Phrase", `"elm street"`, 200, []string{"/articles/a2", "Elm Street bridge shut"}, []string{"/articles/a3"}},
		{"Exclude", "bridge -cracks", 200, []string{"/articles/a3"}, []string{"/articles/a1", "result-story"}},
		{"Person", "person:ruiz", 200, []string{"/stories/s-bridge"}, []string{"/articles/a2"}},
		{"OutletHost", `bridge outlet:valleypost.example`, 200, nil, []string{"/articles/"}},
		{"OutletName", `bridge outlet:"valley post"`, 200, []string{"/articles/a2"}, []string{"/articles/a1", "/articles/a3"}},
		{"After", "bridge after:2024-03-05", 200, []string{"/articles/a3"}, []string{"/articles/a1"}},
		{"StoryOfArticle", "vote", 200, []string{"/articles/p1", "/stories/s-pending"}, nil},
		{"NoResults", "volcano", 200, []string{"No results for <strong>volcano</strong>"}, nil},
		{"Escaped", `<script>alert(1)</script> bridge`, 200, []string{"&lt;script&gt;"}, []string{"<script>alert"}},
		{"BadDate", "bridge after:soon", 400, []string{"bad date", `value="bridge after:soon"`}, nil},
		{"OnlyExclusion", "-bridge", 400, []string{"nothing to search for"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := get(t, h, "GET", "/search?q="+url.QueryEscape(tt.query))
			if res.StatusCode != tt.status {
				t.Fatalf("status %d, want %d: %s", res.StatusCode, tt.status, body)
			}
			if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src") {
				t.Errorf("CSP = %q", csp)
			}
			for _, s := range tt.contains {
				if !strings.Contains(body, s) {
					t.Errorf("page lacks %q", s)
				}
			}
			for _, s := range tt.absent {
				if strings.Contains(body, s) {
					t.Errorf("page holds %q", s)
				}
			}
		})
	}
}

// searchAPI is the part of /api/v1/search the tests read.
type searchAPI struct {
	Total   int     `json:"total"`
	Next    *string `json:"next"`
	Results []struct {
		Kind, ID, Title, Href string
		Time                  *string
	} `json:"results"`
}

func TestSearchAPI(t *testing.T) {
	st := newTestStore(t)
	seed(t, st)
	h := web.NewHandler(st, quietLog())
	var seen []string
	target := "/api/v1/search?q=" + url.QueryEscape("bridge") + "&limit=2"
	total := -1
	for pages := 0; target != ""; pages++ {
		if pages > 5 {
			t.Fatal("next links do not end")
		}
		res, body := get(t, h, "GET", target)
		if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") {
			t.Fatalf("%s: %d %s", target, res.StatusCode, body)
		}
		var out searchAPI
		if err := json.Unmarshal([]byte(body), &out); err != nil {
			t.Fatal(err)
		}
		if total >= 0 && out.Total != total {
			t.Errorf("total changed between pages: %d, %d", total, out.Total)
		}
		total = out.Total
		for _, r := range out.Results {
			if r.Kind != "story" && r.Kind != "article" || r.ID == "" || r.Title == "" || !strings.HasSuffix(r.Href, r.ID) || r.Time == nil {
				t.Errorf("result %+v", r)
			}
			seen = append(seen, r.Kind+":"+r.ID)
		}
		target = ""
		if out.Next != nil {
			target = *out.Next
		}
	}
	if want := 4; total != want || len(seen) != want { // s-bridge, a1, a2, a3
		t.Errorf("total %d, followed %v; want %d results", total, seen, want)
	}
	for _, bad := range []string{"/api/v1/search", "/api/v1/search?q=x+before:2024-13-01", "/api/v1/search?q=bridge&limit=0"} {
		if res, body := get(t, h, "GET", bad); res.StatusCode != 400 || !strings.Contains(body, `"error"`) {
			t.Errorf("%s: %d %s", bad, res.StatusCode, body)
		}
	}
}

// TestSearchNotCached checks that a search sees an article stored just
// after the same search was answered (lists are cached; search is not).
func TestSearchNotCached(t *testing.T) {
	st := newTestStore(t)
	seed(t, st)
	h := web.New(st, web.Options{Log: quietLog()})
	for i, want := range []string{"0 results", "1 results"} {
		if i == 1 {
			mustAdd(t, st, &model.Article{ID: "z1", Source: "Wire", Title: "Zeppelin lands", Text: "A zeppelin landed.", Published: day(9)})
		}
		_, body := get(t, h, "GET", "/api/v1/search?q=zeppelin")
		var out searchAPI
		if err := json.Unmarshal([]byte(body), &out); err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprintf("%d results", out.Total); got != want {
			t.Errorf("search %d: %s, want %s", i, got, want)
		}
	}
}

func TestSearchPages(t *testing.T) {
	st := newTestStore(t)
	seedMany(t, st, 45)
	h := web.NewHandler(st, quietLog())
	_, body := get(t, h, "GET", "/search?q=number")
	if !strings.Contains(body, "1–20 of 90 results") || !strings.Contains(body, `href="/search?page=2&amp;q=number"`) {
		t.Errorf("first page lacks its count or next link")
	}
	_, body = get(t, h, "GET", "/search?q=number&page=5")
	if !strings.Contains(body, "81–90 of 90") || strings.Contains(body, `rel="next"`) {
		t.Errorf("last page wrong")
	}
	if res, _ := get(t, h, "GET", "/search?q=number&page=6"); res.StatusCode != 404 {
		t.Errorf("page past the last: %d, want 404", res.StatusCode)
	}
}

// TestChromiumSearch renders the search page in headless Chromium for a
// query with each operator, and follows the results' pager.
func TestChromiumSearch(t *testing.T) {
	st := newTestStore(t)
	seed(t, st)
	base := startServer(t, st)
	tests := []struct {
		query string
		wants []string
		not   []string
	}{
		{"bridge", []string{`href="/stories/s-bridge"`, "<mark>bridge</mark>", "follow:"}, nil},
		{`"elm street" -shut`, []string{`href="/articles/a1"`}, []string{`href="/articles/a2"`}},
		{"person:ruiz", []string{"result-story", "Elm Street bridge closed after cracks found"}, []string{"result-article"}},
		{`traffic outlet:"City Wire"`, []string{`href="/articles/a3"`}, []string{`href="/articles/a1"`}},
		{"bridge after:2024-03-05 before:2024-03-06", []string{`href="/articles/a3"`}, []string{`href="/articles/a1"`}},
		{"vote org:council", []string{"No results"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			dom := webtest.Chromium(t, base+"/search?q="+url.QueryEscape(tc.query))
			for _, want := range tc.wants {
				if !strings.Contains(dom, want) {
					t.Errorf("rendered DOM lacks %q", want)
				}
			}
			for _, no := range tc.not {
				if strings.Contains(dom, no) {
					t.Errorf("rendered DOM holds %q", no)
				}
			}
		})
	}
}

// TestSearchCounted checks the answers when the store stops ranking and
// counting: the total says it is a lower bound ("+", total_exact false)
// and the pages end with the ranked matches.
func TestSearchCounted(t *testing.T) {
	st := newTestStore(t)
	seed(t, st)
	h := web.NewHandler(st, quietLog())
	oldRanked, oldCount := search.MaxCandidates, search.MaxCount
	search.MaxCandidates, search.MaxCount = 2, 2 // "bridge": 1 story, 3 articles
	t.Cleanup(func() { search.MaxCandidates, search.MaxCount = oldRanked, oldCount })

	_, body := get(t, h, "GET", "/api/v1/search?q=bridge&limit=2")
	var out struct {
		searchAPI
		Exact bool `json:"total_exact"`
	}
	if err := json.Unmarshal([]byte(body), &out); err != nil {
		t.Fatal(err)
	}
	if out.Total != 3 || out.Exact || out.Next == nil {
		t.Fatalf("first page: total %d exact %v next %v, want 3 (1 story + 2 articles counted), false, a next page", out.Total, out.Exact, out.Next)
	}
	_, body = get(t, h, "GET", *out.Next)
	if err := json.Unmarshal([]byte(body), &out); err != nil {
		t.Fatal(err)
	}
	if len(out.Results) != 1 || out.Next != nil { // 3 ranked: 1 story, 2 articles
		t.Errorf("second page: %d results, next %v; want 1, none", len(out.Results), out.Next)
	}
	if _, page := get(t, h, "GET", "/search?q=bridge"); !strings.Contains(html.UnescapeString(page), "of 3+ results (1 story)") {
		t.Errorf("search page does not say the total is a lower bound:\n%s", page)
	}

	search.MaxCount = 10
	_, body = get(t, h, "GET", "/api/v1/search?q=bridge")
	if err := json.Unmarshal([]byte(body), &out); err != nil {
		t.Fatal(err)
	}
	if out.Total != 4 || !out.Exact {
		t.Errorf("counted in full: total %d exact %v, want 4, true", out.Total, out.Exact)
	}
}
