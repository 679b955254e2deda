package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"parallax/internal/brief"
	"strconv"
	"strings"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// pageNames are the page templates; each is parsed with layout.html and
// partials.html.
var pageNames = []string{"index", "story", "story_part", "article", "error", "search", "login", "feeds", "follows", "entity", "outlet", "blindspots"}

// pages holds one parsed template set per page.
type pages struct {
	byName map[string]*template.Template
}

var funcs = template.FuncMap{
	"storyHref":     storyHref,
	"articleHref":   articleHref,
	"storyFeedHref": storyFeedHref,
	"followStoryHref": func(id, title string) string {
		return "/follows?" + url.Values{"kind": {"story"}, "target": {id}, "name": {title}}.Encode() + "#add"
	},
	"plural": func(n int, one, many string) string {
		if n == 1 {
			return "1 " + one
		}
		return strconv.Itoa(n) + " " + many
	},
	"dateRange":    dateRange,
	"total":        totalLabel,
	"entityHref":   entityHref,
	"outletHref":   outletHref,
	"outletKnown":  brief.OutletKnown,
	"storySources": storySources,
	"storyDates":   storyDates,
	// text shows a brief's sentence as written: some archives ship
	// Penn Treebank tokens ("do n't", "Gaddafi 's", " .").
	"text": brief.Detokenize,
}

func mustParsePages() *pages {
	p := &pages{byName: map[string]*template.Template{}}
	for _, name := range pageNames {
		t := template.New("layout.html").Funcs(funcs)
		t = template.Must(t.ParseFS(templateFS, "templates/layout.html", "templates/partials.html", "templates/"+name+".html"))
		p.byName[name] = t
	}
	return p
}

// layoutData wraps a page's data with what the layout shows.
type layoutData struct {
	Title string // document title prefix; "" for the home page
	Page  any
	Feeds []feedLink // <link rel="alternate"> (feed_links.go)
	Nav   navData
}

// navData is what the navigation shows: the sources link with the count
// of broken feeds, and the login or logout.
type navData struct {
	Broken   int    // followed feeds whose last poll failed
	LoggedIn bool   // the request has a session
	CSRF     string // its token, for the logout form
	CanLogin bool   // a password is set
}

// nav reads the navigation's data for r.
func (h *handler) nav(r *http.Request) navData {
	n := navData{CanLogin: h.auth.hash != nil}
	if s := sessionOf(r); s != nil {
		n.LoggedIn, n.CSRF = true, s.CSRF
	}
	if h.sources.fs != nil {
		if feeds, err := h.sources.fs.Feeds(r.Context()); err == nil {
			n.Broken = brokenCount(feeds)
		}
	}
	return n
}

// render executes a page into a buffer first, so that a template error
// becomes a clean 500 rather than half a page.
func (h *handler) render(w http.ResponseWriter, r *http.Request, status int, name, title string, data any) {
	var buf bytes.Buffer
	t := h.pages.byName[name]
	ld := layoutData{Title: title, Page: data, Nav: h.nav(r)}
	if fl, ok := data.(feedLinker); ok {
		ld.Feeds = fl.AltFeeds()
	}
	if err := t.Execute(&buf, ld); err != nil {
		h.logIfInternal(r, http.StatusInternalServerError, fmt.Errorf("render %s: %w", name, err))
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// errorView is the error page.
type errorView struct {
	Status  int
	Message string
}

// fail answers an error as an HTML page with its status.
func (h *handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := statusOf(err)
	h.logIfInternal(r, status, err)
	h.render(w, r, status, "error", http.StatusText(status), errorView{status, msg})
}

// staticHandler serves the embedded stylesheet.
func staticHandler() http.Handler {
	sub, err := fs.Sub(staticFS, "static")
	if err != nil {
		panic(err) // embedded at build time
	}
	fsrv := http.StripPrefix("/static/", http.FileServerFS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/") {
			http.NotFound(w, r) // files only: no directory listings
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=3600")
		fsrv.ServeHTTP(w, r)
	})
}
