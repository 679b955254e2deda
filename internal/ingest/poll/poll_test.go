package poll

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"parallax/internal/ingest/feed"
	"parallax/internal/ingest/fetch"
	"parallax/internal/ingest/files"
)

// site is a test news site: a feed whose items and status the test
// changes, and article pages.
type site struct {
	mu         sync.Mutex
	items      []string // RSS <item> elements
	etag       string
	feedStatus int
	retryAfter string
	pageStatus map[string]int
	pageHits   map[string]int
	srv        *httptest.Server
}

func newSite(t *testing.T) *site {
	s := &site{etag: `"1"`, pageStatus: map[string]int{}, pageHits: map[string]int{}}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *site) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case r.URL.Path == "/robots.txt":
		fmt.Fprint(w, "User-agent: *\nDisallow: /secret/\n")
	case r.URL.Path == "/feed.xml":
		if s.feedStatus != 0 {
			if s.retryAfter != "" {
				w.Header().Set("Retry-After", s.retryAfter)
			}
			w.WriteHeader(s.feedStatus)
			return
		}
		if r.Header.Get("If-None-Match") == s.etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", s.etag)
		w.Header().Set("Content-Type", "text/html") // feeds lie about their type
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title><link>/</link>%s</channel></rss>`,
			strings.Join(s.items, ""))
	case strings.HasPrefix(r.URL.Path, "/a/"):
		s.pageHits[r.URL.Path]++
		if st := s.pageStatus[r.URL.Path]; st != 0 {
			w.WriteHeader(st)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<html><head><title>Page %s</title></head><body><article><p>Full text of %s.</p></article></body></html>", r.URL.Path, r.URL.Path)
	default:
		http.NotFound(w, r)
	}
}

func (s *site) set(f func(s *site)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f(s)
}

func (s *site) hits(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.pageHits[path]
}

func rssItem(id, link, date, desc string) string {
	return fmt.Sprintf("<item><guid>%s</guid><title>Title %s</title><link>%s</link><pubDate>%s</pubDate><description><![CDATA[%s]]></description></item>", id, id, link, date, desc)
}

// harness is a poller over a memory store with a settable clock.
type harness struct {
	site  *site
	st    *memStore
	p     *Poller
	now   time.Time
	mu    sync.Mutex
	items []files.Item
	fail  error
}

func newHarness(t *testing.T) *harness {
	h := &harness{site: newSite(t), now: time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)}
	h.st = newMemStore(Feed{URL: h.site.srv.URL + "/feed.xml", Added: h.now})
	clock := func() time.Time { h.mu.Lock(); defer h.mu.Unlock(); return h.now }
	client := fetch.New(fetch.Options{AllowPrivate: true, HostInterval: -1, Timeout: 5 * time.Second, Now: clock})
	opts := Options{
		Now:           clock,
		Log:           slog.New(slog.NewTextHandler(io.Discard, nil)),
		FullTextChars: 200,
		Workers:       2,
	}
	h.p = New(h.st, client, func(ctx context.Context, it files.Item) error {
		h.mu.Lock()
		defer h.mu.Unlock()
		if h.fail != nil {
			return h.fail
		}
		h.items = append(h.items, it)
		return nil
	}, opts)
	return h
}

func (h *harness) feedURL() string { return h.site.srv.URL + "/feed.xml" }

func (h *harness) advance(d time.Duration) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.now = h.now.Add(d)
}

func (h *harness) take() []files.Item {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := h.items
	h.items = nil
	return out
}

func (h *harness) once(t *testing.T) Stats {
	t.Helper()
	s, err := h.p.Once(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestPollNewItemsThenNotModified(t *testing.T) {
	h := newHarness(t)
	long := "<p>" + strings.Repeat("A long full-text paragraph from the feed itself. ", 10) + "</p>"
	h.site.set(func(s *site) {
		s.items = []string{
			rssItem("1", "/a/one", "Sat, 01 Mar 2025 10:00:00 GMT", "short teaser"),
			rssItem("2", "/a/two", "Sat, 01 Mar 2025 11:00:00 GMT", long),
			rssItem("3", "/a/three", "not a date", ""),
		}
	})
	s := h.once(t)
	if s.Feeds != 1 || s.Items != 3 || s.Failed != 0 {
		t.Fatalf("first round: %+v", s)
	}
	byURL := map[string]files.Item{}
	for _, it := range h.take() {
		byURL[it.Origin] = it
	}
	base := h.site.srv.URL
	one := byURL[base+"/a/one"]
	if one.Kind != files.Record || one.Rec == nil || one.Rec.URL != base+"/a/one" || one.Rec.Source != "Test Wire" ||
		one.Rec.Title != "Title 1" || !one.Rec.Published.Equal(time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC)) {
		t.Fatalf("item one = %+v %+v", one, one.Rec)
	}
	if !strings.Contains(one.Rec.HTML, "Full text of /a/one") {
		t.Errorf("item one did not get its article page: %q", one.Rec.HTML)
	}
	if two := byURL[base+"/a/two"]; !strings.Contains(two.Rec.HTML, "full-text paragraph") || h.site.hits("/a/two") != 0 {
		t.Errorf("long feed content should be used without fetching the page (hits %d)", h.site.hits("/a/two"))
	}
	if h.site.hits("/a/one") != 1 || h.site.hits("/a/three") != 1 {
		t.Errorf("page hits: one %d, three %d", h.site.hits("/a/one"), h.site.hits("/a/three"))
	}
	f := h.st.feed(h.feedURL())
	if f.Title != "Test Wire" || f.ETag != `"1"` || f.Interval != 15*time.Minute || !f.NextPoll.Equal(h.now.Add(15*time.Minute)) {
		t.Fatalf("feed state after change: %+v", f)
	}

	t.Run("NotDue", func(t *testing.T) {
		if s := h.once(t); s.Feeds != 0 {
			t.Errorf("polled a feed that is not due: %+v", s)
		}
	})
	t.Run("NotModified", func(t *testing.T) {
		h.advance(16 * time.Minute)
		s := h.once(t)
		if s.NotModified != 1 || s.Items != 0 {
			t.Errorf("round: %+v", s)
		}
		if f := h.st.feed(h.feedURL()); f.Interval != 22*time.Minute+30*time.Second {
			t.Errorf("interval after 304 = %v, want it grown by half", f.Interval)
		}
	})
	t.Run("OnlyNewItems", func(t *testing.T) {
		h.advance(time.Hour)
		h.site.set(func(s *site) {
			s.etag = `"2"`
			s.items = append([]string{rssItem("4", "/a/four", "Sat, 01 Mar 2025 12:00:00 GMT", "")}, s.items...)
		})
		s := h.once(t)
		got := h.take()
		if s.Items != 1 || s.Seen != 3 || len(got) != 1 || got[0].Origin != base+"/a/four" {
			t.Errorf("round %+v, items %v", s, got)
		}
		if h.site.hits("/a/one") != 1 {
			t.Error("a seen item's page was fetched again")
		}
	})
}

func TestPollBackoff(t *testing.T) {
	h := newHarness(t)
	h.site.set(func(s *site) { s.feedStatus = http.StatusInternalServerError })
	start := h.now
	s := h.once(t)
	f := h.st.feed(h.feedURL())
	if s.Failed != 1 || f.Errors != 1 || !strings.Contains(f.LastError, "500") || !f.NextPoll.Equal(start.Add(5*time.Minute)) {
		t.Fatalf("after one failure: %+v, feed %+v", s, f)
	}
	h.advance(5 * time.Minute)
	h.once(t)
	if f = h.st.feed(h.feedURL()); f.Errors != 2 || !f.NextPoll.Equal(h.now.Add(10*time.Minute)) {
		t.Fatalf("after two failures: %+v", f)
	}
	h.advance(10 * time.Minute)
	h.site.set(func(s *site) { s.feedStatus, s.retryAfter = http.StatusTooManyRequests, "7200" })
	h.once(t)
	if f = h.st.feed(h.feedURL()); f.Errors != 3 || !f.NextPoll.Equal(h.now.Add(2*time.Hour)) {
		t.Fatalf("Retry-After not honoured: %+v", f)
	}
	h.advance(2 * time.Hour)
	h.site.set(func(s *site) { s.feedStatus = 0 })
	h.once(t)
	if f = h.st.feed(h.feedURL()); f.Errors != 0 || f.LastError != "" {
		t.Fatalf("recovery did not clear the error: %+v", f)
	}
}

func TestPollArticleFailures(t *testing.T) {
	h := newHarness(t)
	h.site.set(func(s *site) {
		s.items = []string{
			rssItem("t", "/a/transient", "", ""),
			rssItem("g", "/a/gone", "", ""),
			rssItem("w", "/a/withtext", "", "teaser text"),
			rssItem("r", "/secret/page", "", ""),
		}
		s.pageStatus["/a/transient"] = http.StatusServiceUnavailable
		s.pageStatus["/a/gone"] = http.StatusNotFound
		s.pageStatus["/a/withtext"] = http.StatusInternalServerError
	})
	s := h.once(t)
	got := map[string]files.Item{}
	for _, it := range h.take() {
		got[strings.TrimPrefix(it.Origin, h.site.srv.URL)] = it
	}
	if s.ArticleErrors != 4 || len(got) != 3 {
		t.Fatalf("round %+v, items %v", s, got)
	}
	if _, ok := got["/a/transient"]; ok {
		t.Error("transient failure without feed text was handed on")
	}
	if it := got["/a/gone"]; it.Err == nil || !errors.Is(it.Err, fetch.ErrStatus) {
		t.Errorf("404 page: err = %v", it.Err)
	}
	if it := got["/secret/page"]; !errors.Is(it.Err, fetch.ErrRobots) {
		t.Errorf("robots-disallowed page: err = %v", it.Err)
	}
	if it := got["/a/withtext"]; it.Err != nil || !strings.Contains(it.Rec.HTML, "teaser text") || len(it.Warn) != 1 {
		t.Errorf("page failure with feed text: %+v", it)
	}
	t.Run("TransientRetried", func(t *testing.T) {
		h.advance(24 * time.Hour)
		h.site.set(func(s *site) { s.etag = `"2"`; delete(s.pageStatus, "/a/transient") })
		h.once(t)
		got := h.take()
		if len(got) != 1 || !strings.HasSuffix(got[0].Origin, "/a/transient") || got[0].Err != nil {
			t.Errorf("retry gave %+v", got)
		}
	})
}

func TestPollHandlerErrorStops(t *testing.T) {
	h := newHarness(t)
	h.site.set(func(s *site) { s.items = []string{rssItem("1", "/a/one", "", "")} })
	h.fail = errors.New("disk full")
	if _, err := h.p.Once(context.Background()); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("err = %v", err)
	}
	h.fail = nil
	if f := h.st.feed(h.feedURL()); f.ETag != "" {
		t.Error("validators saved although the items were not stored")
	}
	h.once(t)
	if got := h.take(); len(got) != 1 {
		t.Errorf("item not retried after the handler failed: %v", got)
	}
}

func TestPollNotAFeed(t *testing.T) {
	h := newHarness(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<html><head><link rel="alternate" type="application/rss+xml" href="/real.xml"></head><body>home</body></html>`)
	}))
	defer srv.Close()
	h.st = newMemStore(Feed{URL: srv.URL + "/"})
	h.p.st = h.st
	s := h.once(t)
	f := h.st.feed(srv.URL + "/")
	if s.Failed != 1 || !strings.Contains(f.LastError, srv.URL+"/real.xml") {
		t.Errorf("round %+v, last error %q", s, f.LastError)
	}
}

