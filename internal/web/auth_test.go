package web_test

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"parallax/internal/store"
	"parallax/internal/web"
)

// TestWriteWithoutSessionOrKey: no write gets through without a session
// or key: pages are sent to the login, the API answers 401, and with no
// password set (or bound beyond loopback without one) 403 naming
// PARALLAX_PASSWORD. Nothing is followed.
func TestWriteWithoutSessionOrKey(t *testing.T) {
	feeds := feedServer(t)
	tests := []struct {
		name               string
		public, noPassword bool
		method, path, key  string
		json               bool
		status             int
		want               string // in the Location header or the body
	}{
		{name: "PageRedirects", method: "POST", path: "/feeds", status: 303, want: "/login?next="},
		{name: "RemoveRedirects", method: "POST", path: "/feeds/remove", status: 303, want: "/login"},
		{name: "API401", method: "POST", path: "/api/v1/feeds", json: true, status: 401, want: "API key"},
		{name: "APIDelete401", method: "DELETE", path: "/api/v1/feeds?url=x", json: true, status: 401, want: "API key"},
		{name: "APIBadKey", method: "POST", path: "/api/v1/feeds", json: true, key: "px_nope", status: 401, want: "API key"},
		{name: "NoPassword403", noPassword: true, method: "POST", path: "/feeds", status: 403, want: "set PARALLAX_PASSWORD to enable changes"},
		{name: "PublicNoPassword403", public: true, noPassword: true, method: "POST", path: "/feeds", status: 403, want: "set PARALLAX_PASSWORD"},
		{name: "PublicNoPasswordAPI403", public: true, noPassword: true, method: "POST", path: "/api/v1/feeds/import", json: true, status: 403, want: "set PARALLAX_PASSWORD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newAuthServer(t, web.Options{Public: tt.public}, tt.noPassword)
			var res *http.Response
			var body string
			if tt.json {
				res, body = s.postJSON(t, tt.method, tt.path, `{"url":"`+feeds.URL+`/feed.xml"}`, tt.key)
			} else {
				res, body = s.postForm(t, tt.path, url.Values{"url": {feeds.URL + "/feed.xml"}})
			}
			if res.StatusCode != tt.status || !strings.Contains(res.Header.Get("Location")+body, tt.want) {
				t.Fatalf("%s %s = %d (Location %q) %.300s; want %d with %q", tt.method, tt.path, res.StatusCode,
					res.Header.Get("Location"), body, tt.status, tt.want)
			}
			if tt.status == 401 && res.Header.Get("WWW-Authenticate") == "" {
				t.Error("401 without WWW-Authenticate")
			}
			if n := s.feedCount(t); n != 0 {
				t.Fatalf("%d feed(s) followed after a refused write", n)
			}
		})
	}
}

