package web

import (
	"encoding/json"
	"net/http"

	"parallax/internal/model"
)

// followJSON is a follow as the API shows it, with its feeds.
type followJSON struct {
	model.Follow
	Atom   string              `json:"atom"`
	JSON   string              `json:"json_feed"`
	Recent []model.FollowEntry `json:"recent"`
}

func (h *handler) followJSON(r *http.Request, f model.Follow) (followJSON, error) {
	out := followJSON{Follow: f, Recent: []model.FollowEntry{}}
	out.Atom, out.JSON = followFeeds(f)
	es, err := h.st.FollowEntries(r.Context(), f.ID, recentEntries)
	if err != nil {
		return out, err
	}
	if es != nil {
		out.Recent = es
	}
	return out, nil
}

// apiFollows answers GET /api/v1/follows: {"follows":[...]}.
func (h *handler) apiFollows(w http.ResponseWriter, r *http.Request) {
	fs, err := h.st.Follows(r.Context())
	if err != nil {
		h.failJSON(w, r, err)
		return
	}
	out := struct {
		Follows []followJSON `json:"follows"`
	}{Follows: []followJSON{}}
	for _, f := range fs {
		fj, err := h.followJSON(r, f)
		if err != nil {
			h.failJSON(w, r, err)
			return
		}
		out.Follows = append(out.Follows, fj)
	}
	h.writeJSON(w, r, http.StatusOK, out)
}

// apiFollow answers GET /api/v1/follows/{id}.
func (h *handler) apiFollow(w http.ResponseWriter, r *http.Request) {
	id, err := followID(r)
	var f model.Follow
	if err == nil {
		f, err = h.st.Follow(r.Context(), id)
	}
	var fj followJSON
	if err == nil {
		fj, err = h.followJSON(r, f)
	}
	if err != nil {
		h.failJSON(w, r, err)
		return
	}
	h.writeJSON(w, r, http.StatusOK, fj)
}

// apiAddFollow answers POST /api/v1/follows (a JSON followInput): 201
// with the follow.
func (h *handler) apiAddFollow(w http.ResponseWriter, r *http.Request) {
	var in followInput
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 16<<10))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		h.failJSON(w, r, badRequest{"want a JSON object {name, kind, target, webhook_url, webhook_secret}"})
		return
	}
	f, err := h.newFollow(r.Context(), in)
	var fj followJSON
	if err == nil {
		fj, err = h.followJSON(r, f)
	}
	if err != nil {
		h.failJSON(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/follows/"+itoa64(f.ID))
	h.writeJSON(w, r, http.StatusCreated, fj)
}

// apiDeleteFollow answers POST /api/v1/follows/{id}/delete and DELETE
// /api/v1/follows/{id}: 204.
func (h *handler) apiDeleteFollow(w http.ResponseWriter, r *http.Request) {
	id, err := followID(r)
	if err == nil {
		err = h.st.DeleteFollow(r.Context(), id)
	}
	if err != nil {
		h.failJSON(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// apiSeenFollow answers POST /api/v1/follows/{id}/seen: 204.
func (h *handler) apiSeenFollow(w http.ResponseWriter, r *http.Request) {
	id, err := followID(r)
	if err == nil {
		err = h.st.MarkFollowSeen(r.Context(), id, nowUTC())
	}
	if err != nil {
		h.failJSON(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
