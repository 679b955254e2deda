package web_test

import (
	"context"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"

	"parallax/internal/model"
	"parallax/internal/store/sqlite"
	"parallax/internal/web"
)

// feedGUIDs fetches a feed and parses it with gofeed, returning its
// type and its entries' ids in order.
func feedGUIDs(t *testing.T, h http.Handler, target string) (string, []string, *gofeed.Feed) {
	t.Helper()
	res, body := get(t, h, "GET", target)
	if res.StatusCode != 200 {
		t.Fatalf("%s: %d %s", target, res.StatusCode, body)
	}
	f, err := gofeed.NewParser().ParseString(body)
	if err != nil {
		t.Fatalf("%s does not parse: %v\n%s", target, err, body)
	}
	var ids []string
	for _, it := range f.Items {
		if it.GUID == "" || it.Title == "" || !strings.HasPrefix(it.Link, "http://example.com/") {
			t.Errorf("%s: entry %+v", target, it)
		}
		ids = append(ids, it.GUID)
	}
	return f.FeedType, ids, f
}

// reopen closes st and opens the same store file again with a new handler,
// as a restarted process would.
func reopen(t *testing.T, st *sqlite.DB, path string) (*sqlite.DB, http.Handler) {
	t.Helper()
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	again, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { again.Close() })
	return again, web.NewHandler(again, quietLog())
}

func TestSearchFeeds(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "p.db")
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	seed(t, st)
	h := web.NewHandler(st, quietLog())
	feeds := map[string]string{"atom": "/search.atom?q=bridge", "json": "/search.json?q=bridge"}
	before := map[string][]string{}
	for kind, target := range feeds {
		typ, ids, f := feedGUIDs(t, h, target)
		if typ != kind {
			t.Errorf("%s: type %q", target, typ)
		}
		// Newest first: a3 (day 5) and the story (latest article day 5), then a2, a1.
		if want := []string{"urn:parallax:story:s-bridge", "urn:parallax:article:a3", "urn:parallax:article:a2", "urn:parallax:article:a1"}; !slices.Equal(ids, want) {
			t.Errorf("%s: ids %v, want %v", target, ids, want)
		}
		if f.Items[1].UpdatedParsed == nil && f.Items[1].PublishedParsed == nil {
			t.Errorf("%s: entry without a date", target)
		}
		before[kind] = ids
	}
	// Restart: the same store reopened, a new handler: the same ids.
	st, h = reopen(t, st, path)
	for kind, target := range feeds {
		if _, ids, _ := feedGUIDs(t, h, target); !slices.Equal(ids, before[kind]) {
			t.Errorf("%s after restart: %v, want %v", target, ids, before[kind])
		}
	}
	// Following: a new matching article becomes the first entry.
	mustAdd(t, st, &model.Article{ID: "n1", Source: "Wire", Title: "Bridge reopens", Text: "The bridge reopened.", Published: day(8)})
	for _, target := range feeds {
		if _, ids, _ := feedGUIDs(t, h, target); len(ids) == 0 || ids[0] != "urn:parallax:article:n1" {
			t.Errorf("%s after a new article: %v, want it first", target, ids)
		}
	}
	if res, _ := get(t, h, "GET", "/search.atom?q="); res.StatusCode != 400 {
		t.Errorf("feed of no query: %d, want 400", res.StatusCode)
	}
}
