package web_test

import (
	"context"
	"encoding/json"
	"html"
	"net/http"
	"slices"
	"strings"
	"testing"

	"parallax/internal/model"
	"parallax/internal/web"
)

func TestProfilePages(t *testing.T) {
	st := newTestStore(t)
	seed(t, st)
	h := web.New(st, web.Options{Log: quietLog()})
	const bridge = "Elm Street bridge closed after cracks found"
	tests := []struct {
		name, target string
		status       int
		want, not    []string
	}{
		{"Person", "/entities/person/Ana%20Ruiz", 200, []string{"<h1 class=\"page-title\">Ana Ruiz</h1>", ">Person<",
			`<a href="/entities/person/Ruiz">Ruiz</a>`, bridge, `id="total">1 story<`, `href="/?entity=Ana&#43;Ruiz&amp;type=person"`,
			`href="/entities/feed.atom?name=Ana&#43;Ruiz&amp;type=person"`},
			[]string{"School board"}},
		{"Alias", "/entities/person/Ruiz", 200, []string{`<a href="/entities/person/Ana%20Ruiz">Ana Ruiz</a>`, bridge}, nil},
		{"Org", "/entities/org/City%20Council", 200, []string{">Organisation<", "the council", bridge}, nil},
		{"WrongType", "/entities/place/Ana%20Ruiz", 404, nil, nil},
		{"UnknownType", "/entities/animal/Ana%20Ruiz", 404, nil, nil},
		{"Unknown", "/entities/person/Nobody", 404, nil, nil},
		{"OutletFigures", "/outlets/City%20Wire", 200, []string{"<h1 class=\"page-title\">City Wire</h1>",
			`id="claims">1 of 1 single-source claims (100%)<`, `id="attributed">0 attributed, 1 not (0% attributed)<`,
			`<span class="loaded">snarls</span> (1)`, `id="briefed">1<`, bridge}, []string{"School board"}},
		{"OutletUnbriefed", "/outlets/Harbor%20Times", 200, []string{"No brief written so far compares it",
			bridge, "School board vote delayed", `id="total">2 stories<`}, nil},
		{"UnknownOutlet", "/outlets/Nowhere", 404, nil, nil},
		{"EntityFeedLinked", "/entities/feed.atom?name=Ana+Ruiz&type=person", 200, []string{"<feed", bridge}, nil},
		{"StoryLinks", "/stories/s-bridge", 200, []string{`href="/entities/person/Ana%20Ruiz"`,
			`href="/entities/place/Elm%20Street"`, `<a href="/outlets/City%20Wire">City Wire</a>`}, nil},
		{"AllEntitiesLinks", "/stories/s-bridge/entities", 200, []string{`<a href="/entities/org/City%20Council">City Council</a>`}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, body := get(t, h, "GET", tc.target)
			if res.StatusCode != tc.status {
				t.Fatalf("status = %d, want %d", res.StatusCode, tc.status)
			}
			for _, s := range tc.want {
				if !strings.Contains(body, s) {
					t.Errorf("page lacks %q", s)
				}
			}
			for _, s := range tc.not {
				if strings.Contains(body, s) {
					t.Errorf("page has %q", s)
				}
			}
		})
	}
}

func TestProfileAPI(t *testing.T) {
	st := newTestStore(t)
	seed(t, st)
	h := web.New(st, web.Options{Log: quietLog()})
	var e struct {
		Entity struct {
			Type, Name string
			Aliases    []struct{ Name string }
			Stories    int
		}
		Stories []struct{ ID string }
		Total   int
	}
	decodeGet(t, h, "/api/v1/entities/person/Ruiz", &e)
	if e.Entity.Type != "PERSON" || e.Entity.Stories != 1 || len(e.Entity.Aliases) != 1 || e.Entity.Aliases[0].Name != "Ana Ruiz" ||
		e.Total != 1 || len(e.Stories) != 1 || e.Stories[0].ID != "s-bridge" {
		t.Errorf("entity = %+v", e)
	}
	var o struct {
		Outlet struct {
			Source            string
			Stories, Articles int
			Claims            int
			AllClaims         int     `json:"all_claims"`
			ClaimShare        float64 `json:"claim_share"`
		}
		Stories []struct{ ID string }
		Total   int
		Next    *string
	}
	decodeGet(t, h, "/api/v1/outlets/Harbor%20Times?limit=1", &o)
	if o.Outlet.Source != "Harbor Times" || o.Outlet.Stories != 2 || o.Total != 2 || len(o.Stories) != 1 || o.Stories[0].ID != "s-pending" ||
		o.Next == nil || *o.Next != "/api/v1/outlets/Harbor%20Times?limit=1&offset=1" {
		t.Errorf("outlet = %+v next=%v", o, o.Next)
	}
	decodeGet(t, h, "/api/v1/outlets/City%20Wire", &o)
	if o.Outlet.ClaimShare != 1 || o.Outlet.Claims != 1 || o.Outlet.AllClaims != 1 {
		t.Errorf("City Wire = %+v", o.Outlet)
	}
	for _, target := range []string{"/api/v1/entities/person/Nobody", "/api/v1/outlets/Nowhere"} {
		if res, body := get(t, h, "GET", target); res.StatusCode != 404 || !strings.Contains(body, `"error"`) {
			t.Errorf("%s: %d %s", target, res.StatusCode, body)
		}
	}
}

// decodeGet GETs target from h and decodes its JSON into v.
func decodeGet(t *testing.T, h http.Handler, target string, v any) {
	t.Helper()
	res, body := get(t, h, "GET", target)
	if res.StatusCode != 200 {
		t.Fatalf("%s: status %d: %s", target, res.StatusCode, body)
	}
	if err := json.Unmarshal([]byte(body), v); err != nil {
		t.Fatalf("%s: %v", target, err)
	}
}

// TestEntityOddNames: names with a slash, percent sign, question mark or
// hash link to pages that find them.
func TestEntityOddNames(t *testing.T) {
	st := newTestStore(t)
	seed(t, st)
	b := fixtureBrief
	b.Entities = append(slices.Clone(b.Entities), model.Entity{Name: "AC/DC", Type: "ORG"}, model.Entity{Name: "Zoë 100% ?#", Type: "PERSON"})
	if err := st.SaveBrief(context.Background(), "s-bridge", &b); err != nil {
		t.Fatal(err)
	}
	h := web.New(st, web.Options{Log: quietLog()})
	_, body := get(t, h, "GET", "/stories/s-bridge/entities")
	for _, tc := range []struct{ href, name string }{
		{"/entities/org/AC%2FDC", "AC/DC"},
		{"/entities/person/Zo%C3%AB%20100%25%20%3F%23", "Zoë 100% ?#"},
	} {
		if !strings.Contains(body, `<a href="`+tc.href+`">`) {
			t.Errorf("entities page lacks a link to %s", tc.href)
		}
		res, page := get(t, h, "GET", tc.href)
		if res.StatusCode != 200 || !strings.Contains(page, `<h1 class="page-title">`+html.EscapeString(tc.name)+`</h1>`) {
			t.Errorf("%s: status %d", tc.href, res.StatusCode)
		}
	}
}
