package web

import (
	"net/http/httptest"
	"net/url"
	"reflect"
	"testing"

	"parallax/internal/store"
)

// FuzzListQuery: any query string is parsed without panic, and a list
// query that parses survives its own links (href) unchanged.
func FuzzListQuery(f *testing.F) {
	for _, s := range []string{"", "sort=articles", "after=2024-03-01&before=2024-04-01", "outlet=a+b&entity=Ruiz&type=person",
		"min=3&min_outlets=2", "sort=activity", "sort=x", "after=2024-13-01", "type=person", "entity=%00", "min=-1&page=2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		r := httptest.NewRequest("GET", "/", nil)
		r.URL.RawQuery = raw
		q, filter, err := parseListQuery(r)
		if err != nil {
			return
		}
		u, err := url.Parse(q.href("/", 2))
		if err != nil {
			t.Fatalf("href %q: %v", q.href("/", 2), err)
		}
		r2 := httptest.NewRequest("GET", "/", nil)
		r2.URL.RawQuery = u.RawQuery
		q2, filter2, err := parseListQuery(r2)
		if err != nil {
			t.Fatalf("own link %s: %v", u, err)
		}
		if filter.Sort == store.SortActivity {
			filter.Sort = "" // the default sort is left out of links
		}
		if !reflect.DeepEqual(filter, filter2) || q.values().Encode() != q2.values().Encode() {
			t.Errorf("%q -> %q: %+v != %+v", raw, u.RawQuery, filter, filter2)
		}
		if u.Query().Get("page") != "2" {
			t.Errorf("link lost its page: %s", u)
		}
	})
}
