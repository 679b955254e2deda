package web_test

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"parallax/internal/model"
	"parallax/internal/web"
)

func TestStoryPage(t *testing.T) {
	st := newTestStore(t)
	seed(t, st)
	_, body := get(t, web.NewHandler(st, quietLog()), "GET", "/stories/s-bridge")
	tests := []struct{ name, want string }{
		{"Title", "<h1>Elm Street bridge closed after cracks found</h1>"},
		{"SummaryCitesOutlet", `<a href="/articles/a1" title="Harbor Times">[1]</a><a href="/articles/a2" title="Valley Post">[2]</a>`},
		{"TimelineDay", `<time datetime="2024-03-03">3 March 2024</time>`},
		{"TimelineMonth", `<time datetime="2024-04-01">April 2024</time>`},
		{"ActorsPeople", "<h3>People</h3>"},
		{"ActorsOrgs", "<h3>Organisations</h3>"},
		{"ActorsPlaces", "<h3>Places</h3>"},
		{"Alias", `also Ruiz</span>`},
		{"OtherAlias", `also the council</span>`},
		{"Quote", "<p>Safety comes first.</p>"},
		{"QuoteSpeaker", `<span class="speaker">Ana Ruiz</span>`},
		{"SingleSource", `only <a href="/articles/a3">City Wire</a>`},
		{"MatrixHeader", `<th scope="col" class="outlet">City Wire</th><th scope="col" class="outlet">Harbor Times</th><th scope="col" class="outlet">Valley Post</th>`},
		{"Framing", `<span class="loaded">snarls</span>`},
		{"ArticleLink", `<a class="title" href="/articles/a2">Elm Street bridge shut</a>`},
		{"OriginalLink", `<a href="https://valleypost.example/news/bridge" rel="noopener noreferrer">`},
		{"Stylesheet", `<link rel="stylesheet" href="/static/style.css">`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(body, tc.want) {
				t.Errorf("story page lacks %s", tc.want)
			}
		})
	}
	t.Run("Matrix", func(t *testing.T) {
		// consensus row: all three outlets; single-source row: City Wire only.
		matrix := regexp.MustCompile(`(?s)<table class="matrix">.*?</table>`).FindString(body)
		rows := regexp.MustCompile(`(?s)<tr( class="single")?><th scope="row">(.*?)</th>(.*?)</tr>`).FindAllStringSubmatch(matrix, -1)
		if len(rows) != 2 {
			t.Fatalf("matrix rows = %d, want 2", len(rows))
		}
		marks := func(s string) string {
			return strings.NewReplacer(`<td><span class="mark" title="reports this">●</span></td>`, "X",
				`<td><span class="no" title="does not report this">·</span></td>`, "-").Replace(s)
		}
		if rows[0][1] != "" || rows[0][2] != "The bridge is closed." || marks(rows[0][3]) != "XXX" {
			t.Errorf("consensus row = %q %q %q", rows[0][1], rows[0][2], marks(rows[0][3]))
		}
		if rows[1][1] == "" || rows[1][2] != "Traffic backed up for miles." || marks(rows[1][3]) != "X--" {
			t.Errorf("single row = %q %q %q", rows[1][1], rows[1][2], marks(rows[1][3]))
		}
	})
}

func TestStoryPageWithoutBrief(t *testing.T) {
	st := newTestStore(t)
	seed(t, st)
	_, body := get(t, web.NewHandler(st, quietLog()), "GET", "/stories/s-pending")
	for _, want := range []string{"being written", "School board vote delayed", `href="/articles/p1"`} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	for _, absent := range []string{`id="summary"`, `id="timeline"`, `id="sources"`} {
		if strings.Contains(body, absent) {
			t.Errorf("page without brief has %s", absent)
		}
	}
}

func TestArticlePage(t *testing.T) {
	st := newTestStore(t)
	seed(t, st)
	_, body := get(t, web.NewHandler(st, quietLog()), "GET", "/articles/a1")
	for _, want := range []string{
		"<h1>Old bridge closed after inspection</h1>",
		"<p>The Elm Street bridge was closed on Sunday.</p>",
		"<p>Inspectors found cracks in two piers.</p>",
		"<dd>Harbor Times</dd>", "<dd>Ana Ruiz</dd>", "<dd>en</dd>",
		`<time datetime="2024-03-03">3 Mar 2024</time>`,
		`href="https://harbortimes.example/bridge-closed" rel="noopener noreferrer"`,
		`<a href="/stories/s-bridge">`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("article page lacks %q", want)
		}
	}
}

