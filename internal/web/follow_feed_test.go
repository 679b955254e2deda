package web_test

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"parallax/internal/model"
	"parallax/internal/store/sqlite"
	"parallax/internal/web"
)

// TestStoryFeeds: a story's Atom and JSON Feed parse with gofeed, hold an
// entry per event with ids made of the story's and the event's, the same
// after a restart, and gain an entry, first, when the story gains an event.
func TestStoryFeeds(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "p.db")
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	seed(t, st)
	feeds := map[string]string{"atom": "/stories/s-bridge.atom", "json": "/stories/s-bridge.json"}
	first := "urn:parallax:story:s-bridge:event:s-bridge-e1"
	h := web.NewHandler(st, quietLog())
	for kind, target := range feeds {
		typ, ids, f := feedGUIDs(t, h, target)
		if typ != kind || !slices.Equal(ids, []string{first}) {
			t.Errorf("%s: %s %v", target, typ, ids)
		}
		if f.Title != "Parallax: "+fixtureBrief.Title || !strings.Contains(f.Items[0].Description+f.Items[0].Content, "3 articles from 3 outlets") {
			t.Errorf("%s: title %q, entry %+v", target, f.Title, f.Items[0])
		}
	}
	st, h = reopen(t, st, path)
	for _, target := range feeds {
		if _, ids, _ := feedGUIDs(t, h, target); !slices.Equal(ids, []string{first}) {
			t.Errorf("%s after restart: %v", target, ids)
		}
	}
	mustAdd(t, st, &model.Article{ID: "a9", Source: "Wire", Title: "Bridge reopens to traffic", Text: "The bridge reopened.", Published: day(20), ContentHash: "h9"})
	if err := st.Assign(ctx, "a9", model.Placement{StoryID: "s-bridge", EventID: "s-bridge-e2"}, nil); err != nil {
		t.Fatal(err)
	}
	for _, target := range feeds {
		_, ids, f := feedGUIDs(t, h, target)
		if want := []string{"urn:parallax:story:s-bridge:event:s-bridge-e2", first}; !slices.Equal(ids, want) || f.Items[0].Title != "Bridge reopens to traffic" {
			t.Errorf("%s after a new event: %v, want %v", target, ids, want)
		}
	}
	if res, _ := get(t, h, "GET", "/stories/nope.atom"); res.StatusCode != 404 {
		t.Errorf("feed of no story: %d", res.StatusCode)
	}
	_, page := get(t, h, "GET", "/stories/s-bridge")
	for _, want := range []string{`<link rel="alternate" type="application/atom+xml" title="Follow this story (Atom)" href="/stories/s-bridge.atom">`,
		`<link rel="alternate" type="application/feed+json" title="Follow this story (JSON Feed)" href="/stories/s-bridge.json">`} {
		if !strings.Contains(page, want) {
			t.Errorf("story page lacks %s", want)
		}
	}
	_, page = get(t, h, "GET", "/search?q=bridge")
	if !strings.Contains(page, `<link rel="alternate" type="application/atom+xml" title="Follow this search (Atom)" href="/search.atom?q=bridge">`) {
		t.Errorf("search page lacks its feed link")
	}
}

// TestEntityFeeds: an entity's feed lists the stories whose brief names
// it, with the same ids as search feeds; a bad type is refused.
func TestEntityFeeds(t *testing.T) {
	st := newTestStore(t)
	seed(t, st)
	h := web.NewHandler(st, quietLog())
	for kind, target := range map[string]string{"atom": "/entities/feed.atom?type=person&name=Ana+Ruiz", "json": "/entities/feed.json?type=PERSON&name=Ana%20Ruiz"} {
		typ, ids, f := feedGUIDs(t, h, target)
		if typ != kind || !slices.Contains(ids, "urn:parallax:story:s-bridge") || f.Title != "Parallax: Ana Ruiz (person)" {
			t.Errorf("%s: %s %v %q", target, typ, ids, f.Title)
		}
	}
	if _, ids, _ := feedGUIDs(t, h, "/entities/feed.atom?type=org&name=Nobody+Known"); len(ids) != 0 {
		t.Errorf("feed of an unknown entity: %v", ids)
	}
	for _, bad := range []string{"/entities/feed.atom?type=animal&name=x", "/entities/feed.json?type=person", "/entities/feed.atom"} {
		if res, _ := get(t, h, "GET", bad); res.StatusCode != 400 {
			t.Errorf("%s: %d, want 400", bad, res.StatusCode)
		}
	}
}
