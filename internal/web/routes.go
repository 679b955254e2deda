package web

import (
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"parallax/internal/ingest/poll"
	"parallax/internal/store"
)

// handler holds what every route needs.
type handler struct {
	st       store.Store
	log      *slog.Logger
	pages    *pages
	pageSize int
	stories  storyCounter // the total of /api/v1/stories
	auth     *auth        // who may write (auth.go)
	sources  *sources     // the followed feeds (feeds.go)
}

// New returns the routes of Parallax's pages and API over st.
//
//	GET /                            story list (?page=N)
//	GET /stories/{id}                story page: its brief, with the most salient
//	                                 entities and quotes and the most representative articles
//	GET /stories/{id}.atom, .json    the story's feed: an entry per event, newest activity first (follow_feed.go)
//	GET /stories/{id}/articles       all its articles, as listed (?page=N, 50 a page)
//	GET /stories/{id}/entities       all its entities, most salient first (?page=N)
//	GET /stories/{id}/quotes         all its quotes, most salient first (?page=N)
//	GET /articles/{id}               article page (?story=ID: a roundup's part about that story)
//	GET /static/style.css            stylesheet
//	GET /api/v1/stories              {"stories":[...],"total":N,"next":URL|null} (?limit=&offset=)
//	GET /api/v1/stories/{id}         brief, id and articles; entities, quotes and articles
//	                                 bounded, with "totals" and "next" (URL|null per section)
//	GET /api/v1/stories/{id}/articles  {"story","total","limit","offset","next","articles":[...]}
//	GET /api/v1/stories/{id}/entities  the same with "entities" (?limit=&offset=, in the pages' order)
//	GET /api/v1/stories/{id}/quotes    the same with "quotes"
//	GET /api/v1/articles/{id}        article with its clean text (and a roundup's passages and other stories)
//	GET /search                      search stories and articles (?q=&page=; search_page.go)
//	GET /search.atom, /search.json   the newest 50 results of ?q= as Atom and JSON Feed (search_feed.go)
//	GET /entities/feed.atom, .json   an entity's feed (?type=person|org|place&name=; follow_feed.go)
//	GET /api/v1/search               {"query","total","stories","articles","results":[...],"next"} (?q=&limit=&offset=)
//	GET /follows                     saved follows: each with its feeds, new entries and webhook state (follows_page.go)
//	POST /follows                    save a follow (form: name, kind=search|entity|story, target, webhook_url, webhook_secret)
//	POST /follows/{id}/delete        delete it; POST /follows/{id}/seen: its entries are no longer new
//	GET /api/v1/follows[/{id}]       {"follows":[...]} / one follow, with "atom", "json_feed", "recent" (follows_api.go)
//	POST /api/v1/follows             the form's fields as JSON -> 201 and the follow
//	POST /api/v1/follows/{id}/delete, DELETE /api/v1/follows/{id}, POST /api/v1/follows/{id}/seen -> 204
//	                                 (every POST and DELETE goes through writeOnly -> requireWrite: write_guard.go)
//	GET /metrics                     Prometheus text format, to Options.MetricsAllow only (metrics.go)
//	GET /healthz                     "ok" once ready (Options.Ready); 503 "starting: …" before
//	GET /login, POST /login          the operator's login form (login.go; 5 attempts a minute per address)
//	POST /logout                     ends the session
//	GET /feeds                       sources page: every followed feed with its category, last and
//	                                 next poll, error count and last error (feeds_page.go)
//	POST /feeds                      follow a feed or a site's feed (autodiscovery): url, category
//	POST /feeds/remove|poll|category remove a feed, poll it now, set its category: url[, category]
//	POST /feeds/import               follow the feeds of an uploaded OPML file (field "opml")
//	GET /feeds.opml                  the followed feeds as OPML
//	GET /api/v1/feeds                {"feeds":[...],"total","broken"} (feeds_api.go)
//	POST /api/v1/feeds               {"url","category"} -> 201 {"feed","discovered"}
//	DELETE /api/v1/feeds?url=URL     204
//	POST /api/v1/feeds/poll          {"url"} -> 202 {"feed"}
//	POST /api/v1/feeds/category      {"url","category"} -> {"feed"}
//	POST /api/v1/feeds/import        OPML body -> {"added","existing","skipped"}
//
// Writes: every POST/PUT/PATCH/DELETE route is registered with
// h.requireWrite(handler) (auth.go), which lets through an API key
// (Authorization: Bearer KEY, from `parallax apikey create`) or the
// operator's session with its CSRF token (hidden field "csrf" in every
// form, from the page's data, or header X-CSRF-Token); otherwise 401 on
// /api/, a redirect to /login for pages, and 403 when no password is set.
// New write routes must use it too, e.g.
//
//	mux.Handle("POST /follows", h.requireWrite(h.addFollow))
//
// Reads are open, except on a public address (Options.Public) with a
// password set, where they need the login or a key as well (requireRead).
//
// Responses are gzipped for clients that accept it (gzip.go), and kept
// for the next reader: a story's pages until the story changes, lists for
// two seconds (cache.go).
func New(st store.Store, opts Options) http.Handler {
	opts = opts.withDefaults()
	h := &handler{st: st, log: opts.Log, pages: mustParsePages(), pageSize: opts.PageSize, auth: newAuth(st, opts)}
	fs, _ := st.(poll.FeedStore)
	wake := opts.PollNow
	if wake == nil {
		wake = func() {}
	}
	h.sources = &sources{fs: fs, client: opts.Fetch, now: time.Now, wake: wake}

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
	mux.HandleFunc("GET /search.atom", h.searchFeed("atom"))
	mux.HandleFunc("GET /search.json", h.searchFeed("json"))
	mux.HandleFunc("GET /entities/feed.atom", h.entityFeed("atom"))
	mux.HandleFunc("GET /entities/feed.json", h.entityFeed("json"))
	h.authRoutes(mux)
	h.feedRoutes(mux)
	h.followRoutes(mux)
	mux.HandleFunc("/api/", h.apiNotFound)
	mux.HandleFunc("GET /healthz", healthz(opts.Ready))
	mux.HandleFunc("/", h.notFound)
	m := newMetrics(st, opts.Log)
	mux.Handle("GET /metrics", m.handler(opts.MetricsAllow))
	handler := gzipResponses(mux)
	if opts.CacheBytes >= 0 {
		v, _ := st.(storyVersioner)
		handler = newPageCache(v, opts.CacheBytes).wrap(handler)
	}
	// Outside the cache: a kept page must not skip the login check.
	handler = h.auth.loadSession(h.requireRead(handler))
	return secureHeaders(logRequests(opts.Log, m.instrument(mux, handler)))
}

