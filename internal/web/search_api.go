package web

import (
	"net/http"
	"time"

	"parallax/internal/search"
)

// searchJSON is the answer of /api/v1/search.
type searchJSON struct {
	Query    string          `json:"query"` // the query as parsed, in canonical form
	Total    int             `json:"total"`
	Exact    bool            `json:"total_exact"` // false: total is a lower bound (counting stopped there)
	Stories  int             `json:"stories"`
	Articles int             `json:"articles"`
	Limit    int             `json:"limit"`
	Offset   int             `json:"offset"`
	Results  []searchHitJSON `json:"results"`
	Next     *string         `json:"next"`
}

// searchHitJSON is one result; unknown dates are null.
type searchHitJSON struct {
	Kind       string     `json:"kind"`
	ID         string     `json:"id"`
	Title      string     `json:"title"`
	Snippet    string     `json:"snippet"`
	Href       string     `json:"href"`
	Time       *time.Time `json:"time"`
	Score      float64    `json:"score"`
	First      *time.Time `json:"first,omitempty"`
	Articles   int        `json:"articles,omitempty"`
	Outlets    int        `json:"outlets,omitempty"`
	Source     string     `json:"source,omitempty"`
	URL        string     `json:"url,omitempty"`
	Story      string     `json:"story,omitempty"`
	StoryTitle string     `json:"story_title,omitempty"`
}

// apiSearch answers /api/v1/search?q=&limit=&offset=.
func (h *handler) apiSearch(w http.ResponseWriter, r *http.Request) {
	raw, q, err := searchQuery(r)
	if err != nil {
		h.failJSON(w, r, err)
		return
	}
	limit, offset, err := listParams(r)
	if err != nil {
		h.failJSON(w, r, err)
		return
	}
	res, err := h.st.Search(r.Context(), q, limit, offset)
	if err != nil {
		h.failJSON(w, r, err)
		return
	}
	out := searchJSON{Query: q.String(), Total: res.Total, Exact: res.Exact, Stories: res.Stories, Articles: res.Articles,
		Limit: limit, Offset: offset, Results: []searchHitJSON{}, Next: apiSearchNext(raw, limit, offset, res.Ranked)}
	for _, hit := range res.Hits {
		out.Results = append(out.Results, newSearchHitJSON(hit))
	}
	h.writeJSON(w, r, http.StatusOK, out)
}

func newSearchHitJSON(h search.Hit) searchHitJSON {
	j := searchHitJSON{Kind: h.Kind, ID: h.ID, Title: h.Title, Snippet: h.Snippet, Href: hitHref(h),
		Time: nullableTime(h.Time), Score: h.Score, Articles: h.Articles, Outlets: h.Outlets,
		Source: h.Source, URL: h.URL, Story: h.Story, StoryTitle: h.StoryTitle}
	if h.Kind == search.KindStory {
		j.First = nullableTime(h.First)
	}
	return j
}

// nullableTime is nil for the zero time.
func nullableTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}
