package web_test

import (
	"encoding/json"
	"html"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"parallax/internal/web"
)

var (
	nextLink   = regexp.MustCompile(`<a rel="next" href="([^"]*)"`)
	articleTit = regexp.MustCompile(`class="title" href="[^"]*">(Big article \d+)</a>`)
	entityName = regexp.MustCompile(`<th scope="row" class="name">(?:<a href="[^"]*">)?([^<]*)(?:</a>)?</th>`)
	quoteText  = regexp.MustCompile(`<blockquote><p>(Quote number \d+)`)
)

// TestStoryPartPages follows the "all" pages' next links from the first
// page and finds every item once, each page bounded, with the total shown.
func TestStoryPartPages(t *testing.T) {
	st := newTestStore(t)
	seedBig(t, st)
	h := web.NewHandler(st, quietLog())
	tests := []struct {
		part  string
		total int
		item  *regexp.Regexp
	}{
		{"articles", bigArticles, articleTit},
		{"entities", bigEntities, entityName},
		{"quotes", bigQuotes, quoteText},
	}
	for _, tc := range tests {
		t.Run(tc.part, func(t *testing.T) {
			seen := map[string]bool{}
			target, pages := "/stories/"+bigStory+"/"+tc.part, 0
			for target != "" {
				res, body := get(t, h, "GET", target)
				if res.StatusCode != 200 {
					t.Fatalf("%s: status %d", target, res.StatusCode)
				}
				pages++
				items := tc.item.FindAllStringSubmatch(body, -1)
				if len(items) == 0 || len(items) > 50 {
					t.Errorf("%s shows %d items, want 1..50", target, len(items))
				}
				for _, m := range items {
					if seen[m[1]] {
						t.Errorf("%s repeats %q", target, m[1])
					}
					seen[m[1]] = true
				}
				if want := "of " + strconv.Itoa(tc.total) + "</p>"; !strings.Contains(body, want) {
					t.Errorf("%s lacks the total %q", target, want)
				}
				if pages > 1 && !strings.Contains(body, `rel="prev"`) {
					t.Errorf("%s has no previous link", target)
				}
				target = ""
				if m := nextLink.FindStringSubmatch(body); m != nil {
					target = html.UnescapeString(m[1])
				}
			}
			if len(seen) != tc.total || pages != (tc.total+49)/50 {
				t.Errorf("found %d items on %d pages, want %d on %d", len(seen), pages, tc.total, (tc.total+49)/50)
			}
		})
	}
}

func TestStoryPartParams(t *testing.T) {
	st := newTestStore(t)
	seedBig(t, st)
	seed(t, st)
	h := web.NewHandler(st, quietLog())
	base := "/stories/" + bigStory + "/articles"
	tests := []struct {
		name, target string
		status       int
		contains     string
	}{
		{"Page1", base + "?page=1", 200, "1–50 of 130"},
		{"Page3", base + "?page=3", 200, "101–130 of 130"},
		{"PageZero", base + "?page=0", 400, "page must be"},
		{"PageNegative", base + "?page=-2", 400, "page must be"},
		{"PageWord", base + "?page=two", 400, "page must be"},
		{"PageHuge", base + "?page=99999999999999999999", 400, "page must be"},
		{"PageBeyond", base + "?page=4", 404, "not found"},
		{"Missing", "/stories/nope/quotes", 404, "not found"},
		{"BadID", "/stories/a%00b/entities", 400, "invalid id"},
		{"Unknown", "/stories/" + bigStory + "/framing", 404, "not found"},
		{"NoBriefEntities", "/stories/s-pending/entities", 200, "None yet"},
		{"NoBriefQuotes", "/stories/s-pending/quotes", 200, "No quotes"},
		{"SmallStoryOnePage", "/stories/s-bridge/articles", 200, "1–3 of 3"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, body := get(t, h, "GET", tc.target)
			if res.StatusCode != tc.status || !strings.Contains(body, tc.contains) {
				t.Errorf("status %d, want %d; body lacks %q? %v", res.StatusCode, tc.status, tc.contains, !strings.Contains(body, tc.contains))
			}
			checkSecurityHeaders(t, res.Header)
		})
	}
}

// apiPage is one page of a paginated API list.
type apiPage struct {
	Story    string            `json:"story"`
	Total    int               `json:"total"`
	Limit    int               `json:"limit"`
	Offset   int               `json:"offset"`
	Next     *string           `json:"next"`
	Articles []json.RawMessage `json:"articles"`
	Entities []json.RawMessage `json:"entities"`
	Quotes   []json.RawMessage `json:"quotes"`
	Stories  []json.RawMessage `json:"stories"`
}

func (p apiPage) items() []json.RawMessage {
	return append(append(append(append([]json.RawMessage{}, p.Articles...), p.Entities...), p.Quotes...), p.Stories...)
}

// walkAPI follows next links from target and returns every item.
func walkAPI(t *testing.T, h http.Handler, target string, total, limit int) []string {
	t.Helper()
	var all []string
	for n := 0; target != ""; n++ {
		res, body := get(t, h, "GET", target)
		var p apiPage
		if err := json.Unmarshal([]byte(body), &p); err != nil || res.StatusCode != 200 {
			t.Fatalf("%s: status %d: %v\n%s", target, res.StatusCode, err, body)
		}
		if p.Total != total {
			t.Errorf("%s: total = %d, want %d", target, p.Total, total)
		}
		if got := len(p.items()); got > limit || (got < limit && p.Next != nil) {
			t.Errorf("%s: %d items with next %v (limit %d)", target, got, p.Next, limit)
		}
		for _, it := range p.items() {
			all = append(all, string(it))
		}
		target = ""
		if p.Next != nil {
			target = *p.Next
		}
		if n > total {
			t.Fatal("next links do not end")
		}
	}
	return all
}

