package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"

	"parallax/internal/ingest/feed"
	"parallax/internal/ingest/fetch"
	"parallax/internal/store"
	"parallax/internal/web"
)

// apiFeed is the part of the API's feed the tests read.
type apiFeed struct {
	URL       string  `json:"url"`
	Title     string  `json:"title"`
	Category  string  `json:"category"`
	LastError string  `json:"last_error"`
	Errors    int     `json:"errors"`
	NextPoll  *string `json:"next_poll"`
}

// TestSourcesAPI: adding a page follows the feed it announces; a failing
// feed is followed with its error (and counted broken in the navigation);
// poll now, category, OPML import and export, remove.
func TestSourcesAPI(t *testing.T) {
	feeds := feedServer(t)
	var wakes atomic.Int32
	s := newAuthServer(t, web.Options{PollNow: func() { wakes.Add(1) }}, false)
	key, hash := web.NewAPIKey()
	if err := s.st.CreateAPIKey(context.Background(), store.APIKey{Name: "t", Hash: hash, Created: cookieTime()}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, url  string
		status     int
		wantURL    string
		discovered bool
		lastError  string
	}{
		{"Discovered", feeds.URL + "/", 201, feeds.URL + "/feed.xml", true, ""},
		{"Again", feeds.URL + "/feed.xml", 409, "", false, ""},
		{"Failing", feeds.URL + "/broken", 201, feeds.URL + "/broken", false, "500"},
		{"NotHTTP", "ftp://example.com/feed", 400, "", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := s.postJSON(t, "POST", "/api/v1/feeds", `{"url":"`+tt.url+`","category":"Valley"}`, key)
			if res.StatusCode != tt.status {
				t.Fatalf("POST %s: %d %s", tt.url, res.StatusCode, body)
			}
			if tt.status != 201 {
				return
			}
			var out struct {
				Feed       apiFeed
				Discovered bool
			}
			if err := json.Unmarshal([]byte(body), &out); err != nil {
				t.Fatal(err)
			}
			if out.Feed.URL != tt.wantURL || out.Discovered != tt.discovered || !strings.Contains(out.Feed.LastError, tt.lastError) ||
				(tt.lastError != "") != (out.Feed.Errors == 1) || out.Feed.Category != "Valley" {
				t.Fatalf("added %+v discovered=%v", out.Feed, out.Discovered)
			}
		})
	}
	_, page := s.do(t, "GET", "/feeds", "", nil, nil)
	for _, want := range []string{"1 broken", feeds.URL + "/broken", "500", "Valley Wire"} {
		if !strings.Contains(page, want) {
			t.Errorf("/feeds lacks %q", want)
		}
	}
	if _, home := s.do(t, "GET", "/", "", nil, nil); !strings.Contains(home, `1 broken</span>`) {
		t.Error("navigation does not count the broken feed")
	}

	if n := wakes.Load(); n != 2 {
		t.Errorf("the poller was woken %d times by two additions", n)
	}
	res, body := s.postJSON(t, "POST", "/api/v1/feeds/poll", `{"url":"`+feeds.URL+`/broken"}`, key)
	if res.StatusCode != 202 || !strings.Contains(body, `"next_poll": null`) || wakes.Load() != 3 {
		t.Fatalf("poll now: %d %s (woken %d times)", res.StatusCode, body, wakes.Load())
	}
	res, body = s.postJSON(t, "POST", "/api/v1/feeds/category", `{"url":"`+feeds.URL+`/feed.xml","category":"Hills"}`, key)
	if res.StatusCode != 200 || !strings.Contains(body, `"category": "Hills"`) {
		t.Fatalf("category: %d %s", res.StatusCode, body)
	}
	opml := `<?xml version="1.0"?><opml version="2.0"><body><outline text="World">` +
		`<outline text="A" type="rss" xmlUrl="https://a.example/rss"/><outline text="B" type="rss" xmlUrl="https://b.example/atom"/>` +
		`</outline></body></opml>`
	res, body = s.do(t, "POST", "/api/v1/feeds/import", "text/x-opml", strings.NewReader(opml), http.Header{"Authorization": {"Bearer " + key}})
	if res.StatusCode != 200 || !strings.Contains(body, `"added": 2`) {
		t.Fatalf("import: %d %s", res.StatusCode, body)
	}
	res, body = s.do(t, "GET", "/feeds.opml", "", nil, nil)
	subs, err := feed.ParseOPML(strings.NewReader(body))
	if res.StatusCode != 200 || err != nil || len(subs) != 4 {
		t.Fatalf("export: %d %v %d subscriptions:\n%s", res.StatusCode, err, len(subs), body)
	}
	cats := map[string]string{}
	for _, sub := range subs {
		cats[sub.URL] = sub.Category
	}
	if cats["https://a.example/rss"] != "World" || cats[feeds.URL+"/feed.xml"] != "Hills" {
		t.Fatalf("exported categories %v", cats)
	}
	res, _ = s.postJSON(t, "DELETE", "/api/v1/feeds?url="+url.QueryEscape(feeds.URL+"/broken"), "", key)
	if res.StatusCode != 204 || s.feedCount(t) != 3 {
		t.Fatalf("remove: %d, %d feeds left", res.StatusCode, s.feedCount(t))
	}
	if res, _ := s.postJSON(t, "DELETE", "/api/v1/feeds?url=https://nowhere.example/", "", key); res.StatusCode != 404 {
		t.Fatalf("remove an unknown feed: %d", res.StatusCode)
	}
}