// TestLoginSessionAndCSRF: a wrong password is refused; the right one
// gives an HttpOnly SameSite=Lax session cookie; a write with a wrong or
// missing CSRF token is refused (403) and one with the token goes through;
// the session survives a restart (a new handler on the same store) and
// ends at logout.
func TestLoginSessionAndCSRF(t *testing.T) {
	feeds := feedServer(t)
	s := newAuthServer(t, web.Options{}, false)
	if res := s.login(t, "wrong"); res.StatusCode != http.StatusUnauthorized {
		t.Fatalf("wrong password: %d", res.StatusCode)
	}
	res := s.login(t, testPassword)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/feeds" {
		t.Fatalf("login: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	var cookie *http.Cookie
	for _, c := range res.Cookies() {
		if c.Name == "parallax_session" {
			cookie = c
		}
	}
	if cookie == nil || !cookie.HttpOnly || cookie.SameSite != http.SameSiteLaxMode || cookie.Secure {
		t.Fatalf("session cookie %+v: want HttpOnly, SameSite=Lax, not Secure over plain HTTP", cookie)
	}
	_, page := s.do(t, "GET", "/feeds", "", nil, nil)
	token := csrfOf(t, page)
	add := url.Values{"url": {feeds.URL + "/feed.xml"}, "category": {"Local"}}
	for name, tok := range map[string]string{"Missing": "", "Wrong": token + "x"} {
		v := url.Values{"csrf": {tok}}
		for k, vs := range add {
			v[k] = vs
		}
		if res, body := s.postForm(t, "/feeds", v); res.StatusCode != http.StatusForbidden || !strings.Contains(body, "reload the page") {
			t.Fatalf("%s CSRF token: %d %.300s", name, res.StatusCode, body)
		}
	}
	if n := s.feedCount(t); n != 0 {
		t.Fatalf("bad CSRF tokens followed %d feed(s)", n)
	}
	add.Set("csrf", token)
	if res, body := s.postForm(t, "/feeds", add); res.StatusCode != 200 || !strings.Contains(body, "Following "+feeds.URL+"/feed.xml") {
		t.Fatalf("add with token: %d %.500s", res.StatusCode, body)
	}

	// A restart: a new handler over the same store knows the session.
	restarted := httptest.NewServer(web.New(s.st, web.Options{Log: quietLog(), PasswordHash: mustHash(t)}))
	defer restarted.Close()
	req, _ := http.NewRequest("POST", restarted.URL+"/feeds/category", strings.NewReader(url.Values{
		"csrf": {token}, "url": {feeds.URL + "/feed.xml"}, "category": {"Valley"}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(&http.Cookie{Name: cookie.Name, Value: cookie.Value})
	if res, err := http.DefaultClient.Do(req); err != nil || res.StatusCode != 200 {
		t.Fatalf("session after restart: %v %v", res, err)
	}

	if res, _ := s.postForm(t, "/logout", url.Values{"csrf": {token}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("logout: %d", res.StatusCode)
	}
	// The old cookie, replayed, is no session any more.
	req, _ = http.NewRequest("POST", restarted.URL+"/feeds/category", strings.NewReader(url.Values{
		"csrf": {token}, "url": {feeds.URL + "/feed.xml"}, "category": {"Other"}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(&http.Cookie{Name: cookie.Name, Value: cookie.Value})
	if res, err := s.client.Transport.RoundTrip(req); err != nil || res.StatusCode != http.StatusSeeOther {
		t.Fatalf("old session after logout: %v %v; want a redirect to the login", res, err)
	}
}

func mustHash(t *testing.T) []byte {
	h, err := web.HashPassword(testPassword)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// TestLoginRateLimit: the sixth attempt in a minute from one address is
// refused with 429 and Retry-After, even with the right password; another
// address is not affected.
func TestLoginRateLimit(t *testing.T) {
	s := newAuthServer(t, web.Options{}, false)
	for i := range 5 {
		if res := s.login(t, "wrong"); res.StatusCode != http.StatusUnauthorized {
			t.Fatalf("attempt %d: %d", i+1, res.StatusCode)
		}
	}
	res := s.login(t, testPassword)
	if res.StatusCode != http.StatusTooManyRequests || res.Header.Get("Retry-After") == "" {
		t.Fatalf("sixth attempt: %d Retry-After %q; want 429", res.StatusCode, res.Header.Get("Retry-After"))
	}
	h := web.New(s.st, web.Options{Log: quietLog(), PasswordHash: mustHash(t), LoginAttempts: 1})
	for _, tt := range []struct {
		addr   string
		status int
	}{{"192.0.2.1:1000", 403}, {"192.0.2.1:1001", 429}, {"192.0.2.2:1000", 403}} {
		req := httptest.NewRequest("POST", "/login", strings.NewReader("password=x"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.RemoteAddr = tt.addr
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != tt.status { // 403: no login CSRF cookie, but counted
			t.Errorf("POST /login from %s: %d; want %d", tt.addr, rec.Code, tt.status)
		}
	}
}

// TestPasswordNeverLogged: failed and successful logins, at debug level,
// never write the password (nor its hash) to the log.
func TestPasswordNeverLogged(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	hash := mustHash(t)
	s := newAuthServer(t, web.Options{Log: log, PasswordHash: hash}, false)
	s.login(t, testPassword+"!")
	if res := s.login(t, testPassword); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("login: %d", res.StatusCode)
	}
	out := buf.String()
	if !strings.Contains(out, "login failed") || !strings.Contains(out, "logged in") {
		t.Fatalf("the logins were not logged at all:\n%s", out)
	}
	for _, secret := range []string{testPassword, url.QueryEscape(testPassword), "horse", string(hash)} {
		if strings.Contains(out, secret) {
			t.Fatalf("log contains %q:\n%s", secret, out)
		}
	}
}

// TestBearerKey: an API key works on a write call without CSRF; once
// revoked it does not.
func TestBearerKey(t *testing.T) {
	feeds := feedServer(t)
	s := newAuthServer(t, web.Options{}, false)
	key, hash := web.NewAPIKey()
	if err := s.st.CreateAPIKey(context.Background(), store.APIKey{Name: "bot", Hash: hash, Created: cookieTime()}); err != nil {
		t.Fatal(err)
	}
	res, body := s.postJSON(t, "POST", "/api/v1/feeds", `{"url":"`+feeds.URL+`/feed.xml","category":"Local"}`, key)
	if res.StatusCode != http.StatusCreated || !strings.Contains(body, `"title": "Valley Wire"`) {
		t.Fatalf("POST with key: %d %s", res.StatusCode, body)
	}
	if err := s.st.RevokeAPIKey(context.Background(), "bot"); err != nil {
		t.Fatal(err)
	}
	res, body = s.postJSON(t, "DELETE", "/api/v1/feeds?url="+url.QueryEscape(feeds.URL+"/feed.xml"), "", key)
	if res.StatusCode != http.StatusUnauthorized {
		t.Fatalf("DELETE with a revoked key: %d %s", res.StatusCode, body)
	}
	if n := s.feedCount(t); n != 1 {
		t.Fatalf("%d feeds after the refused delete; want 1", n)
	}
}

// TestPublicReadsNeedLogin: beyond loopback with a password, pages and
// the API need the login or a key; the login page, stylesheet and
// /healthz do not.
func TestPublicReadsNeedLogin(t *testing.T) {
	s := newAuthServer(t, web.Options{Public: true}, false)
	key, hash := web.NewAPIKey()
	if err := s.st.CreateAPIKey(context.Background(), store.APIKey{Name: "reader", Hash: hash, Created: cookieTime()}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path, key string
		status          int
	}{
		{"Home", "/", "", 303},
		{"Feeds", "/feeds", "", 303},
		{"API", "/api/v1/stories", "", 401},
		{"APIWithKey", "/api/v1/stories", key, 200},
		{"Login", "/login", "", 200},
		{"Style", "/static/style.css", "", 200},
		{"Health", "/healthz", "", 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			if tt.key != "" {
				h.Set("Authorization", "Bearer "+tt.key)
			}
			if res, body := s.do(t, "GET", tt.path, "", nil, h); res.StatusCode != tt.status {
				t.Fatalf("GET %s: %d %.200s; want %d", tt.path, res.StatusCode, body, tt.status)
			}
		})
	}
	s.login(t, testPassword)
	if res, _ := s.do(t, "GET", "/", "", nil, nil); res.StatusCode != 200 {
		t.Fatalf("GET / logged in: %d", res.StatusCode)
	}
}
