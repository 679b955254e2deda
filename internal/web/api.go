package web

import (
	"bytes"
	"encoding/json"
	"net/http"
	"time"

	"parallax/internal/model"
)

// API limits for GET /api/v1/stories.
const (
	defaultAPILimit = 50
	maxAPILimit     = 500
	maxAPIOffset    = 1 << 30
)

type storiesJSON struct {
	Stories []model.Story `json:"stories"`
}

// storyJSON is GET /api/v1/stories/{id}: the brief's fields (empty arrays
// when no brief is written yet), the story id and its articles.
type storyJSON struct {
	ID           string                `json:"id"`
	Title        string                `json:"title"`
	BriefReady   bool                  `json:"brief_ready"`
	Summary      []model.SummaryItem   `json:"summary"`
	Timeline     []model.TimelineItem  `json:"timeline"`
	Entities     []model.Entity        `json:"entities"`
	Quotes       []model.Quote         `json:"quotes"`
	Consensus    []model.Fact          `json:"consensus"`
	SingleSource []model.Claim         `json:"single_source"`
	Framing      []model.OutletFraming `json:"framing"`
	Articles     []articleRefJSON      `json:"articles"`
}

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
	limit, err := intParam(r, "limit", defaultAPILimit, 1, maxAPILimit)
	if err != nil {
		h.failJSON(w, r, err)
		return
	}
	offset, err := intParam(r, "offset", 0, 0, maxAPIOffset)
	if err != nil {
		h.failJSON(w, r, err)
		return
	}
	stories, err := h.st.Stories(r.Context(), limit, offset)
	if err != nil {
		h.failJSON(w, r, err)
		return
	}
	h.writeJSON(w, r, http.StatusOK, storiesJSON{Stories: nonNil(stories)})
}

func (h *handler) apiStory(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.failJSON(w, r, err)
		return
	}
	story, brief, refs, err := h.st.Story(r.Context(), id)
	if h.redirectMerged(w, r, id, err, apiStoryHref) {
		return
	}
	if err != nil {
		h.failJSON(w, r, err)
		return
	}
	h.writeJSON(w, r, http.StatusOK, newStoryJSON(story, brief, refs))
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
	h.writeJSON(w, r, http.StatusOK, a)
}

func newStoryJSON(s *model.Story, b *model.Brief, refs []model.ArticleRef) storyJSON {
	out := storyJSON{ID: s.ID, Title: s.Title}
	if b != nil {
		out.BriefReady = true
		if b.Title != "" {
			out.Title = b.Title
		}
		out.Summary, out.Timeline, out.Entities = b.Summary, b.Timeline, b.Entities
		out.Quotes, out.Consensus, out.SingleSource = b.Quotes, b.Consensus, b.SingleSource
		out.Framing = b.Framing
	}
	out.Summary, out.Timeline, out.Entities = nonNil(out.Summary), nonNil(out.Timeline), nonNil(out.Entities)
	out.Quotes, out.Consensus = nonNil(out.Quotes), nonNil(out.Consensus)
	out.SingleSource, out.Framing = nonNil(out.SingleSource), nonNil(out.Framing)
	out.Articles = make([]articleRefJSON, 0, len(refs))
	for _, a := range refs {
		j := articleRefJSON{ID: a.ID, URL: a.URL, Source: a.Source, Title: a.Title, DuplicateOf: a.DuplicateOf,
			Passages: a.Passages}
		if !a.Published.IsZero() {
			p := a.Published
			j.Published = &p
		}
		out.Articles = append(out.Articles, j)
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
