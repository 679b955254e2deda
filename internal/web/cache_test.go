package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"parallax/internal/ingest/poll"
	"parallax/internal/model"
	"parallax/internal/store"
	"parallax/internal/store/sqlite"
)

// countingStore counts the reads of a story, so a test can tell a page
// served from the cache from one rendered again.
type countingStore struct {
	store.Store
	stories atomic.Int64
}

func (s *countingStore) Story(ctx context.Context, id string) (*model.Story, *model.Brief, []model.ArticleRef, error) {
	s.stories.Add(1)
	return s.Store.Story(ctx, id)
}

func (s *countingStore) StoryVersion(ctx context.Context, id string) (string, error) {
	return s.Store.(storyVersioner).StoryVersion(ctx, id)
}

func (s *countingStore) Size(ctx context.Context) (int64, error) { return s.Store.(sizer).Size(ctx) }

func (s *countingStore) Feeds(ctx context.Context) ([]poll.Feed, error) {
	return s.Store.(feedLister).Feeds(ctx)
}

func cacheStore(t *testing.T) *countingStore {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return &countingStore{Store: st}
}

func addPlaced(t *testing.T, st store.Store, id, title, story string) {
	t.Helper()
	ctx := context.Background()
	a := &model.Article{ID: id, URL: "https://news.example/" + id, CanonicalURL: "https://news.example/" + id,
		Source: "news.example", Title: title, Text: "Text of " + title + ".", ContentHash: "h-" + id,
		Published: time.Date(2024, 5, 1, 9, 0, 0, 0, time.UTC)}
	if _, _, err := st.AddArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := st.Assign(ctx, id, model.Placement{StoryID: story}, nil); err != nil {
		t.Fatal(err)
	}
}

func get(t *testing.T, h http.Handler, path string, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest("GET", path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// TestPageCacheStory: a story's page is rendered once while the story
// stays as it is, answered with 304 to a client that holds it, and
// rendered again as soon as an article joins the story.
func TestPageCacheStory(t *testing.T) {
	st := cacheStore(t)
	addPlaced(t, st, "a1", "Harbour crane collapses", "s1")
	h := New(st, Options{})
	for _, path := range []string{"/stories/s1", "/api/v1/stories/s1"} {
		first := get(t, h, path)
		if first.Code != http.StatusOK || !strings.Contains(first.Body.String(), "Harbour crane collapses") {
			t.Fatalf("GET %s: %d %.200s", path, first.Code, first.Body)
		}
		n := st.stories.Load()
		again := get(t, h, path)
		if again.Body.String() != first.Body.String() || st.stories.Load() != n {
			t.Errorf("GET %s again read the story %d more time(s)", path, st.stories.Load()-n)
		}
		etag := again.Header().Get("ETag")
		if etag == "" {
			t.Fatalf("GET %s: no ETag", path)
		}
		if w := get(t, h, path, "If-None-Match", etag); w.Code != http.StatusNotModified || w.Body.Len() != 0 {
			t.Errorf("GET %s with its ETag: %d, %d bytes; want 304, none", path, w.Code, w.Body.Len())
		}
	}
	addPlaced(t, st, "a2", "Second crane inspected", "s1")
	for _, path := range []string{"/stories/s1", "/api/v1/stories/s1"} {
		n := st.stories.Load()
		w := get(t, h, path)
		if !strings.Contains(w.Body.String(), "Second crane inspected") || st.stories.Load() == n {
			t.Errorf("GET %s after a new article: the cached page was served", path)
		}
	}
	// gzip and plain are kept apart.
	gz := get(t, h, "/stories/s1", "Accept-Encoding", "gzip")
	plain := get(t, h, "/stories/s1")
	if gz.Header().Get("Content-Encoding") != "gzip" || plain.Header().Get("Content-Encoding") != "" {
		t.Errorf("encodings mixed: gzip request got %q, plain got %q",
			gz.Header().Get("Content-Encoding"), plain.Header().Get("Content-Encoding"))
	}
	if w := get(t, h, "/stories/none"); w.Code != http.StatusNotFound {
		t.Errorf("unknown story: %d", w.Code)
	}
}

// TestPageCacheLists: the story list is kept for its short lifetime only.
func TestPageCacheLists(t *testing.T) {
	st := cacheStore(t)
	addPlaced(t, st, "a1", "Harbour crane collapses", "s1")
	c := newPageCache(st, 1<<20)
	now := time.Date(2024, 5, 2, 0, 0, 0, 0, time.UTC)
	c.now = func() time.Time { return now }
	h := c.wrap(New(st, Options{CacheBytes: -1}))
	if w := get(t, h, "/"); !strings.Contains(w.Body.String(), "Harbour crane collapses") {
		t.Fatalf("GET /: %.300s", w.Body)
	}
	addPlaced(t, st, "b1", "Ferry strike called off", "s2")
	if w := get(t, h, "/"); strings.Contains(w.Body.String(), "Ferry strike") {
		t.Errorf("the list changed within its lifetime: not cached")
	}
	now = now.Add(listTTL)
	if w := get(t, h, "/"); !strings.Contains(w.Body.String(), "Ferry strike called off") {
		t.Errorf("the list is stale after its lifetime")
	}
}

// TestPageCacheBounded: the cache drops the least recently used
// responses to stay within its size.
func TestPageCacheBounded(t *testing.T) {
	st := cacheStore(t)
	for _, id := range []string{"s1", "s2", "s3", "s4"} {
		addPlaced(t, st, "a-"+id, "Story "+id+" "+strings.Repeat("words ", 50), id)
	}
	c := newPageCache(st, 6000)
	h := c.wrap(New(st, Options{CacheBytes: -1}))
	for _, id := range []string{"s1", "s2", "s3", "s4"} {
		get(t, h, "/stories/"+id)
	}
	if c.size > c.max || c.order.Len() == 0 || c.order.Len() >= 4 {
		t.Errorf("cache holds %d responses, %d bytes, bound %d", c.order.Len(), c.size, c.max)
	}
}