// authRoutes are the login routes.
func (h *handler) authRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /login", h.loginForm)
	mux.HandleFunc("POST /login", h.login)
	mux.HandleFunc("POST /logout", h.logout)
}

// feedRoutes are the sources page and its API; every write goes through
// requireWrite.
func (h *handler) feedRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /feeds", h.feedsPage)
	mux.HandleFunc("GET /feeds.opml", h.exportFeeds)
	mux.Handle("POST /feeds", h.requireWrite(h.addFeed))
	mux.Handle("POST /feeds/remove", h.requireWrite(h.removeFeed))
	mux.Handle("POST /feeds/poll", h.requireWrite(h.pollFeedNow))
	mux.Handle("POST /feeds/category", h.requireWrite(h.setFeedCategory))
	mux.Handle("POST /feeds/import", h.requireWrite(h.importFeeds))
	mux.HandleFunc("GET /api/v1/feeds", h.apiFeeds)
	mux.Handle("POST /api/v1/feeds", h.requireWrite(h.apiAddFeed))
	mux.Handle("DELETE /api/v1/feeds", h.requireWrite(h.apiRemoveFeed))
	mux.Handle("POST /api/v1/feeds/poll", h.requireWrite(h.apiPollFeed))
	mux.Handle("POST /api/v1/feeds/category", h.requireWrite(h.apiFeedCategory))
	mux.Handle("POST /api/v1/feeds/import", h.requireWrite(h.apiImportFeeds))
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
