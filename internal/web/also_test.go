package web_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"parallax/internal/model"
	"parallax/internal/web"
)

// TestRoundupInSeveralStories: a roundup placed in its own story and, by
// its school section, in another is listed under both as a roundup; its
// page shows the part about the story it is opened from (?story=, else
// its own) and links to the other; the API gives its placements.
func TestRoundupInSeveralStories(t *testing.T) {
	st := newTestStore(t)
	seed(t, st)
	ctx := context.Background()
	bridge := "Bridge news\nThe Elm Street bridge stays shut while engineers test the piers.\n"
	school := "School news <i>\nThe school board vote was moved again.\n"
	r := model.Article{ID: "r1", URL: "https://digest.example/tuesday", Source: "Daily Digest", Title: "Tuesday roundup",
		Published: day(6), Language: "en", ContentHash: "h-roundup", Text: bridge + school}
	mustAdd(t, st, &r)
	own := model.Placement{StoryID: "s-bridge", EventID: "s-bridge-e1", Passages: []model.Passage{{Start: 0, End: len(bridge)}}}
	also := []model.Placement{{StoryID: "s-pending", EventID: "s-pending-e1", Passages: []model.Passage{{Start: len(bridge), End: len(bridge + school)}}}}
	if err := st.Assign(ctx, "r1", own, also); err != nil {
		t.Fatal(err)
	}
	h := web.NewHandler(st, quietLog())

	for _, tt := range []struct{ story, href string }{
		{"s-bridge", `href="/articles/r1?story=s-bridge"`},
		{"s-pending", `href="/articles/r1?story=s-pending"`},
	} {
		_, page := get(t, h, "GET", "/stories/"+tt.story)
		if n := strings.Count(page, "Roundup: only the part about this story"); n != 1 {
			t.Errorf("story %s marks %d articles as roundups, want 1", tt.story, n)
		}
		if !strings.Contains(page, tt.href) {
			t.Errorf("story %s does not link to its part of the roundup (%s)", tt.story, tt.href)
		}
	}

	for _, tt := range []struct {
		name, target string
		show, hide   []string
		back, other  string
	}{
		{"OwnStory", "/articles/r1", []string{"The Elm Street bridge stays shut"}, []string{"school board"},
			`href="/stories/s-bridge"`, `href="/stories/s-pending"`},
		{"ExtraStory", "/articles/r1?story=s-pending", []string{"The school board vote was moved again.", "School news &lt;i&gt;"},
			[]string{"Elm Street bridge stays shut", "<i>"}, `href="/stories/s-pending"`, `href="/stories/s-bridge"`},
		{"UnknownStory", "/articles/r1?story=nope", []string{"The Elm Street bridge stays shut"}, []string{"school board"},
			`href="/stories/s-bridge"`, `href="/stories/s-pending"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res, page := get(t, h, "GET", tt.target)
			if res.StatusCode != 200 {
				t.Fatalf("status %d", res.StatusCode)
			}
			for _, want := range append(tt.show, "Roundup: only the part about this story", "Also in") {
				if !strings.Contains(page, want) {
					t.Errorf("page lacks %q", want)
				}
			}
			for _, not := range tt.hide {
				if strings.Contains(page, not) {
					t.Errorf("page shows %q, outside the part shown", not)
				}
			}
			back := `<a href="` + strings.TrimPrefix(tt.back, `href="`)
			if !strings.Contains(page, back+`>← Back to the story`) {
				t.Errorf("back link is not %s", tt.back)
			}
			if !strings.Contains(page, tt.other) {
				t.Errorf("page does not link to the other story (%s)", tt.other)
			}
		})
	}

	_, js := get(t, h, "GET", "/api/v1/articles/r1")
	var a model.Article
	if err := json.Unmarshal([]byte(js), &a); err != nil {
		t.Fatal(err)
	}
	if a.StoryID != "s-bridge" || len(a.Also) != 1 || a.Also[0].StoryID != "s-pending" || a.Also[0].Passages[0].Start != len(bridge) {
		t.Errorf("article API: story %q also %+v; want s-bridge also s-pending from byte %d", a.StoryID, a.Also, len(bridge))
	}
	_, js = get(t, h, "GET", "/api/v1/stories/s-pending")
	var s struct {
		Articles []struct {
			ID       string          `json:"id"`
			Passages []model.Passage `json:"passages"`
		} `json:"articles"`
	}
	if err := json.Unmarshal([]byte(js), &s); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, x := range s.Articles {
		if x.ID == "r1" {
			found = len(x.Passages) == 1 && x.Passages[0] == also[0].Passages[0]
		}
	}
	if !found {
		t.Errorf("story API of s-pending lacks r1 with its school passages: %s", js)
	}

	// Merged away: a link to the old story leads to where the part went.
	if _, err := st.MergeStory(ctx, "s-pending", "s-bridge"); err != nil {
		t.Fatal(err)
	}
	_, page := get(t, h, "GET", "/articles/r1?story=s-pending")
	for _, want := range []string{"The Elm Street bridge stays shut", "The school board vote was moved again."} {
		if !strings.Contains(page, want) {
			t.Errorf("after the merge, the page lacks %q", want)
		}
	}
	if strings.Contains(page, "Also in") {
		t.Error("after the merge the roundup is in one story, but its page lists others")
	}
}
