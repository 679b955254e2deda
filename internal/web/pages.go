package web

import (
	"net/http"

	"parallax/internal/model"
)

// maxPage bounds ?page= on the story list.
const maxPage = 1 << 20

// indexView is the story list.
type indexView struct {
	Stories    []storyRow
	Page       int
	Prev, Next int // 0 when there is no such page
}

type storyRow struct {
	Href, Title       string
	Articles, Outlets int
	Dates             string
	First, Last       string // ISO dates for <time>
}

func (h *handler) index(w http.ResponseWriter, r *http.Request) {
	page, err := intParam(r, "page", 1, 1, maxPage)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	// One more than a page tells whether a next page exists.
	stories, err := h.st.Stories(r.Context(), h.pageSize+1, (page-1)*h.pageSize)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v := indexView{Page: page}
	if page > 1 {
		v.Prev = page - 1
	}
	if len(stories) > h.pageSize {
		stories, v.Next = stories[:h.pageSize], page+1
	}
	for _, s := range stories {
		v.Stories = append(v.Stories, storyRow{
			Href: storyHref(s.ID), Title: storyTitle(s.Title), Articles: s.Articles, Outlets: s.Outlets,
			Dates: dateRange(s.First, s.Last), First: isoDate(s.First), Last: isoDate(s.Last),
		})
	}
	h.render(w, r, http.StatusOK, "index", "", v)
}

func (h *handler) story(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	s, b, refs, err := h.st.Story(r.Context(), id)
	if h.redirectMerged(w, r, id, err, storyHref) {
		return
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v := newStoryView(s, b, refs)
	h.render(w, r, http.StatusOK, "story", v.Title, v)
}

// articleView is the article page.
type articleView struct {
	A          *model.Article
	Title      string
	Paragraphs []string
	URL        string // http(s) only, else ""
	Published  string
	ISO        string
	StoryHref  string
	Roundup    bool // Paragraphs are only the passages about the story
}

func (h *handler) article(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	a, err := h.st.Article(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v := articleView{A: a, Title: a.Title, Paragraphs: paragraphs(a.StoryText()), URL: safeURL(a.URL),
		Published: formatDate(a.Published), ISO: isoDate(a.Published), Roundup: len(a.Passages) > 0}
	if v.Title == "" {
		v.Title = "Untitled article"
	}
	if a.StoryID != "" {
		v.StoryHref = storyHref(a.StoryID)
	}
	h.render(w, r, http.StatusOK, "article", v.Title, v)
}
