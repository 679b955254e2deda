package web

import (
	"cmp"
	"errors"
	"net/http"
	"slices"

	"parallax/internal/brief"
	"parallax/internal/model"
	"parallax/internal/store"
)

// maxPage bounds ?page= on the story list.
const maxPage = 1 << 20

// indexView is the story list, with its filter form.
type indexView struct {
	Stories    []storyRow
	Page       int
	Total      int
	Prev, Next string // hrefs; "" when there is no such page
	Query      listQuery
	Sorts      []option
	Types      []option
}

type storyRow struct {
	Href, Title       string
	Articles, Outlets int
	Sources           string // outlets, or sources when some outlets are unknown
	Dates             string
	First, Last       string // ISO dates for <time>
}

// option is one choice of a <select>.
type option struct {
	Value, Label string
	Selected     bool
}

func (h *handler) index(w http.ResponseWriter, r *http.Request) {
	q, f, err := parseListQuery(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	page, err := intParam(r, "page", 1, 1, maxPage)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	l, err := h.st.ListStories(r.Context(), f, h.pageSize, (page-1)*h.pageSize)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v := indexView{Page: page, Total: l.Total, Query: q, Sorts: sortOptions(q.Sort), Types: typeOptions(q.Type)}
	if page > 1 {
		v.Prev = q.href("/", page-1)
	}
	if page*h.pageSize < l.Total {
		v.Next = q.href("/", page+1)
	}
	v.Stories = storyRows(l.Stories)
	h.render(w, r, http.StatusOK, "index", "", v)
}

// sortOptions and typeOptions are the choices of the list's form.
func sortOptions(cur string) []option {
	labels := map[store.StorySort]string{store.SortActivity: "Latest activity", store.SortOutlets: "Most outlets",
		store.SortArticles: "Most articles", store.SortPublished: "Publication date"}
	var out []option
	for _, s := range store.StorySorts {
		out = append(out, option{Value: string(s), Label: labels[s], Selected: string(s) == cur})
	}
	return out
}

func typeOptions(cur string) []option {
	out := []option{{Value: "", Label: "any kind", Selected: cur == ""}}
	for _, t := range []struct{ v, l string }{{"person", "person"}, {"org", "organisation"}, {"place", "place"}} {
		out = append(out, option{Value: t.v, Label: t.l, Selected: t.v == cur})
	}
	return out
}

func (h *handler) story(w http.ResponseWriter, r *http.Request) {
	if base, format, ok := feedSuffix(r.PathValue("id")); ok && h.storyFeed(w, r, base, format) {
		return // /stories/{id}.atom, .json (follow_feed.go)
	}
	d, done, err := h.loadStory(w, r, storyHref)
	if done {
		return
	}
	if err == nil {
		err = h.withCoverage(r, &d)
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v := newStoryView(d)
	if err := h.withLeads(r.Context(), v.Articles); err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "story", v.Title, v)
}

// articleView is the article page. A roundup is shown as placed in one
// of its stories (?story=, else its own): the passages about that story,
// with links to the others.
type articleView struct {
	A          *model.Article
	Title      string
	Paragraphs []string
	URL        string // http(s) only, else ""
	Published  string
	ISO        string
	StoryHref  string
	Roundup    bool         // Paragraphs are only the passages about the story
	Also       []alsoInView // the other stories the article is in
}

// alsoInView is one more story an article is in.
type alsoInView struct {
	Title     string
	StoryHref string
	PartHref  string // the article's part about that story
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
	shown, others := h.placementShown(r, a)
	part := *a
	part.Passages = shown.Passages
	v := articleView{A: a, Title: a.Title, Paragraphs: paragraphs(part.StoryText()), URL: safeURL(a.URL),
		Published: formatDate(a.Published), ISO: isoDate(a.Published), Roundup: len(shown.Passages) > 0}
	if v.Title == "" {
		v.Title = cmp.Or(brief.LeadTitle(a.Text), "Untitled article")
	}
	if shown.StoryID != "" {
		v.StoryHref = storyHref(shown.StoryID)
	}
	for _, p := range others {
		s, _, _, err := h.st.Story(r.Context(), p.StoryID)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			h.fail(w, r, err)
			return
		}
		v.Also = append(v.Also, alsoInView{Title: storyTitle(s.Title), StoryHref: storyHref(p.StoryID),
			PartHref: articleInStoryHref(a.ID, p.StoryID)})
	}
	h.render(w, r, http.StatusOK, "article", v.Title, v)
}

// placementShown picks the article's placement that the page shows: the
// one in the story named by ?story= (followed through merges), else its
// own story; it returns the others too.
func (h *handler) placementShown(r *http.Request, a *model.Article) (model.Placement, []model.Placement) {
	all := append([]model.Placement{{StoryID: a.StoryID, EventID: a.EventID, Passages: a.Passages}}, a.Also...)
	pick := func(story string) int {
		return slices.IndexFunc(all, func(p model.Placement) bool { return p.StoryID == story })
	}
	i := 0
	if want := r.URL.Query().Get("story"); want != "" && len(all) > 1 {
		if i = pick(want); i < 0 {
			if into, err := h.st.StoryAlias(r.Context(), want); err == nil {
				i = pick(into)
			}
			i = max(i, 0) // a story it is not in: its own
		}
	}
	others := append(slices.Clone(all[:i]), all[i+1:]...)
	return all[i], others
}
