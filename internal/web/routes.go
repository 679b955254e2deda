package web

import (
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
}

// New returns the routes of Parallax's pages and API over st.
//
//	GET /                       story list (?page=N)
//	GET /stories/{id}           story page with its brief
//	GET /articles/{id}          article page (?story=ID: a roundup's part about that story)
//	GET /static/style.css       stylesheet
//	GET /api/v1/stories         {"stories":[...]} (?limit=&offset=)
//	GET /api/v1/stories/{id}    brief, id and articles
//	GET /api/v1/articles/{id}   article with its clean text (and a roundup's passages and other stories)
//	GET /healthz                "ok"
func New(st store.Store, opts Options) http.Handler {
	opts = opts.withDefaults()
	h := &handler{st: st, log: opts.Log, pages: mustParsePages(), pageSize: opts.PageSize}

	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", h.index)
	mux.HandleFunc("GET /stories/{id}", h.story)
	mux.HandleFunc("GET /articles/{id}", h.article)
	mux.Handle("GET /static/", staticHandler())
	mux.HandleFunc("GET /api/v1/stories", h.apiStories)
	mux.HandleFunc("GET /api/v1/stories/{id}", h.apiStory)
	mux.HandleFunc("GET /api/v1/articles/{id}", h.apiArticle)
	mux.HandleFunc("/api/", h.apiNotFound)
	mux.HandleFunc("GET /healthz", healthz)
	mux.HandleFunc("/", h.notFound)
	return secureHeaders(logRequests(opts.Log, mux))
}

func healthz(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write([]byte("ok\n"))
}
