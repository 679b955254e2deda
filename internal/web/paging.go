package web

import (
	"net/http"
	"net/url"
	"strconv"
)

// sectionPageSize is how many items one "all" page of a story's section
// shows (/stories/{id}/articles?page=N and the like).
const sectionPageSize = 50

// pager is the position of one page in a list, as the "all" pages show it.
type pager struct {
	Page, Pages  int
	Total        int
	First, Last  int    // 1-based numbers of the items shown; 0 when none
	Prev, Next   string // hrefs; "" when there is no such page
	offset, size int
}

// newPager places page (1-based) of size items in a list of total items
// under base (a path). A page past the last is not found, except the
// first page of an empty list.
func newPager(base string, page, size, total int) (pager, error) {
	pages := max(1, (total+size-1)/size)
	if page > pages {
		return pager{}, ErrNotFound
	}
	p := pager{Page: page, Pages: pages, Total: total, offset: (page - 1) * size, size: size}
	if total > 0 {
		p.First, p.Last = p.offset+1, min(p.offset+size, total)
	}
	if page > 1 {
		p.Prev = pageHref(base, page-1)
	}
	if page < pages {
		p.Next = pageHref(base, page+1)
	}
	return p, nil
}

// pageHref links to page n of base; page 1 is base itself.
func pageHref(base string, n int) string {
	if n <= 1 {
		return base
	}
	return base + "?page=" + strconv.Itoa(n)
}

// pageParam reads ?page= (default 1).
func pageParam(r *http.Request) (int, error) { return intParam(r, "page", 1, 1, maxPage) }

// window returns the part of s from offset, at most limit long.
func window[T any](s []T, offset, limit int) []T {
	if offset >= len(s) {
		return []T{}
	}
	return s[offset:min(len(s), offset+limit)]
}

// listParams reads ?limit= and ?offset= of a paginated API list.
func listParams(r *http.Request) (limit, offset int, err error) {
	if limit, err = intParam(r, "limit", defaultAPILimit, 1, maxAPILimit); err != nil {
		return 0, 0, err
	}
	if offset, err = intParam(r, "offset", 0, 0, maxAPIOffset); err != nil {
		return 0, 0, err
	}
	return limit, offset, nil
}

// nextHref is the API address of the page after [offset, offset+limit)
// of total items at path, or nil when that page is the last.
func nextHref(path string, limit, offset, total int) *string {
	if offset+limit >= total {
		return nil
	}
	q := url.Values{"limit": {strconv.Itoa(limit)}, "offset": {strconv.Itoa(offset + limit)}}
	s := path + "?" + q.Encode()
	return &s
}
