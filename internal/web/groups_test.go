package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"parallax/internal/model"
	"parallax/internal/store"
	"parallax/internal/web"
)

// leaningCSV labels the bridge story's three outlets (seed): two left,
// one right.
const leaningCSV = "outlet,dimension,value\nHarbor Times,leaning,left\nValley Post,leaning,left\nCity Wire,leaning,right\n"

// TestPostGroups: POST /groups goes through the login middleware
// (writeOnly -> requireWrite): refused without a password, a session or
// a key, or with a session but no CSRF token; a bearer key imports (JSON
// answer), so does the logged-in operator's form on /blindspots (303
// back to it); a bad file is a 400 naming its line; /groups.csv exports.
func TestPostGroups(t *testing.T) {
	t.Run("NoPassword", func(t *testing.T) {
		s := newAuthServer(t, web.Options{}, true)
		res, _ := s.postMultipart(t, "/groups", leaningCSV, "", nil)
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("POST /groups without a password set: %d, want 403", res.StatusCode)
		}
		s.noLabels(t)
	})
	s := newAuthServer(t, web.Options{}, false)
	res, _ := s.postMultipart(t, "/groups", leaningCSV, "", nil)
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/login") {
		t.Errorf("POST /groups without a session: %d to %q, want a redirect to /login", res.StatusCode, res.Header.Get("Location"))
	}
	res, _ = s.postMultipart(t, "/groups", leaningCSV, "", http.Header{"Authorization": {"Bearer not-a-key"}})
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/login") {
		t.Errorf("POST /groups with an unknown key: %d, want a redirect to /login (a page route)", res.StatusCode)
	}
	s.noLabels(t)

	key, hash := web.NewAPIKey()
	if err := s.st.CreateAPIKey(context.Background(), store.APIKey{Name: "labels", Hash: hash, Created: cookieTime()}); err != nil {
		t.Fatal(err)
	}
	bearer := http.Header{"Authorization": {"Bearer " + key}}
	res, body := s.postMultipart(t, "/groups", "outlet,dimension,value\nHarbor Times,leaning,left\nCity Wire,leaning\n", "", bearer)
	if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "line 3") {
		t.Errorf("bad CSV: %d %s, want 400 naming line 3", res.StatusCode, body)
	}
	res, body = s.postMultipart(t, "/groups", leaningCSV, "", bearer)
	var got struct {
		Imported   int      `json:"imported"`
		Dimensions []string `json:"dimensions"`
	}
	if res.StatusCode != http.StatusOK || json.Unmarshal([]byte(body), &got) != nil || got.Imported != 3 ||
		len(got.Dimensions) != 1 || got.Dimensions[0] != "leaning" {
		t.Fatalf("POST /groups with a key: %d %s", res.StatusCode, body)
	}

	// The operator's form: log in, then /blindspots carries it.
	s.login(t, testPassword)
	_, page := s.do(t, http.MethodGet, "/blindspots", "", nil, nil)
	if !strings.Contains(page, `action="/groups"`) {
		t.Fatalf("/blindspots has no import form for the logged-in operator")
	}
	html := http.Header{"Accept": {"text/html"}}
	if res, _ := s.postMultipart(t, "/groups", "outlet,dimension,value\nA,country,X\n", "", html); res.StatusCode != http.StatusForbidden {
		t.Errorf("form POST without its CSRF token: %d, want 403", res.StatusCode)
	}
	res, _ = s.postMultipart(t, "/groups", "outlet,dimension,value\nA,country,X\n", csrfOf(t, page), html)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/blindspots" {
		t.Errorf("form POST /groups: %d to %q, want 303 to /blindspots", res.StatusCode, res.Header.Get("Location"))
	}
	_, csv := s.do(t, http.MethodGet, "/groups.csv", "", nil, nil)
	want := "outlet,dimension,value\nA,country,X\nCity Wire,leaning,right\nHarbor Times,leaning,left\nValley Post,leaning,left\n"
	if csv != want {
		t.Errorf("GET /groups.csv = %q, want %q", csv, want)
	}
}

// postMultipart posts csv as the "file" of a multipart form, with a csrf
// field when csrf is set.
func (s *authServer) postMultipart(t *testing.T, path, csv, csrf string, header http.Header) (*http.Response, string) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	if csrf != "" {
		mw.WriteField("csrf", csrf)
	}
	fw, err := mw.CreateFormFile("file", "labels.csv")
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(fw, csv)
	mw.Close()
	return s.do(t, http.MethodPost, path, mw.FormDataContentType(), &body, header)
}

func (s *authServer) noLabels(t *testing.T) {
	t.Helper()
	if l, _ := s.st.Labels(context.Background()); len(l) != 0 {
		t.Fatalf("a refused upload stored labels: %v", l)
	}
}

