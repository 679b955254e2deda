package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"parallax/internal/follow"
	"parallax/internal/model"
	"parallax/internal/store"
	"parallax/internal/web"
)

// newKey stores an API key and returns it.
func newKey(t *testing.T, st store.Store) string {
	t.Helper()
	key, hash := web.NewAPIKey()
	if err := st.CreateAPIKey(context.Background(), store.APIKey{Name: "follows", Hash: hash, Created: cookieTime()}); err != nil {
		t.Fatal(err)
	}
	return key
}

// followsServer is a running server over the fixtures with a password
// and an API key.
func followsServer(t *testing.T) (*authServer, string) {
	t.Helper()
	s := newAuthServer(t, web.Options{}, false)
	seed(t, s.st)
	return s, newKey(t, s.st)
}

// TestFollowsWrites: the writes of follows go through the login
// middleware (writeOnly -> requireWrite): refused without a session or
// key; a follow saved by form (session and CSRF token) or API (key) is
// listed with its feeds and no new entry; bad input is refused with why;
// delete removes it.
func TestFollowsWrites(t *testing.T) {
	s, key := followsServer(t)
	add := url.Values{"name": {"Bridge news"}, "kind": {"search"}, "target": {"bridge"}}
	if res, _ := s.postForm(t, "/follows", add); res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/login") {
		t.Errorf("form without a login: %d %s, want a redirect to /login", res.StatusCode, res.Header.Get("Location"))
	}
	for _, target := range []string{"/api/v1/follows", "/api/v1/follows/1/delete"} {
		if res, _ := s.postJSON(t, "POST", target, `{"kind":"search","target":"bridge"}`, ""); res.StatusCode != http.StatusUnauthorized {
			t.Errorf("POST %s without a key: %d, want 401", target, res.StatusCode)
		}
	}
	if res, _ := s.postJSON(t, "DELETE", "/api/v1/follows/1", "", "wrong"); res.StatusCode != http.StatusUnauthorized {
		t.Errorf("DELETE with a wrong key: %d", res.StatusCode)
	}
	if fs, _ := s.st.Follows(context.Background()); len(fs) != 0 {
		t.Fatalf("saved without a login: %+v", fs)
	}
	if res := s.login(t, testPassword); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("login: %d", res.StatusCode)
	}
	_, page := s.do(t, "GET", "/follows", "", nil, nil)
	csrf := csrfOf(t, page)
	if res, _ := s.postForm(t, "/follows", add); res.StatusCode == http.StatusSeeOther && res.Header.Get("Location") == "/follows" {
		t.Errorf("form without its CSRF token accepted")
	}
	add.Set("csrf", csrf)
	if res, body := s.postForm(t, "/follows", add); res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/follows" {
		t.Fatalf("form add: %d %s %s", res.StatusCode, res.Header.Get("Location"), body)
	}
	res, body := s.postJSON(t, "POST", "/api/v1/follows",
		`{"name":"Ruiz","kind":"entity","target":"person:Ana Ruiz","webhook_url":"https://hooks.example/p","webhook_secret":"x"}`, key)
	var created struct {
		ID     int64  `json:"id"`
		Target string `json:"target"`
		Atom   string `json:"atom"`
		New    int    `json:"new"`
	}
	if err := json.Unmarshal([]byte(body), &created); res.StatusCode != http.StatusCreated || err != nil ||
		created.Target != "PERSON:Ana Ruiz" || created.Atom != "/entities/feed.atom?name=Ana+Ruiz&type=person" || created.New != 0 {
		t.Fatalf("API add: %d %s", res.StatusCode, body)
	}
	if strings.Contains(body, `"x"`) {
		t.Errorf("the API shows the webhook secret: %s", body)
	}
	_, page = s.do(t, "GET", "/follows", "", nil, nil)
	for _, want := range []string{"Bridge news", `href="/search.atom?q=bridge"`, `href="/search.json?q=bridge"`,
		`href="/entities/feed.atom?name=Ana&#43;Ruiz&amp;type=person"`, "0 new entries", "Webhook <code>https://hooks.example/p</code>"} {
		if !strings.Contains(page, want) {
			t.Errorf("/follows lacks %s", want)
		}
	}
	for _, bad := range []string{`{"kind":"search","target":"-only"}`, `{"kind":"story","target":"no-such-story"}`,
		`{"kind":"entity","target":"animal:x"}`, `{"kind":"search","target":"x","webhook_url":"ftp://h/x","webhook_secret":"s"}`,
		`{"kind":"search","target":"x","webhook_url":"https://h/x"}`, `{"kind":"nope","target":"x"}`, `not json`} {
		if res, body := s.postJSON(t, "POST", "/api/v1/follows", bad, key); res.StatusCode != 400 || !strings.Contains(body, "error") {
			t.Errorf("POST %s: %d %s, want 400", bad, res.StatusCode, body)
		}
	}
	res, page = s.postForm(t, "/follows", url.Values{"csrf": {csrf}, "kind": {"story"}, "target": {"nope"}})
	if res.StatusCode != 400 || !strings.Contains(page, `role="alert">no story &#34;nope&#34;`) {
		t.Errorf("form with a bad story: %d", res.StatusCode)
	}
	// The story page's link fills the form.
	_, page = s.do(t, "GET", "/stories/s-bridge", "", nil, nil)
	if !strings.Contains(page, `href="/follows?kind=story&amp;name=Elm&#43;Street&#43;bridge&#43;closed&#43;after&#43;cracks&#43;found&amp;target=s-bridge#add"`) {
		t.Errorf("the story page does not link to following it")
	}
	_, page = s.do(t, "GET", "/follows?kind=story&target=s-bridge&name=The+bridge", "", nil, nil)
	if !strings.Contains(page, `name="target" value="s-bridge"`) || !strings.Contains(page, `<option value="story" selected>`) {
		t.Errorf("the form is not filled from the query")
	}
	if res, _ := s.postForm(t, "/follows", url.Values{"csrf": {csrf}, "kind": {"story"}, "target": {"s-bridge"}, "name": {"The bridge"}}); res.StatusCode != 303 {
		t.Errorf("following a story: %d", res.StatusCode)
	}
	fs, _ := s.st.Follows(context.Background())
	if len(fs) != 3 || fs[2].Kind != model.FollowStory || fs[2].Entries != 1 || fs[2].New != 0 {
		t.Fatalf("follows %+v", fs)
	}
	if res, _ := s.postForm(t, "/follows/1/delete", url.Values{"csrf": {csrf}}); res.StatusCode != 303 {
		t.Errorf("delete: %d", res.StatusCode)
	}
	if res, _ := s.postJSON(t, "DELETE", "/api/v1/follows/2", "", key); res.StatusCode != 204 {
		t.Errorf("API delete: %d", res.StatusCode)
	}
	if res, _ := s.postJSON(t, "POST", "/api/v1/follows/2/delete", "", key); res.StatusCode != 404 {
		t.Errorf("API delete again: %d, want 404", res.StatusCode)
	}
	if fs, _ := s.st.Follows(context.Background()); len(fs) != 1 || fs[0].Name != "The bridge" {
		t.Errorf("after deletes: %+v", fs)
	}
}

