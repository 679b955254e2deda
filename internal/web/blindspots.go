package web

import (
	"net/http"
	"net/url"
	"strconv"

	"parallax/internal/model"
	"parallax/internal/store"
)

// blindspotsPageSize is how many blindspots /blindspots shows a page.
const blindspotsPageSize = 30

// blindspotParams reads ?dimension=, ?min_outlets= and ?share= (percent).
func blindspotParams(r *http.Request) (store.BlindspotQuery, error) {
	q := store.BlindspotQuery{Dimension: r.URL.Query().Get("dimension")}
	if len(q.Dimension) > 200 {
		return q, badRequest{"dimension too long"}
	}
	var err error
	if q.MinOutlets, err = intParam(r, "min_outlets", store.DefaultBlindspotOutlets, 2, 1000); err != nil {
		return q, err
	}
	if q.SharePercent, err = intParam(r, "share", store.DefaultBlindspotShare, 51, 100); err != nil {
		return q, err
	}
	return q, nil
}

// blindspotsJSON is GET /api/v1/blindspots.
type blindspotsJSON struct {
	Dimension    string          `json:"dimension,omitempty"`
	MinOutlets   int             `json:"min_outlets"`
	SharePercent int             `json:"share_percent"`
	Blindspots   []blindspotJSON `json:"blindspots"`
	Next         *string         `json:"next"`
}

type blindspotJSON struct {
	Story     storyRowJSON `json:"story"`
	Dimension string       `json:"dimension"`
	Value     string       `json:"value"`
	Side      int          `json:"side"`     // labelled outlets with value
	Labelled  int          `json:"labelled"` // outlets labelled in the dimension
}

// apiBlindspots is GET /api/v1/blindspots: stories covered by one side of
// a dimension only (store.Grouper.Blindspots), newest first.
func (h *handler) apiBlindspots(w http.ResponseWriter, r *http.Request) {
	q, err := blindspotParams(r)
	if err == nil {
		q.Limit, q.Offset, err = listParams(r)
	}
	if err != nil {
		h.failJSON(w, r, err)
		return
	}
	limit := q.Limit
	q.Limit++ // one more tells whether a next page exists
	bs, err := h.st.Blindspots(r.Context(), q)
	if err != nil {
		h.failJSON(w, r, err)
		return
	}
	out := blindspotsJSON{Dimension: q.Dimension, MinOutlets: q.MinOutlets, SharePercent: q.SharePercent,
		Blindspots: []blindspotJSON{}}
	if len(bs) > limit {
		bs = bs[:limit]
		next := "/api/v1/blindspots?" + blindspotQuery(q, "limit", limit, "offset", q.Offset+limit)
		out.Next = &next
	}
	for _, b := range bs {
		row := storyRowsJSON([]model.Story{b.Story})[0]
		out.Blindspots = append(out.Blindspots, blindspotJSON{Story: row, Dimension: b.Dimension, Value: b.Value,
			Side: b.Side, Labelled: b.Labelled})
	}
	h.writeJSON(w, r, http.StatusOK, out)
}

// blindspotQuery encodes q's filters and two integer parameters.
func blindspotQuery(q store.BlindspotQuery, k1 string, v1 int, k2 string, v2 int) string {
	v := url.Values{k1: {strconv.Itoa(v1)}}
	if k2 != "" {
		v.Set(k2, strconv.Itoa(v2))
	}
	if q.Dimension != "" {
		v.Set("dimension", q.Dimension)
	}
	if q.MinOutlets != store.DefaultBlindspotOutlets {
		v.Set("min_outlets", strconv.Itoa(q.MinOutlets))
	}
	if q.SharePercent != store.DefaultBlindspotShare {
		v.Set("share", strconv.Itoa(q.SharePercent))
	}
	return v.Encode()
}

// blindspotsView is the /blindspots page.
type blindspotsView struct {
	Dimension    string
	MinOutlets   int
	SharePercent int
	Rows         []blindspotRow
	Page         int
	Prev, Next   string // hrefs, "" when none
	// The labels upload form: CSRF is the session's token ("" when not
	// logged in); ReadOnly when no password is set.
	CSRF     string
	ReadOnly bool
}

type blindspotRow struct {
	storyRow
	Dimension, DimensionHref string
	Value                    string
	Side, Labelled           int
}

// blindspots is GET /blindspots (?dimension=&page=).
func (h *handler) blindspots(w http.ResponseWriter, r *http.Request) {
	q, err := blindspotParams(r)
	var page int
	if err == nil {
		page, err = intParam(r, "page", 1, 1, maxPage)
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	q.Limit, q.Offset = blindspotsPageSize+1, (page-1)*blindspotsPageSize
	bs, err := h.st.Blindspots(r.Context(), q)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v := blindspotsView{Dimension: q.Dimension, MinOutlets: q.MinOutlets, SharePercent: q.SharePercent, Page: page,
		ReadOnly: h.auth.hash == nil}
	if s := sessionOf(r); s != nil {
		v.CSRF = s.CSRF
		w.Header().Set("Cache-Control", "no-store")
	}
	if page > 1 {
		v.Prev = "/blindspots?" + blindspotQuery(q, "page", page-1, "", 0)
	}
	if len(bs) > blindspotsPageSize {
		bs = bs[:blindspotsPageSize]
		v.Next = "/blindspots?" + blindspotQuery(q, "page", page+1, "", 0)
	}
	for _, b := range bs {
		s := b.Story
		v.Rows = append(v.Rows, blindspotRow{
			storyRow: storyRow{Href: storyHref(s.ID) + "#groups", Title: storyTitle(s.Title), Articles: s.Articles,
				Outlets: s.Outlets, Dates: dateRange(s.First, s.Last), First: isoDate(s.First), Last: isoDate(s.Last)},
			Dimension: b.Dimension, DimensionHref: "/blindspots?" + url.Values{"dimension": {b.Dimension}}.Encode(),
			Value: b.Value, Side: b.Side, Labelled: b.Labelled,
		})
	}
	h.render(w, r, http.StatusOK, "blindspots", "Blindspots", v)
}
