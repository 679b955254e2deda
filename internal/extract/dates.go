package extract

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/araddon/dateparse"
)

// parseDate reads a machine date (RFC 3339 and the usual variants).
// Dates before 1990 or more than a day in the future are rejected.
func parseDate(s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return time.Time{}
	}
	t, err := dateparse.ParseAny(s)
	if err != nil {
		return time.Time{}
	}
	if t.Year() < 1990 || t.After(time.Now().Add(24*time.Hour)) {
		return time.Time{}
	}
	return t
}

var urlDateRe = regexp.MustCompile(`/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:/|$|-)`)

// urlDate finds a /YYYY/MM/DD/ date in a URL path.
func urlDate(path string) time.Time {
	m := urlDateRe.FindStringSubmatch(path)
	if m == nil {
		return time.Time{}
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	if mo < 1 || mo > 12 || d < 1 || d > 31 {
		return time.Time{}
	}
	return time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
}

// jsonLD reads article metadata from one JSON-LD script.
func (m *pageMeta) jsonLD(src string) {
	var v any
	if len(src) > 1<<20 || json.Unmarshal([]byte(strings.TrimSpace(src)), &v) != nil {
		return
	}
	m.ldNode(v, 0)
}

func (m *pageMeta) ldNode(v any, depth int) {
	if depth > 8 {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			m.ldNode(e, depth+1)
		}
	case map[string]any:
		if g, ok := x["@graph"]; ok {
			m.ldNode(g, depth+1)
		}
		typ := strings.ToLower(ldString(x["@type"]))
		if !strings.Contains(typ, "article") && !strings.Contains(typ, "posting") && !strings.Contains(typ, "report") {
			return
		}
		m.title = first(m.title, ldString(x["headline"]))
		m.byline = first(m.byline, ldName(x["author"]))
		m.site = first(m.site, ldName(x["publisher"]))
		m.image = first(m.image, ldURL(x["image"]))
		m.desc = first(m.desc, ldString(x["description"]))
		m.lang = first(m.lang, ldString(x["inLanguage"]))
		if b := ldString(x["articleBody"]); len(b) > len(m.body) {
			m.body = b
		}
		if m.published.IsZero() {
			m.published = parseDate(ldString(x["datePublished"]))
		}
		if m.modified.IsZero() {
			m.modified = parseDate(ldString(x["dateModified"]))
		}
	}
}

func ldString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case []any:
		if len(x) > 0 {
			return ldString(x[0])
		}
	}
	return ""
}

// ldName reads a person or organisation name, or a list of them.
func ldName(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case map[string]any:
		return ldString(x["name"])
	case []any:
		var names []string
		for _, e := range x {
			if n := ldName(e); n != "" && len(names) < 5 {
				names = append(names, n)
			}
		}
		return strings.Join(names, ", ")
	}
	return ""
}

func ldURL(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case map[string]any:
		return ldString(x["url"])
	case []any:
		if len(x) > 0 {
			return ldURL(x[0])
		}
	}
	return ""
}