func TestAPIStoryParts(t *testing.T) {
	st := newTestStore(t)
	seedBig(t, st)
	h := web.NewHandler(st, quietLog())
	tests := []struct {
		part         string
		total, limit int
	}{
		{"articles", bigArticles, 40},
		{"entities", bigEntities, 7},
		{"quotes", bigQuotes, 500},
		{"quotes", bigQuotes, 110},
		{"articles", bigArticles, 1},
	}
	for _, tc := range tests {
		t.Run(tc.part+"/"+strconv.Itoa(tc.limit), func(t *testing.T) {
			items := walkAPI(t, h, "/api/v1/stories/"+bigStory+"/"+tc.part+"?limit="+strconv.Itoa(tc.limit), tc.total, tc.limit)
			distinct := map[string]bool{}
			for _, it := range items {
				distinct[it] = true
			}
			if len(items) != tc.total || len(distinct) != tc.total {
				t.Errorf("walked %d items (%d distinct), want %d", len(items), len(distinct), tc.total)
			}
		})
	}
}

// TestAPIStoryBounded: the story's JSON holds the first page of each
// section, in the same order as the section's endpoint, and links on.
func TestAPIStoryBounded(t *testing.T) {
	st := newTestStore(t)
	seedBig(t, st)
	h := web.NewHandler(st, quietLog())
	_, body := get(t, h, "GET", "/api/v1/stories/"+bigStory)
	var s struct {
		apiPage
		Totals map[string]int     `json:"totals"`
		NextBy map[string]*string `json:"next"`
	}
	if err := json.Unmarshal([]byte(body), &s); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		part  string
		got   []json.RawMessage
		total int
	}{{"articles", s.Articles, bigArticles}, {"entities", s.Entities, bigEntities}, {"quotes", s.Quotes, bigQuotes}} {
		if s.Totals[tc.part] != tc.total || len(tc.got) == 0 || len(tc.got) >= tc.total {
			t.Errorf("%s: %d shown of total %d, want a bounded part of %d", tc.part, len(tc.got), s.Totals[tc.part], tc.total)
		}
		next := s.NextBy[tc.part]
		if next == nil {
			t.Fatalf("%s: no next link", tc.part)
		}
		_, pbody := get(t, h, "GET", "/api/v1/stories/"+bigStory+"/"+tc.part+"?limit="+strconv.Itoa(len(tc.got)))
		var first apiPage
		_ = json.Unmarshal([]byte(pbody), &first)
		if a, b := mustJSON(t, tc.got), mustJSON(t, first.items()); a != b {
			t.Errorf("%s: story JSON's list differs from the endpoint's first page", tc.part)
		}
		rest := walkAPI(t, h, *next, tc.total, len(tc.got))
		if len(rest)+len(tc.got) != tc.total {
			t.Errorf("%s: next pages hold %d more, want %d", tc.part, len(rest), tc.total-len(tc.got))
		}
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestAPIListParams(t *testing.T) {
	st := newTestStore(t)
	seedBig(t, st)
	h := web.NewHandler(st, quietLog())
	base := "/api/v1/stories/" + bigStory + "/entities"
	tests := []struct {
		name, target string
		status       int
		contains     string
	}{
		{"Default", base, 200, `"limit": 50`},
		{"LastPage", base + "?offset=100&limit=50", 200, `"next": null`},
		{"PastEnd", base + "?offset=1000", 200, `"entities": []`},
		{"LimitZero", base + "?limit=0", 400, `"error": "limit must be`},
		{"LimitHuge", base + "?limit=501", 400, `"error": "limit must be`},
		{"LimitWord", base + "?limit=ten", 400, `"error": "limit must be`},
		{"OffsetNegative", base + "?offset=-1", 400, `"error": "offset must be`},
		{"Missing", "/api/v1/stories/nope/articles", 404, `"error": "not found"`},
		{"BadID", "/api/v1/stories/%0a/quotes", 400, `"error": "invalid id"`},
		{"StoriesBadLimit", "/api/v1/stories?limit=0", 400, `"error": "limit must be`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, body := get(t, h, "GET", tc.target)
			if res.StatusCode != tc.status || !strings.Contains(body, tc.contains) {
				t.Errorf("status %d, want %d; want %q in:\n%.400s", res.StatusCode, tc.status, tc.contains, body)
			}
		})
	}
}

// TestAPIStoriesTotalNext walks /api/v1/stories by next links.
func TestAPIStoriesTotalNext(t *testing.T) {
	st := newTestStore(t)
	seedMany(t, st, 7)
	h := web.NewHandler(st, quietLog())
	for _, limit := range []int{1, 2, 3, 7, 50} {
		t.Run(strconv.Itoa(limit), func(t *testing.T) {
			items := walkAPI(t, h, "/api/v1/stories?limit="+strconv.Itoa(limit), 7, limit)
			if len(items) != 7 {
				t.Errorf("walked %d stories, want 7", len(items))
			}
		})
	}
	_, body := get(t, h, "GET", "/api/v1/stories?offset=20")
	if m := decode(t, body); m["total"] != 7.0 || m["next"] != nil {
		t.Errorf("past the end: total %v next %v, want 7 and null", m["total"], m["next"])
	}
}
