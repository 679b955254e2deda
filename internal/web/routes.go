package web

import (
	"fmt"
	"log/slog"
	"net/http"

	"parallax/internal/store"
)

// handler holds what every route needs.
type handler struct {
	st       store.Store
	log      *slog.Logger
	pages    *pages
	pageSize int
	stories  storyCounter // the total of /api/v1/stories
}

// New returns the routes of Parallax's pages and API over st.
//
//	GET /                            story list (?page=N)
//	GET /stories/{id}                story page: its brief, with the most salient
//	                                 entities and quotes and the most representative articles
//	GET /stories/{id}/articles       all its articles, as listed (?page=N, 50 a page)
//	GET /stories/{id}/entities       all its entities, most salient first (?page=N)
//	GET /stories/{id}/quotes         all its quotes, most salient first (?page=N)
//	GET /articles/{id}               article page (?story=ID: a roundup's part about that story)
//	GET /static/style.css            stylesheet
//	GET /api/v1/stories              {"stories":[...],"total":N,"next":URL|null} (?limit=&offset=)
//	GET /api/v1/stories/{id}         brief, id and articles; entities, quotes and articles
//	                                 bounded, with "totals" and "next" (URL|null per section);
//	                                 "coverage": its outlets by value along each labelled dimension
//	GET /api/v1/stories/{id}/articles  {"story","total","limit","offset","next","articles":[...]}
//	GET /api/v1/stories/{id}/entities  the same with "entities" (?limit=&offset=, in the pages' order)
//	GET /api/v1/stories/{id}/quotes    the same with "quotes"
//	GET /api/v1/articles/{id}        article with its clean text (and a roundup's passages and other stories)
//	GET /search                      search stories and articles (?q=&page=; search_page.go)
//	GET /search.atom, /search.json   the newest 50 results of ?q= as Atom and JSON Feed (search_feed.go)
//	GET /api/v1/search               {"query","total","stories","articles","results":[...],"next"} (?q=&limit=&offset=)
//	GET /blindspots                  stories covered by one side of a labelled dimension only
//	                                 (?dimension=&min_outlets=&share=&page=; blindspots.go)
//	GET /api/v1/blindspots           {"min_outlets","share_percent","blindspots":[{"story","dimension","value",
//	                                 "side","labelled"}],"next"} (the same filters, ?limit=&offset=)
//	POST /groups                     import outlet labels: multipart CSV in "file" (groups_post.go);
//	                                 through writeOnly (writeonly.go): loopback only until login lands
//	GET /metrics                     Prometheus text format, to Options.MetricsAllow only (metrics.go)
//	GET /healthz                     "ok" once ready (Options.Ready); 503 "starting: …" before
//
// Responses are gzipped for clients that accept it (gzip.go), and kept
// for the next reader: a story's pages until the story changes, lists for
// two seconds (cache.go).
func New(st store.Store, opts Options) http.Handler {
	opts = opts.withDefaults()
	h := &handler{st: st, log: opts.Log, pages: mustParsePages(), pageSize: opts.PageSize}

	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", h.index)
	mux.HandleFunc("GET /stories/{id}", h.story)
	for _, part := range []string{"articles", "entities", "quotes"} {
		mux.HandleFunc("GET /stories/{id}/"+part, h.storyPart(part))
		mux.HandleFunc("GET /api/v1/stories/{id}/"+part, h.apiStoryPart(part))
	}
	mux.HandleFunc("GET /articles/{id}", h.article)
	mux.Handle("GET /static/", staticHandler())
	mux.HandleFunc("GET /api/v1/stories", h.apiStories)
	mux.HandleFunc("GET /api/v1/stories/{id}", h.apiStory)
	mux.HandleFunc("GET /api/v1/articles/{id}", h.apiArticle)
	mux.HandleFunc("GET /search", h.searchPage)
	mux.HandleFunc("GET /api/v1/search", h.apiSearch)
	mux.HandleFunc("GET /blindspots", h.blindspots)
	mux.HandleFunc("GET /api/v1/blindspots", h.apiBlindspots)
	mux.Handle("POST /groups", h.writeOnly(http.HandlerFunc(h.postGroups)))
	mux.HandleFunc("GET /search.atom", h.searchAtom)
	mux.HandleFunc("GET /search.json", h.searchJSONFeed)
	mux.HandleFunc("/api/", h.apiNotFound)
	mux.HandleFunc("GET /healthz", healthz(opts.Ready))
	mux.HandleFunc("/", h.notFound)
	m := newMetrics(st, opts.Log, opts.Pipeline)
	mux.Handle("GET /metrics", m.handler(opts.MetricsAllow))
	handler := gzipResponses(mux)
	if opts.CacheBytes >= 0 {
		v, _ := st.(storyVersioner)
		handler = newPageCache(v, opts.CacheBytes).wrap(handler)
	}
	return secureHeaders(logRequests(opts.Log, m.instrument(mux, handler)))
}

// healthz answers "ok" when the process is ready (ready is nil or says
// so), else 503 with what it is still doing. Pages work either way: they
// read the store.
func healthz(ready func() error) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		if ready != nil {
			if err := ready(); err != nil {
				w.WriteHeader(http.StatusServiceUnavailable)
				_, _ = fmt.Fprintf(w, "starting: %v\n", err)
				return
			}
		}
		_, _ = w.Write([]byte("ok\n"))
	}
}
