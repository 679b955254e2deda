package web

import (
	"bytes"
	"container/list"
	"context"
	"fmt"
	"hash/fnv"
	"net/http"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"
)

// DefaultCacheBytes bounds the responses the page cache keeps.
const DefaultCacheBytes = 64 << 20

// Lifetimes of cached responses. A story's pages are also checked against
// the story's version on every request, so they change as soon as it
// does; the lifetime only bounds what a change the version misses (a
// near-duplicate link) could leave behind. Lists are only as fresh as
// their lifetime. Article pages, which show the stories an article is in
// now, are not kept.
const (
	storyTTL = time.Minute
	listTTL  = 2 * time.Second
	maxEntry = 4 << 20 // bytes; larger responses are not kept
)

// storyVersioner is implemented by stores that can say cheaply whether a
// story changed: a value that differs after any change to its articles,
// brief or title.
type storyVersioner interface {
	StoryVersion(ctx context.Context, id string) (string, error)
}

// pageCache keeps recent successful responses to GET requests, whole (as
// compressed, with their headers), keyed by path, query and whether the
// client takes gzip, and validated by the story's version where the
// route is a story's. Concurrent misses on one key render once. It
// serves If-None-Match with 304.
type pageCache struct {
	versions storyVersioner // nil: lifetimes only
	max      int
	now      func() time.Time
	group    singleflight.Group

	mu    sync.Mutex
	size  int
	order *list.List // most recent first; values are *cachedResponse
	byKey map[string]*list.Element
}

type cachedResponse struct {
	key, validator string
	expires        time.Time
	status         int
	header         http.Header
	body           []byte
	etag           string
}

func newPageCache(v storyVersioner, maxBytes int) *pageCache {
	return &pageCache{versions: v, max: maxBytes, now: time.Now, order: list.New(), byKey: map[string]*list.Element{}}
}

// scope says whether a request can be cached, for how long, and under
// what validator.
func (c *pageCache) scope(r *http.Request) (validator string, ttl time.Duration, ok bool) {
	if r.Method != http.MethodGet || r.Header.Get("Authorization") != "" || r.Header.Get("Cookie") != "" {
		return "", 0, false
	}
	p := r.URL.Path
	switch {
	case p == "/" || p == "/api/v1/stories":
		return "", listTTL, true
	}
	id, ok := storyID(p)
	if !ok {
		return "", 0, false
	}
	if c.versions == nil {
		return "", listTTL, true
	}
	v, err := c.versions.StoryVersion(r.Context(), id)
	if err != nil { // unknown or merged away: the handler answers
		return "", 0, false
	}
	return v, storyTTL, true
}

// storyID is the story of a story-scoped route: /stories/ID[/part] and
// /api/v1/stories/ID[/part].
func storyID(p string) (string, bool) {
	rest, ok := strings.CutPrefix(p, "/api/v1/stories/")
	if !ok {
		if rest, ok = strings.CutPrefix(p, "/stories/"); !ok {
			return "", false
		}
	}
	id, _, _ := strings.Cut(rest, "/")
	return id, id != ""
}

// wrap serves from the cache what it can and fills it from next.
func (c *pageCache) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		validator, ttl, ok := c.scope(r)
		if !ok {
			next.ServeHTTP(w, r)
			return
		}
		key := r.URL.Path + "?" + r.URL.RawQuery
		if acceptsGzip(r.Header.Get("Accept-Encoding")) {
			key += "\x00gzip"
		}
		e := c.get(key, validator)
		if e == nil {
			v, _, _ := c.group.Do(key+"\x00"+validator, func() (any, error) {
				if e := c.get(key, validator); e != nil {
					return e, nil
				}
				rec := &recorder{header: http.Header{}, status: http.StatusOK}
				next.ServeHTTP(rec, r)
				e := &cachedResponse{key: key, validator: validator, expires: c.now().Add(ttl),
					status: rec.status, header: rec.header, body: rec.body.Bytes()}
				if rec.status == http.StatusOK && len(e.body) <= maxEntry {
					h := fnv.New64a()
					h.Write([]byte(validator))
					h.Write(e.body)
					e.etag = fmt.Sprintf(`"%x"`, h.Sum64())
					c.put(e)
				}
				return e, nil
			})
			e = v.(*cachedResponse)
		}
		e.write(w, r)
	})
}

// write sends a cached response, or 304 when the client holds it.
func (e *cachedResponse) write(w http.ResponseWriter, r *http.Request) {
	for k, vs := range e.header {
		for _, v := range vs {
			w.Header().Add(k, v)
		}
	}
	if e.etag != "" {
		w.Header().Set("ETag", e.etag)
		if match := r.Header.Get("If-None-Match"); match != "" && strings.Contains(match, e.etag) {
			w.Header().Del("Content-Length")
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	w.WriteHeader(e.status)
	_, _ = w.Write(e.body)
}

func (c *pageCache) get(key, validator string) *cachedResponse {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.byKey[key]
	if !ok {
		return nil
	}
	e := el.Value.(*cachedResponse)
	if e.validator != validator || !c.now().Before(e.expires) {
		c.remove(el)
		return nil
	}
	c.order.MoveToFront(el)
	return e
}

func (c *pageCache) put(e *cachedResponse) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.byKey[e.key]; ok {
		c.remove(el)
	}
	c.byKey[e.key] = c.order.PushFront(e)
	c.size += len(e.body)
	for c.size > c.max && c.order.Len() > 0 {
		c.remove(c.order.Back())
	}
}

func (c *pageCache) remove(el *list.Element) {
	e := c.order.Remove(el).(*cachedResponse)
	delete(c.byKey, e.key)
	c.size -= len(e.body)
}

// recorder captures a response for the cache.
type recorder struct {
	header http.Header
	status int
	wrote  bool
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header { return r.header }

func (r *recorder) WriteHeader(status int) {
	if !r.wrote {
		r.status, r.wrote = status, true
	}
}

func (r *recorder) Write(b []byte) (int, error) {
	r.wrote = true
	return r.body.Write(b)
}
