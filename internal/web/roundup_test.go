package web_test

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"parallax/internal/model"
	"parallax/internal/web"
)

// TestRoundupPages: a roundup article is listed under its story with a
// note, and its page shows only the passages about the story (escaped).
func TestRoundupPages(t *testing.T) {
	st := newTestStore(t)
	seed(t, st)
	on := "Bridge news <b>\nThe Elm Street bridge stays shut while engineers test the piers.\n"
	off := "School news\nThe school board vote was moved again.\n"
	r := model.Article{ID: "r1", URL: "https://digest.example/tuesday", Source: "Daily Digest", Title: "Tuesday roundup",
		Published: day(6), Language: "en", ContentHash: "h-roundup", Text: on + off}
	mustAdd(t, st, &r)
	if err := st.Assign(context.Background(), "r1", model.Placement{StoryID: "s-bridge", EventID: "s-bridge-e1", Passages: []model.Passage{{Start: 0, End: len(on)}}}, nil); err != nil {
		t.Fatal(err)
	}
	h := web.NewHandler(st, quietLog())

	_, story := get(t, h, "GET", "/stories/s-bridge")
	if n := strings.Count(story, "Roundup: only the part about this story"); n != 1 {
		t.Errorf("story page marks %d articles as roundups, want 1:\n%s", n, story)
	}
	res, page := get(t, h, "GET", "/articles/r1")
	if res.StatusCode != 200 {
		t.Fatalf("roundup article page: status %d", res.StatusCode)
	}
	for _, want := range []string{"Roundup: only the part about this story", "The Elm Street bridge stays shut", "Bridge news &lt;b&gt;"} {
		if !strings.Contains(page, want) {
			t.Errorf("roundup page lacks %q:\n%s", want, page)
		}
	}
	for _, not := range []string{"school board", "School news", "<b>"} {
		if strings.Contains(page, not) {
			t.Errorf("roundup page shows %q, outside its passages", not)
		}
	}
	_, plain := get(t, h, "GET", "/articles/a1")
	if strings.Contains(plain, "Roundup:") {
		t.Error("an ordinary article is marked as a roundup")
	}
	_, js := get(t, h, "GET", "/api/v1/stories/s-bridge")
	if !regexp.MustCompile(`"passages":\s*\[\s*\{\s*"start":\s*0,\s*"end":\s*\d+\s*\}\s*\]`).MatchString(js) {
		t.Errorf("story API does not give the roundup's passages: %s", js)
	}
}