// TestSourcesRefusePrivate: with the default fetcher, loopback and
// private addresses are refused, and nothing is followed.
func TestSourcesRefusePrivate(t *testing.T) {
	feeds := feedServer(t)
	s := newAuthServer(t, web.Options{Fetch: fetch.New(fetch.Options{})}, false)
	key, hash := web.NewAPIKey()
	if err := s.st.CreateAPIKey(context.Background(), store.APIKey{Name: "t", Hash: hash, Created: cookieTime()}); err != nil {
		t.Fatal(err)
	}
	for _, u := range []string{feeds.URL + "/feed.xml", "http://169.254.169.254/latest/meta-data", "http://10.0.0.1/rss"} {
		res, body := s.postJSON(t, "POST", "/api/v1/feeds", `{"url":"`+u+`"}`, key)
		if res.StatusCode != 400 || !strings.Contains(body, "not allowed") {
			t.Errorf("POST %s: %d %s; want 400 not allowed", u, res.StatusCode, body)
		}
	}
	if n := s.feedCount(t); n != 0 {
		t.Fatalf("%d feeds followed", n)
	}
}

// TestSourcesPageForms: the page's forms, with the session's token: add,
// import an uploaded OPML file, set a category, poll now, remove.
func TestSourcesPageForms(t *testing.T) {
	feeds := feedServer(t)
	s := newAuthServer(t, web.Options{}, false)
	s.login(t, testPassword)
	_, page := s.do(t, "GET", "/feeds", "", nil, nil)
	tok := csrfOf(t, page)
	post := func(path string, v url.Values) string {
		v.Set("csrf", tok)
		res, body := s.postForm(t, path, v)
		if res.StatusCode != 200 {
			t.Fatalf("POST %s: %d %.300s", path, res.StatusCode, body)
		}
		return body
	}
	u := feeds.URL + "/feed.xml"
	post("/feeds", url.Values{"url": {u}, "category": {"Local"}})
	if body := post("/feeds/category", url.Values{"url": {u}, "category": {"Hills"}}); !strings.Contains(body, `value="Hills"`) {
		t.Error("category not shown after saving")
	}
	if body := post("/feeds/poll", url.Values{"url": {u}}); !strings.Contains(body, "will be polled now") {
		t.Error("poll now not confirmed")
	}
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	_ = mw.WriteField("csrf", tok)
	fw, _ := mw.CreateFormFile("opml", "feeds.opml")
	_, _ = io.WriteString(fw, `<opml version="2.0"><body><outline text="C" xmlUrl="https://c.example/rss"/></body></opml>`)
	mw.Close()
	res, body := s.do(t, "POST", "/feeds/import", mw.FormDataContentType(), &buf, nil)
	if res.StatusCode != 200 || !strings.Contains(body, "Imported 1 feed(s)") || !strings.Contains(body, "https://c.example/rss") {
		t.Fatalf("import: %d %.500s", res.StatusCode, body)
	}
	if body := post("/feeds/remove", url.Values{"url": {u}}); strings.Contains(body, `value="`+u+`"`) {
		t.Error("removed feed still listed")
	}
	if n := s.feedCount(t); n != 1 {
		t.Fatalf("%d feeds; want 1", n)
	}
}
