package web_test

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"parallax/internal/web"
)

var storyTitles = regexp.MustCompile(`class="story-link" href="[^"]*">([^<]*)</a>`)

// listedTitles returns the story titles an index page lists, in order.
func listedTitles(body string) []string {
	var got []string
	for _, m := range storyTitles.FindAllStringSubmatch(body, -1) {
		got = append(got, m[1])
	}
	return got
}

func TestIndexFilters(t *testing.T) {
	st := newTestStore(t)
	seed(t, st) // bridge: 3 articles, 3 outlets, March 3-5, names Ana Ruiz; school (pending brief): Harbor Times, March 6
	h := web.New(st, web.Options{Log: quietLog()})
	const bridge, school = "Elm Street bridge closed after cracks found", "School board vote delayed"
	tests := []struct {
		name, target string
		want         []string
		total        string
	}{
		{"Default", "/", []string{school, bridge}, "2 stories"},
		{"MostArticles", "/?sort=articles", []string{bridge, school}, "2 stories"},
		{"MostOutlets", "/?sort=outlets", []string{bridge, school}, "2 stories"},
		{"Published", "/?sort=published", []string{school, bridge}, "2 stories"},
		{"Outlet", "/?outlet=Valley+Post", []string{bridge}, "1 story match"},
		{"OutletBoth", "/?outlet=Harbor+Times&sort=articles", []string{bridge, school}, "2 stories match"},
		{"Person", "/?entity=Ana+Ruiz&type=person", []string{bridge}, "1 story match"},
		{"Alias", "/?entity=Ruiz", []string{bridge}, "1 story match"},
		{"WrongType", "/?entity=Ana+Ruiz&type=place", nil, "0 stories match"},
		{"MinArticles", "/?min=2", []string{bridge}, "1 story match"},
		{"MinOutlets", "/?min_outlets=4", nil, "0 stories match"},
		{"After", "/?after=2024-03-06", []string{school}, "1 story match"},
		{"Before", "/?before=2024-03-04", []string{bridge}, "1 story match"},
		{"Range", "/?after=2024-03-04&before=2024-03-05", []string{bridge}, "1 story match"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, body := get(t, h, "GET", tc.target)
			if res.StatusCode != 200 {
				t.Fatalf("status = %d", res.StatusCode)
			}
			if got := listedTitles(body); strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("stories = %q, want %q", got, tc.want)
			}
			if !strings.Contains(body, `id="total">`+tc.total+`<`) {
				t.Errorf("total %q not shown", tc.total)
			}
		})
	}
}

func TestIndexFilterErrors(t *testing.T) {
	h := web.New(newTestStore(t), web.Options{Log: quietLog()})
	for _, target := range []string{"/?sort=title", "/?after=yesterday", "/?before=2024-13-01", "/?type=animal",
		"/?min=-1", "/?min_outlets=x", "/api/v1/stories?sort=x", "/api/v1/stories?after=3"} {
		if res, _ := get(t, h, "GET", target); res.StatusCode != 400 {
			t.Errorf("%s: status = %d, want 400", target, res.StatusCode)
		}
	}
}

func TestIndexPagingKeepsFilters(t *testing.T) {
	st := newTestStore(t)
	seed(t, st)
	h := web.New(st, web.Options{Log: quietLog(), PageSize: 1})
	_, body := get(t, h, "GET", "/?outlet=Harbor+Times&sort=articles")
	if !strings.Contains(body, `rel="next" href="/?outlet=Harbor&#43;Times&amp;page=2&amp;sort=articles"`) {
		t.Fatalf("next link lacks the filters:\n%s", body)
	}
	_, body = get(t, h, "GET", "/?outlet=Harbor+Times&page=2&sort=articles")
	if got := listedTitles(body); len(got) != 1 || got[0] != "School board vote delayed" {
		t.Errorf("page 2 = %q", got)
	}
	if !strings.Contains(body, `value="Harbor Times"`) || !strings.Contains(body, `<option value="articles" selected>`) {
		t.Error("the form does not show the filters in use")
	}
	if !strings.Contains(body, `rel="prev" href="/?outlet=Harbor&#43;Times&amp;sort=articles"`) {
		t.Error("prev link lacks the filters")
	}
}

func TestAPIStoriesFilters(t *testing.T) {
	st := newTestStore(t)
	seed(t, st)
	h := web.New(st, web.Options{Log: quietLog()})
	_, body := get(t, h, "GET", "/api/v1/stories?outlet=Harbor+Times&sort=articles&limit=1")
	var out struct {
		Stories []struct{ ID string }
		Total   int
		Next    *string
	}
	if err := json.Unmarshal([]byte(body), &out); err != nil {
		t.Fatal(err)
	}
	if out.Total != 2 || len(out.Stories) != 1 || out.Stories[0].ID != "s-bridge" {
		t.Errorf("got %+v", out)
	}
	if out.Next == nil || *out.Next != "/api/v1/stories?limit=1&offset=1&outlet=Harbor+Times&sort=articles" {
		t.Errorf("next = %v", out.Next)
	}
	_, body = get(t, h, "GET", "/api/v1/stories?entity=Ana+Ruiz&type=person")
	if !strings.Contains(body, `"total": 1`) || !strings.Contains(body, `"id": "s-bridge"`) || !strings.Contains(body, `"next": null`) {
		t.Errorf("entity filter: %s", body)
	}
}

func TestTotalLabel(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{{0, "0 stories"}, {1, "1 story"}, {999, "999 stories"}, {1000, "1,000 stories"}, {1234567, "1,234,567 stories"}}
	for _, tc := range tests {
		if got := web.TotalLabel(tc.n, "story", "stories"); got != tc.want {
			t.Errorf("TotalLabel(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}
