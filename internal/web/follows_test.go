package web_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"parallax/internal/follow"
	"parallax/internal/model"
	"parallax/internal/web"
)

// send runs one request with a body from remote (an address:port).
func send(t *testing.T, h http.Handler, method, target, remote, ctype, body string) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	req.RemoteAddr = remote
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

const (
	local  = "127.0.0.1:50000"
	remote = "203.0.113.9:50000"
	form   = "application/x-www-form-urlencoded"
)

// TestFollowsWrites: the POST routes of follows answer 403 to a remote
// peer and work from loopback (writeOnly); a follow saved by form or API
// is listed with its feeds and no new entry; bad input is refused with
// why; delete removes it.
func TestFollowsWrites(t *testing.T) {
	st := newTestStore(t)
	seed(t, st)
	h := web.NewHandler(st, quietLog())
	add := url.Values{"name": {"Bridge news"}, "kind": {"search"}, "target": {"bridge"}}.Encode()
	for _, target := range []string{"/follows", "/follows/1/delete", "/api/v1/follows", "/api/v1/follows/1/delete"} {
		if res, _ := send(t, h, "POST", target, remote, form, add); res.StatusCode != http.StatusForbidden {
			t.Errorf("POST %s from a remote peer: %d, want 403", target, res.StatusCode)
		}
	}
	if res, _ := send(t, h, "DELETE", "/api/v1/follows/1", remote, "", ""); res.StatusCode != http.StatusForbidden {
		t.Errorf("DELETE from a remote peer: %d", res.StatusCode)
	}
	if fs, _ := st.Follows(context.Background()); len(fs) != 0 {
		t.Fatalf("a remote peer saved %+v", fs)
	}
	res, _ := send(t, h, "POST", "/follows", local, form, add)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/follows" {
		t.Fatalf("form add: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	res, body := send(t, h, "POST", "/api/v1/follows", "[::1]:4000", "application/json",
		`{"name":"Ruiz","kind":"entity","target":"person:Ana Ruiz","webhook_url":"https://hooks.example/p","webhook_secret":"x"}`)
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
	_, page := get(t, h, "GET", "/follows")
	for _, want := range []string{"Bridge news", `href="/search.atom?q=bridge"`, `href="/search.json?q=bridge"`,
		`href="/entities/feed.atom?name=Ana&#43;Ruiz&amp;type=person"`, "0 new entries", "Webhook <code>https://hooks.example/p</code>"} {
		if !strings.Contains(page, want) {
			t.Errorf("/follows lacks %s", want)
		}
	}
	for _, bad := range []string{`{"kind":"search","target":"-only"}`, `{"kind":"story","target":"no-such-story"}`,
		`{"kind":"entity","target":"animal:x"}`, `{"kind":"search","target":"x","webhook_url":"ftp://h/x","webhook_secret":"s"}`,
		`{"kind":"search","target":"x","webhook_url":"https://h/x"}`, `{"kind":"nope","target":"x"}`, `not json`} {
		if res, body := send(t, h, "POST", "/api/v1/follows", local, "application/json", bad); res.StatusCode != 400 || !strings.Contains(body, "error") {
			t.Errorf("POST %s: %d %s, want 400", bad, res.StatusCode, body)
		}
	}
	res, page = send(t, h, "POST", "/follows", local, form, url.Values{"kind": {"story"}, "target": {"nope"}}.Encode())
	if res.StatusCode != 400 || !strings.Contains(page, `role="alert">no story &#34;nope&#34;`) {
		t.Errorf("form with a bad story: %d", res.StatusCode)
	}
	if res, _ := send(t, h, "POST", "/follows", local, form, url.Values{"kind": {"story"}, "target": {"s-bridge"}, "name": {"The bridge"}}.Encode()); res.StatusCode != 303 {
		t.Errorf("following a story: %d", res.StatusCode)
	}
	fs, _ := st.Follows(context.Background())
	if len(fs) != 3 || fs[2].Kind != model.FollowStory || fs[2].Entries != 1 || fs[2].New != 0 {
		t.Fatalf("follows %+v", fs)
	}
	if res, _ := send(t, h, "POST", "/follows/1/delete", local, form, ""); res.StatusCode != 303 {
		t.Errorf("delete: %d", res.StatusCode)
	}
	if res, _ := send(t, h, "DELETE", "/api/v1/follows/2", local, "", ""); res.StatusCode != 204 {
		t.Errorf("API delete: %d", res.StatusCode)
	}
	if res, _ := send(t, h, "POST", "/api/v1/follows/2/delete", local, "", ""); res.StatusCode != 404 {
		t.Errorf("API delete again: %d, want 404", res.StatusCode)
	}
	if fs, _ := st.Follows(context.Background()); len(fs) != 1 || fs[0].Name != "The bridge" {
		t.Errorf("after deletes: %+v", fs)
	}
}

// TestFollowNewEntries: a new article matching a saved search counts as
// new on /follows and in the API once the follows are checked, until
// marked seen.
func TestFollowNewEntries(t *testing.T) {
	ctx := context.Background()
	st := newTestStore(t)
	seed(t, st)
	h := web.NewHandler(st, quietLog())
	if res, _ := send(t, h, "POST", "/follows", local, form, url.Values{"name": {"Bridge"}, "kind": {"search"}, "target": {"bridge"}}.Encode()); res.StatusCode != 303 {
		t.Fatal(res.StatusCode)
	}
	mustAdd(t, st, &model.Article{ID: "n1", Source: "Wire", Title: "Bridge reopens", Text: "The bridge reopened.", Published: day(8), ContentHash: "hn1"})
	if n, err := follow.Check(ctx, st, time.Now(), quietLog()); err != nil || n != 1 {
		t.Fatalf("Check = %d, %v; want 1 new entry", n, err)
	}
	_, page := get(t, h, "GET", "/follows")
	if !strings.Contains(page, "1 new entry") || !strings.Contains(page, `<a href="/articles/n1">Bridge reopens</a> <span class="new-mark">new</span>`) {
		t.Errorf("/follows does not show the new entry:\n%s", page)
	}
	_, body := get(t, h, "GET", "/api/v1/follows")
	if !strings.Contains(body, `"new": 1`) || !strings.Contains(body, `"id": "urn:parallax:article:n1"`) {
		t.Errorf("API: %s", body)
	}
	if res, _ := send(t, h, "POST", "/follows/1/seen", local, form, ""); res.StatusCode != 303 {
		t.Fatal(res.StatusCode)
	}
	if _, page := get(t, h, "GET", "/follows"); !strings.Contains(page, "0 new entries") {
		t.Errorf("still new after marking seen")
	}
}