func TestRunStopsWithContext(t *testing.T) {
	h := newHarness(t)
	h.site.set(func(s *site) { s.items = []string{rssItem("1", "/a/one", "", "")} })
	ctx, cancel := context.WithCancel(context.Background())
	rounds := 0
	h.p.opts.OnRound = func(ctx context.Context, s Stats) {
		rounds++
		if s.Items != 1 {
			t.Errorf("round %+v", s)
		}
		cancel()
	}
	if err := h.p.Run(ctx); err != nil {
		t.Fatal(err)
	}
	if rounds != 1 {
		t.Errorf("%d rounds", rounds)
	}
}

func TestSourceName(t *testing.T) {
	tests := []struct {
		name string
		f    Feed
		want string
	}{
		{"Title", Feed{Title: " Wire ", URL: "https://x.example/f"}, "Wire"},
		{"SiteHost", Feed{SiteURL: "https://www.Site.example/", URL: "https://feeds.x.example/f"}, "site.example"},
		{"FeedHost", Feed{URL: "https://feeds.x.example/f"}, "feeds.x.example"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sourceName(tt.f); got != tt.want {
				t.Errorf("sourceName = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFollow(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	st := newMemStore()
	n, err := FollowDefaults(ctx, st, now)
	if err != nil || n < 6 {
		t.Fatalf("FollowDefaults = %d, %v", n, err)
	}
	if n2, _ := FollowDefaults(ctx, st, now); n2 != 0 {
		t.Errorf("defaults added again to a non-empty list: %d", n2)
	}
	st = newMemStore(Feed{URL: "https://a.example/rss"})
	added, existing, err := Follow(ctx, st, []feed.Subscription{
		{URL: "https://a.example/rss"}, {URL: " https://b.example/rss#top ", Title: "B"}, {URL: "https://b.example/rss"},
	}, now)
	if err != nil || added != 1 || existing != 2 {
		t.Fatalf("Follow = %d, %d, %v", added, existing, err)
	}
	if f := st.feed("https://b.example/rss"); f.Title != "B" || !f.Added.Equal(now) || !f.NextPoll.IsZero() {
		t.Errorf("stored %+v", f)
	}
	if _, _, err := Follow(ctx, st, []feed.Subscription{{URL: "file:///etc/passwd"}}, now); !errors.Is(err, fetch.ErrScheme) {
		t.Errorf("file URL: err = %v", err)
	}
}

func TestPollStopsFetchingPagesAfterRetryAfter(t *testing.T) {
	h := newHarness(t)
	h.site.set(func(s *site) {
		s.items = []string{
			rssItem("1", "/a/one", "Sat, 01 Mar 2025 11:00:00 GMT", ""),
			rssItem("2", "/a/two", "Sat, 01 Mar 2025 10:00:00 GMT", ""),
			rssItem("3", "/a/three", "Sat, 01 Mar 2025 09:00:00 GMT", "teaser"),
		}
		s.pageStatus["/a/one"] = http.StatusTooManyRequests
	})
	h.site.srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/a/one" {
			w.Header().Set("Retry-After", "3600")
		}
		h.site.serve(w, r)
	})
	s := h.once(t)
	if h.site.hits("/a/two") != 0 || h.site.hits("/a/three") != 0 {
		t.Errorf("pages fetched during Retry-After: two %d, three %d", h.site.hits("/a/two"), h.site.hits("/a/three"))
	}
	got := h.take()
	if s.Items != 1 || len(got) != 1 || !strings.Contains(got[0].Rec.HTML, "teaser") {
		t.Errorf("round %+v, items %+v", s, got)
	}
}

func TestPollDoesNotResurrectRemovedFeed(t *testing.T) {
	h := newHarness(t)
	h.site.set(func(s *site) { s.items = []string{rssItem("1", "/a/one", "", "")} })
	h.p.handle = func(ctx context.Context, it files.Item) error {
		return h.st.RemoveFeed(ctx, h.feedURL()) // the user removes the feed mid-poll
	}
	h.once(t)
	if fs, _ := h.st.Feeds(context.Background()); len(fs) != 0 {
		t.Errorf("removed feed came back: %+v", fs)
	}
}

// TestRunWakes: with an hour of idle time, a feed marked due and a wake
// are polled at once.
func TestRunWakes(t *testing.T) {
	h := newHarness(t)
	h.site.set(func(s *site) { s.items = []string{rssItem("1", "/a/one", "", "")} })
	wake := make(chan struct{}, 1)
	h.p.opts.Wake, h.p.opts.Idle = wake, time.Hour
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	rounds := make(chan Stats, 4)
	h.p.opts.OnRound = func(ctx context.Context, s Stats) { rounds <- s }
	done := make(chan error, 1)
	go func() { done <- h.p.Run(ctx) }()
	if s := <-rounds; s.Feeds != 1 {
		t.Fatalf("first round %+v", s)
	}
	f := h.st.feed(h.feedURL())
	f.NextPoll = time.Time{} // "poll now"
	if err := h.st.UpdateFeed(ctx, f); err != nil {
		t.Fatal(err)
	}
	wake <- struct{}{}
	select {
	case s := <-rounds:
		if s.Feeds != 1 {
			t.Fatalf("woken round %+v; want the feed polled", s)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no round after the wake")
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