// TestFollowNewEntries: a new article matching a saved search counts as
// new on /follows and in the API once the follows are checked, until
// marked seen.
func TestFollowNewEntries(t *testing.T) {
	ctx := context.Background()
	s, key := followsServer(t)
	if res, body := s.postJSON(t, "POST", "/api/v1/follows", `{"name":"Bridge","kind":"search","target":"bridge"}`, key); res.StatusCode != 201 {
		t.Fatal(res.StatusCode, body)
	}
	mustAdd(t, s.st, &model.Article{ID: "n1", Source: "Wire", Title: "Bridge reopens", Text: "The bridge reopened.", Published: day(8), ContentHash: "hn1"})
	if n, err := follow.Check(ctx, s.st, time.Now(), quietLog()); err != nil || n != 1 {
		t.Fatalf("Check = %d, %v; want 1 new entry", n, err)
	}
	_, page := s.do(t, "GET", "/follows", "", nil, nil)
	if !strings.Contains(page, "1 new entry") || !strings.Contains(page, `<a href="/articles/n1">Bridge reopens</a> <span class="new-mark">new</span>`) {
		t.Errorf("/follows does not show the new entry:\n%s", page)
	}
	_, body := s.do(t, "GET", "/api/v1/follows", "", nil, nil)
	if !strings.Contains(body, `"new": 1`) || !strings.Contains(body, `"id": "urn:parallax:article:n1"`) {
		t.Errorf("API: %s", body)
	}
	if res, _ := s.postJSON(t, "POST", "/api/v1/follows/1/seen", "", key); res.StatusCode != 204 {
		t.Fatal(res.StatusCode)
	}
	if _, page := s.do(t, "GET", "/follows", "", nil, nil); !strings.Contains(page, "0 new entries") {
		t.Errorf("still new after marking seen")
	}
}
