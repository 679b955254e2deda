package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"parallax/internal/model"
	"parallax/internal/store"
	"parallax/internal/web"
)

// postCSV sends csv to POST /groups as a multipart form from remote,
// with extra headers (name, value pairs).
func postCSV(t *testing.T, h http.Handler, remote, csv string, header ...string) (*http.Response, string) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, err := mw.CreateFormFile("file", "labels.csv")
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(fw, csv)
	mw.Close()
	r := httptest.NewRequest("POST", "/groups", &body)
	r.RemoteAddr = remote
	r.Header.Set("Content-Type", mw.FormDataContentType())
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w.Result(), w.Body.String()
}

// leaningCSV labels the bridge story's three outlets (seed): two left,
// one right.
const leaningCSV = "outlet,dimension,value\nHarbor Times,leaning,left\nValley Post,leaning,left\nCity Wire,leaning,right\n"

// TestPostGroups: a loopback upload replaces the labels; other addresses
// and cross-site browser posts are refused before anything is read; a bad
// file is a 400 naming its line.
func TestPostGroups(t *testing.T) {
	st := newTestStore(t)
	seed(t, st)
	h := web.New(st, web.Options{Log: quietLog()})
	for _, tt := range []struct {
		name, remote string
		header       []string
	}{
		{"OtherAddress", "192.0.2.7:5000", nil},
		{"IPv6Other", "[2001:db8::2]:5000", nil},
		{"CrossSite", "127.0.0.1:5000", []string{"Sec-Fetch-Site", "cross-site"}},
		{"CrossOrigin", "127.0.0.1:5000", []string{"Origin", "https://evil.example"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res, _ := postCSV(t, h, tt.remote, leaningCSV, tt.header...)
			if res.StatusCode != http.StatusForbidden {
				t.Errorf("POST /groups: %d, want 403", res.StatusCode)
			}
			if l, _ := st.Labels(context.Background()); len(l) != 0 {
				t.Fatalf("a refused upload stored labels: %v", l)
			}
		})
	}
	res, body := postCSV(t, h, "127.0.0.1:5000", "outlet,dimension,value\nHarbor Times,leaning,left\nCity Wire,leaning\n")
	if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "line 3") {
		t.Errorf("bad CSV: %d %s, want 400 naming line 3", res.StatusCode, body)
	}
	res, body = postCSV(t, h, "127.0.0.1:5000", leaningCSV)
	var got struct {
		Imported   int      `json:"imported"`
		Dimensions []string `json:"dimensions"`
	}
	if res.StatusCode != http.StatusOK || json.Unmarshal([]byte(body), &got) != nil || got.Imported != 3 ||
		len(got.Dimensions) != 1 || got.Dimensions[0] != "leaning" {
		t.Fatalf("POST /groups: %d %s", res.StatusCode, body)
	}
	res, _ = postCSV(t, h, "[::1]:5000", leaningCSV, "Accept", "text/html", "Sec-Fetch-Site", "same-origin")
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/blindspots" {
		t.Errorf("form POST /groups: %d to %q, want 303 to /blindspots", res.StatusCode, res.Header.Get("Location"))
	}
	if res, _ := get(t, h, "GET", "/groups"); res.StatusCode == http.StatusOK {
		t.Errorf("GET /groups answered 200")
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
	if strings.Contains(page, `id="coverage"`) {
		t.Fatal("coverage section without labels")
	}
	if res, _ := postCSV(t, h, "127.0.0.1:1", leaningCSV); res.StatusCode != http.StatusOK {
		t.Fatalf("import: %d", res.StatusCode)
	}
	_, page = get(t, h, "GET", "/stories/s-bridge")
	for _, want := range []string{`id="coverage"`, `<rect class="seg-0" x="0.00" y="0" width="66.67"`,
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
	if res.StatusCode != 200 || !strings.Contains(page, `href="/stories/s-bridge#coverage"`) ||
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
