package web

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
	"time"

	"parallax/internal/model"
)

// API limits for GET /api/v1/stories.
const (
	defaultAPILimit = 50
	maxAPILimit     = 500
	maxAPIOffset    = 1 << 30
)

// storiesJSON is GET /api/v1/stories: one page of stories, how many
// there are and the address of the next page (null on the last).
type storiesJSON struct {
	Stories []storyRowJSON `json:"stories"`
	Total   int            `json:"total"`
	Next    *string        `json:"next"`
}

// storyJSON is GET /api/v1/stories/{id}: the brief's fields (empty arrays
// when no brief is written yet), the story id and its articles. The
// large lists are bounded: the most salient entities and quotes and the
// first articles, in the order of their paginated endpoints; Totals
// counts them all and Next addresses the rest (null when all are shown).
type storyJSON struct {
	ID           string                `json:"id"`
	Title        string                `json:"title"`
	BriefReady   bool                  `json:"brief_ready"`
	Summary      []model.SummaryItem   `json:"summary"`
	Timeline     []model.TimelineItem  `json:"timeline"`
	Background   []model.TimelineItem  `json:"background,omitempty"`
	Unplaced     *model.Unplaced       `json:"unplaced,omitempty"` // what the timeline could not date
	Entities     []model.Entity        `json:"entities"`
	Quotes       []model.Quote         `json:"quotes"`
	Consensus    []model.Fact          `json:"consensus"`
	SingleSource []model.Claim         `json:"single_source"`
	Framing      []model.OutletFraming `json:"framing"`
	// Coverage is the story's outlets along each dimension the operator
	// labelled (by value, and the unlabelled); [] without labels.
	Coverage []model.Coverage `json:"coverage"`
	Articles []articleRefJSON `json:"articles"`
	Totals   partCounts       `json:"totals"`
	Next     partLinks        `json:"next"`
}

// partCounts and partLinks hold one value per paginated section.
type (
	partCounts struct {
		Articles int `json:"articles"`
		Entities int `json:"entities"`
		Quotes   int `json:"quotes"`
	}
	partLinks struct {
		Articles *string `json:"articles"`
		Entities *string `json:"entities"`
		Quotes   *string `json:"quotes"`
	}
)

type articleRefJSON struct {
	ID        string     `json:"id"`
	URL       string     `json:"url"`
	Source    string     `json:"source"`
	Title     string     `json:"title"`
	Published *time.Time `json:"published"` // null when unknown
	// DuplicateOf names the original of a near-duplicate copy.
	DuplicateOf string `json:"duplicate_of,omitempty"`
	// Passages are the byte ranges of a roundup's text about this story.
	Passages []model.Passage `json:"passages,omitempty"`
}

type errorJSON struct {
	Error string `json:"error"`
}

func (h *handler) apiStories(w http.ResponseWriter, r *http.Request) {
	q, f, err := parseListQuery(r)
	if err != nil {
		h.failJSON(w, r, err)
		return
	}
	limit, offset, err := listParams(r)
	if err != nil {
		h.failJSON(w, r, err)
		return
	}
	l, err := h.st.ListStories(r.Context(), f, limit, offset)
	if err != nil {
		h.failJSON(w, r, err)
		return
	}
	out := storiesJSON{Stories: storyRowsJSON(l.Stories), Total: l.Total}
	if offset+limit < l.Total {
		v := q.values()
		v.Set("limit", strconv.Itoa(limit))
		v.Set("offset", strconv.Itoa(offset+limit))
		next := "/api/v1/stories?" + v.Encode()
		out.Next = &next
	}
	h.writeJSON(w, r, http.StatusOK, out)
}

func (h *handler) apiStory(w http.ResponseWriter, r *http.Request) {
	d, done, err := h.loadStory(w, r, apiStoryHref)
	if done {
		return
	}
	if err == nil {
		err = h.withCoverage(r, &d)
	}
	if err != nil {
		h.failJSON(w, r, err)
		return
	}
	h.writeJSON(w, r, http.StatusOK, newStoryJSON(d))
}

func (h *handler) apiArticle(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.failJSON(w, r, err)
		return
	}
	a, err := h.st.Article(r.Context(), id)
	if err != nil {
		h.failJSON(w, r, err)
		return
	}
	h.writeJSON(w, r, http.StatusOK, newArticleJSON(a))
}

// How many of each large section GET /api/v1/stories/{id} includes.
const (
	apiStoryArticles = 50
	apiStoryEntities = 20
	apiStoryQuotes   = 20
)

func newStoryJSON(d storyData) storyJSON {
	s, b := d.story, d.brief
	out := storyJSON{ID: s.ID, Title: s.Title}
	if b != nil {
		out.BriefReady = true
		if b.Title != "" {
			out.Title = b.Title
		}
		out.Summary, out.Timeline, out.Background, out.Unplaced = b.Summary, b.Timeline, b.Background, b.Unplaced
		out.Consensus, out.SingleSource, out.Framing = b.Consensus, b.SingleSource, b.Framing
	}
	out.Summary, out.Timeline = nonNil(out.Summary), nonNil(out.Timeline)
	out.Consensus, out.SingleSource, out.Framing = nonNil(out.Consensus), nonNil(out.SingleSource), nonNil(out.Framing)
	es, qs := d.entities(), d.quotes()
	out.Entities = window(es, 0, apiStoryEntities)
	out.Quotes = window(qs, 0, apiStoryQuotes)
	out.Articles = articleRefsJSON(window(d.refs, 0, apiStoryArticles))
	out.Coverage = nonNil(d.coverage)
	out.Totals = partCounts{Articles: len(d.refs), Entities: len(es), Quotes: len(qs)}
	out.Next = partLinks{
		Articles: nextHref(apiPartHref(s.ID, "articles"), apiStoryArticles, 0, len(d.refs)),
		Entities: nextHref(apiPartHref(s.ID, "entities"), apiStoryEntities, 0, len(es)),
		Quotes:   nextHref(apiPartHref(s.ID, "quotes"), apiStoryQuotes, 0, len(qs)),
	}
	return out
}

func articleRefsJSON(refs []model.ArticleRef) []articleRefJSON {
	out := make([]articleRefJSON, 0, len(refs))
	for _, a := range refs {
		j := articleRefJSON{ID: a.ID, URL: a.URL, Source: a.Source, Title: a.Title, DuplicateOf: a.DuplicateOf,
			Passages: a.Passages}
		if !a.Published.IsZero() {
			p := a.Published
			j.Published = &p
		}
		out = append(out, j)
	}
	return out
}

// nonNil makes a nil slice an empty one so that it encodes as [].
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// writeJSON encodes v fully before writing, so an encoding error still
// gets a proper 500.
func (h *handler) writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	body := []byte(`{"error":"internal error"}` + "\n")
	if err := enc.Encode(v); err != nil {
		h.logIfInternal(r, http.StatusInternalServerError, err)
		status = http.StatusInternalServerError
	} else {
		body = buf.Bytes()
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// failJSON answers an error as {"error": "..."} with its status.
func (h *handler) failJSON(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := statusOf(err)
	h.logIfInternal(r, status, err)
	h.writeJSON(w, r, status, errorJSON{Error: msg})
}