// TestCoverageAndBlindspots: the story page draws a bar per dimension
// (SVG widths as attributes, no style attribute), the API gives the same
// counts, an import shows on an already cached story page, and the
// blindspots page and API list a story covered by one side only.
func TestCoverageAndBlindspots(t *testing.T) {
	st := newTestStore(t)
	seed(t, st)
	h := web.New(st, web.Options{Log: quietLog()})
	_, page := get(t, h, "GET", "/stories/s-bridge") // cached before any labels
	if strings.Contains(page, `id="groups"`) {
		t.Fatal("coverage section without labels")
	}
	if err := st.ImportLabels(context.Background(), []model.OutletLabel{
		{Outlet: "Harbor Times", Dimension: "leaning", Value: "left"}, {Outlet: "Valley Post", Dimension: "leaning", Value: "left"},
		{Outlet: "City Wire", Dimension: "leaning", Value: "right"},
	}); err != nil {
		t.Fatal(err)
	}
	_, page = get(t, h, "GET", "/stories/s-bridge")
	for _, want := range []string{`id="groups"`, `<rect class="seg-0" x="0.00" y="0" width="66.67"`,
		`<rect class="seg-1" x="66.67" y="0" width="33.33"`, "left <span class=\"count\">2 · 67%", `aria-label="leaning: left 2, right 1 (of 3 outlets)"`} {
		if !strings.Contains(page, want) {
			t.Errorf("story page lacks %q", want)
		}
	}
	if strings.Contains(page, "style=") {
		t.Error("story page has a style attribute (the CSP forbids it)")
	}
	_, body := get(t, h, "GET", "/api/v1/stories/s-bridge")
	var sj struct {
		Coverage []model.Coverage `json:"coverage"`
	}
	if err := json.Unmarshal([]byte(body), &sj); err != nil {
		t.Fatal(err)
	}
	if len(sj.Coverage) != 1 || sj.Coverage[0].Outlets != 3 || len(sj.Coverage[0].Values) != 2 ||
		sj.Coverage[0].Values[0] != (model.CoverageValue{Value: "left", Outlets: 2}) || sj.Coverage[0].Unlabelled != 0 {
		t.Errorf("API coverage = %+v", sj.Coverage)
	}

	// No blindspot yet: 2 left, 1 right. Relabel the right one left.
	if _, page := get(t, h, "GET", "/blindspots"); !strings.Contains(page, "No blindspots") {
		t.Error("blindspot listed for a story covered by both sides")
	}
	if err := st.ImportLabels(context.Background(), []model.OutletLabel{
		{Outlet: "Harbor Times", Dimension: "leaning", Value: "left"}, {Outlet: "Valley Post", Dimension: "leaning", Value: "left"},
		{Outlet: "City Wire", Dimension: "leaning", Value: "left"},
	}); err != nil {
		t.Fatal(err)
	}
	res, page := get(t, h, "GET", "/blindspots")
	if res.StatusCode != 200 || !strings.Contains(page, `href="/stories/s-bridge#groups"`) ||
		!strings.Contains(page, "3 of 3 labelled outlets") || !strings.Contains(page, `leaning</a>: left`) {
		t.Errorf("blindspots page: %d\n%s", res.StatusCode, page)
	}
	_, body = get(t, h, "GET", "/api/v1/blindspots?dimension=leaning")
	var bj struct {
		MinOutlets   int `json:"min_outlets"`
		SharePercent int `json:"share_percent"`
		Blindspots   []struct {
			Story     model.Story `json:"story"`
			Dimension string      `json:"dimension"`
			Value     string      `json:"value"`
			Side      int         `json:"side"`
			Labelled  int         `json:"labelled"`
		} `json:"blindspots"`
		Next *string `json:"next"`
	}
	if err := json.Unmarshal([]byte(body), &bj); err != nil {
		t.Fatal(err)
	}
	if bj.MinOutlets != store.DefaultBlindspotOutlets || bj.SharePercent != 90 || len(bj.Blindspots) != 1 || bj.Next != nil {
		t.Fatalf("API blindspots = %s", body)
	}
	if b := bj.Blindspots[0]; b.Story.ID != "s-bridge" || b.Value != "left" || b.Side != 3 || b.Labelled != 3 || b.Story.Outlets != 3 {
		t.Errorf("blindspot = %+v", b)
	}
	if _, body := get(t, h, "GET", "/api/v1/blindspots?min_outlets=4"); !strings.Contains(body, `"blindspots": []`) {
		t.Errorf("min_outlets=4 still lists the 3-outlet story: %s", body)
	}
	if res, _ := get(t, h, "GET", "/api/v1/blindspots?share=20"); res.StatusCode != http.StatusBadRequest {
		t.Errorf("share=20: %d, want 400", res.StatusCode)
	}
}