func TestIndexEmpty(t *testing.T) {
	_, body := get(t, web.NewHandler(newTestStore(t), quietLog()), "GET", "/")
	if !strings.Contains(body, "No stories yet") || !strings.Contains(body, "parallax ingest") {
		t.Errorf("empty index lacks the empty-state text:\n%s", body)
	}
}

func TestIndexPagination(t *testing.T) {
	st := newTestStore(t)
	seedMany(t, st, 5) // story i on day i+1; newest first: 4 3 | 2 1 | 0
	h := web.New(st, web.Options{Log: quietLog(), PageSize: 2})
	tests := []struct {
		name, target string
		stories      []string
		prev, next   bool
	}{
		{"First", "/", []string{"Story number 4", "Story number 3"}, false, true},
		{"Middle", "/?page=2", []string{"Story number 2", "Story number 1"}, true, true},
		{"Last", "/?page=3", []string{"Story number 0"}, true, false},
		{"Beyond", "/?page=9", nil, true, false},
	}
	titles := regexp.MustCompile(`class="story-link" href="[^"]*">([^<]*)</a>`)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, body := get(t, h, "GET", tc.target)
			var got []string
			for _, m := range titles.FindAllStringSubmatch(body, -1) {
				got = append(got, m[1])
			}
			if strings.Join(got, "|") != strings.Join(tc.stories, "|") {
				t.Errorf("stories = %q, want %q", got, tc.stories)
			}
			if has := strings.Contains(body, `rel="prev"`); has != tc.prev {
				t.Errorf("prev link = %v, want %v", has, tc.prev)
			}
			if has := strings.Contains(body, `rel="next"`); has != tc.next {
				t.Errorf("next link = %v, want %v", has, tc.next)
			}
			if tc.stories == nil && !strings.Contains(body, "No stories on page 9") {
				t.Error("page beyond the end lacks its message")
			}
		})
	}
}

func TestIDWithSlash(t *testing.T) {
	st := newTestStore(t)
	a := fixtureArticles[0]
	a.ID, a.ContentHash = "feed/42?x=1#y", "slash"
	mustAdd(t, st, &a)
	if err := st.Assign(context.Background(), a.ID, model.Placement{StoryID: "story/1", EventID: "e"}, nil); err != nil {
		t.Fatal(err)
	}
	h := web.NewHandler(st, quietLog())
	_, story := get(t, h, "GET", "/stories/story%2F1")
	link := `href="/articles/feed%2F42%3Fx=1%23y"`
	if !strings.Contains(story, link) {
		t.Fatalf("story page lacks %s:\n%s", link, story)
	}
	res, body := get(t, h, "GET", "/articles/feed%2F42%3Fx=1%23y")
	if res.StatusCode != 200 || !strings.Contains(body, `href="/stories/story%2F1"`) {
		t.Errorf("article by escaped id: status %d\n%s", res.StatusCode, body)
	}
}

// TestStoryPageNearDuplicates: a syndicated copy is shown under its
// original as "also published by", and marked as a copy.
func TestStoryPageNearDuplicates(t *testing.T) {
	st := newTestStore(t)
	seed(t, st)
	copyArt := model.Article{ID: "a4", URL: "https://wire.example/bridge", Source: "Wire Copy", Title: "Old bridge closed after inspection",
		Published: day(3), Language: "en", ContentHash: "h5", DuplicateOf: "a1",
		Text: "The Elm Street bridge was closed on Sunday.\nInspectors found cracks in two piers.\nMore at wire.example."}
	mustAdd(t, st, &copyArt)
	if err := st.Assign(context.Background(), "a4", model.Placement{StoryID: "s-bridge", EventID: "s-bridge-e1"}, nil); err != nil {
		t.Fatal(err)
	}
	h := web.NewHandler(st, quietLog())
	_, body := get(t, h, "GET", "/stories/s-bridge")
	for _, want := range []string{"Also published by Wire Copy", "A copy of"} {
		if !strings.Contains(body, want) {
			t.Errorf("story page lacks %q", want)
		}
	}
	_, js := get(t, h, "GET", "/api/v1/stories/s-bridge")
	if !regexp.MustCompile(`"duplicate_of":\s*"a1"`).MatchString(js) {
		t.Errorf("API does not name the copy's original: %s", js)
	}
}
