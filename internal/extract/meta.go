package extract

import (
	nurl "net/url"
	"strings"
	"time"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta is the metadata read directly from a page's markup.
type pageMeta struct {
	title, byline, site, lang, canonical, image, desc string
	published, modified                               time.Time
	body                                              string // JSON-LD articleBody

}

// readMeta collects metadata from <meta>, <link>, <html lang>, <time>,
// JSON-LD and the page URL.
func readMeta(doc *html.Node, pageURL *nurl.URL) pageMeta {
	var m pageMeta
	var docTitle, timeAttr string
	stack := []*html.Node{doc}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				m.lang = first(m.lang, attr(n, "lang"), attr(n, "xml:lang"))
			case atom.Title:
				if docTitle == "" {
					docTitle = strings.TrimSpace(textContent(n))
				}
			case atom.Meta:
				m.metaTag(n)
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") {
					m.canonical = first(m.canonical, resolve(pageURL, attr(n, "href")))
				}
			case atom.Time:
				if timeAttr == "" {
					timeAttr = attr(n, "datetime")
				}
			case atom.Script:
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") {
					m.jsonLD(textContent(n))
				}
			}
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	m.title = first(m.title, cleanTitle(docTitle, m.site))
	if m.published.IsZero() {
		m.published = parseDate(timeAttr)
	}
	if m.published.IsZero() && pageURL != nil {
		m.published = urlDate(pageURL.Path)
	}
	if m.site == "" && pageURL != nil {
		m.site = strings.TrimPrefix(pageURL.Hostname(), "www.")
	}
	m.image = resolve(pageURL, m.image)
	return m
}

// metaTag reads one <meta> element.
func (m *pageMeta) metaTag(n *html.Node) {
	key := strings.ToLower(first(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
	val := strings.TrimSpace(attr(n, "content"))
	if val == "" {
		return
	}
	switch key {
	case "og:title", "twitter:title":
		m.title = first(m.title, val)
	case "og:site_name", "application-name":
		m.site = first(m.site, val)
	case "og:image", "twitter:image", "twitter:image:src":
		m.image = first(m.image, val)
	case "og:description", "description", "twitter:description":
		m.desc = first(m.desc, val)
	case "author", "article:author", "byl", "dc.creator", "sailthru.author", "parsely-author":
		if !strings.HasPrefix(val, "http") {
			m.byline = first(m.byline, strings.TrimPrefix(val, "By "))
		}
	case "og:locale", "language", "content-language", "dc.language":
		m.lang = first(m.lang, val)
	case "article:published_time", "og:published_time", "datepublished", "date", "pubdate",
		"publishdate", "dc.date", "dc.date.issued", "sailthru.date", "parsely-pub-date":
		if m.published.IsZero() {
			m.published = parseDate(val)
		}
	case "article:modified_time", "og:updated_time", "datemodified", "last-modified", "dc.date.modified":
		if m.modified.IsZero() {
			m.modified = parseDate(val)
		}
	}
}

// mergeMeta fills the result from the page's own metadata, then from
// trafilatura's where the page had none.
func mergeMeta(res *Result, m pageMeta, t *trafilatura.Metadata) {
	res.Title, res.Byline, res.Site = m.title, m.byline, m.site
	res.Language, res.CanonicalURL, res.Image = normLang(m.lang), m.canonical, m.image
	res.Description, res.Published, res.Modified = m.desc, m.published, m.modified
	if t == nil {
		return
	}
	res.Title = first(res.Title, t.Title)
	res.Byline = first(res.Byline, t.Author)
	if t.Sitename != "" && strings.Contains(res.Site, ".") {
		res.Site = t.Sitename
	}
	res.Language = first(res.Language, normLang(t.Language))
	res.CanonicalURL = first(res.CanonicalURL, t.URL)
	res.Image = first(res.Image, t.Image)
	res.Description = first(res.Description, t.Description)
	if res.Published.IsZero() {
		res.Published = t.Date
	}
}

// normLang reduces "en-US" or "en_GB" to "en".
func normLang(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i > 0 {
		s = s[:i]
	}
	if len(s) < 2 || len(s) > 3 {
		return ""
	}
	return s
}

// cleanTitle strips a trailing " | Site" or " - Site" from a <title>.
func cleanTitle(t, site string) string {
	t = strings.Join(strings.Fields(t), " ")
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: "} {
		if i := strings.LastIndex(t, sep); i > 0 {
			tail := t[i+len(sep):]
			if (site != "" && strings.EqualFold(strings.TrimSpace(tail), site)) || len(tail) < len(t[:i])/2 {
				return strings.TrimSpace(t[:i])
			}
		}
	}
	return t
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// first returns the first non-empty string.
func first(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// resolve makes href absolute against base when both are usable.
func resolve(base *nurl.URL, href string) string {
	href = strings.TrimSpace(href)
	if href == "" || base == nil {
		return href
	}
	u, err := base.Parse(href)
	if err != nil {
		return href
	}
	return u.String()
}
