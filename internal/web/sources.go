package web

import (
	"net/url"
	"strconv"

	"parallax/internal/brief"
	"parallax/internal/model"
)

// sourceRef is one numbered citation of an article on a story page.
type sourceRef struct {
	N      int    // 1-based number shown as [N]
	ID     string // article id
	Href   string // /articles/{id}, with ?story= for a roundup
	Outlet string
	Title  string
}

// Label is the citation mark, e.g. "[3]".
func (s sourceRef) Label() string { return "[" + strconv.Itoa(s.N) + "]" }

// sourceIndex numbers a story's articles in listing order so that every
// brief item can cite them as [N]. Ids the story does not list get the
// next numbers when first cited. A roundup's link leads to its part about
// the story.
type sourceIndex struct {
	byID map[string]sourceRef
	list []sourceRef
}

func newSourceIndex(storyID string, refs []model.ArticleRef) *sourceIndex {
	ix := &sourceIndex{byID: make(map[string]sourceRef, len(refs))}
	for _, a := range refs {
		r := ix.add(a.ID, a.Source, a.Title)
		if len(a.Passages) > 0 {
			r.Href = articleInStoryHref(a.ID, storyID)
			ix.byID[a.ID], ix.list[r.N-1] = r, r
		}
	}
	return ix
}

func (ix *sourceIndex) add(id, outlet, title string) sourceRef {
	if r, ok := ix.byID[id]; ok {
		return r
	}
	n := len(ix.list) + 1
	switch {
	case outlet != "":
	case title != "":
		outlet = brief.UnknownOutletLabel(title, "") // a source of its own, named by its title
	default:
		outlet = "article [" + strconv.Itoa(n) + "], outlet unknown"
	}
	r := sourceRef{N: n, ID: id, Href: articleHref(id), Outlet: outlet, Title: title}
	ix.byID[id] = r
	ix.list = append(ix.list, r)
	return r
}

// ref returns the citation of article id.
func (ix *sourceIndex) ref(id string) sourceRef { return ix.add(id, "", "") }

// refs returns the citations of ids, once each, in the order given.
func (ix *sourceIndex) refs(ids []string) []sourceRef {
	out := make([]sourceRef, 0, len(ids))
	seen := make(map[string]bool, len(ids))
	for _, id := range ids {
		if id == "" || seen[id] {
			continue
		}
		seen[id] = true
		out = append(out, ix.ref(id))
	}
	return out
}

// outlets returns the distinct outlets of ids, in the order given.
func (ix *sourceIndex) outlets(ids ...string) map[string]bool {
	out := make(map[string]bool)
	for _, r := range ix.refs(ids) {
		out[r.Outlet] = true
	}
	return out
}

func articleHref(id string) string { return "/articles/" + url.PathEscape(id) }
func storyHref(id string) string   { return "/stories/" + url.PathEscape(id) }

// articleInStoryHref links to the part of article id about story (a
// roundup covers several stories).
func articleInStoryHref(id, story string) string {
	return articleHref(id) + "?" + url.Values{"story": {story}}.Encode()
}
