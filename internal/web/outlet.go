package web

import (
	"net/http"
	"net/url"

	"parallax/internal/model"
	"parallax/internal/store"
)

// outletView is an outlet's page: its figures over its stories' briefs
// and its stories, newest publication first.
type outletView struct {
	model.OutletProfile
	ClaimShare, AttributedShare string // percentages; "" when there is nothing to divide
	ListHref                    string // the story list filtered by it
	ProfileStories
}

func (h *handler) outletPage(w http.ResponseWriter, r *http.Request) {
	name, err := outletKey(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p, err := h.st.Outlet(r.Context(), name)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	ps, err := h.loadProfileStories(r, store.StoryFilter{Outlet: name}, outletHref(name))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v := outletView{OutletProfile: p, ProfileStories: ps, ListHref: "/?" + url.Values{"outlet": {name}}.Encode()}
	if p.AllClaims > 0 {
		v.ClaimShare = sharePercent(p.ClaimShare())
	}
	if p.Attributed+p.Unattributed > 0 {
		v.AttributedShare = sharePercent(p.AttributedShare())
	}
	h.render(w, r, http.StatusOK, "outlet", name, v)
}

// outletJSON is GET /api/v1/outlets/{name}: the outlet's figures (with
// its shares of claims and attributed sentences) and one page of its
// stories, newest publication first.
type outletJSON struct {
	Outlet outletFiguresJSON `json:"outlet"`
	profileStoriesJSON
}

type outletFiguresJSON struct {
	model.OutletProfile
	ClaimShare      float64 `json:"claim_share"`
	AttributedShare float64 `json:"attributed_share"`
}

func (h *handler) apiOutlet(w http.ResponseWriter, r *http.Request) {
	name, err := outletKey(r)
	if err != nil {
		h.failJSON(w, r, err)
		return
	}
	p, err := h.st.Outlet(r.Context(), name)
	if err != nil {
		h.failJSON(w, r, err)
		return
	}
	ps, err := h.loadProfileStoriesJSON(r, store.StoryFilter{Outlet: name}, "/api/v1"+outletHref(name))
	if err != nil {
		h.failJSON(w, r, err)
		return
	}
	figs := outletFiguresJSON{OutletProfile: p, ClaimShare: p.ClaimShare(), AttributedShare: p.AttributedShare()}
	h.writeJSON(w, r, http.StatusOK, outletJSON{Outlet: figs, profileStoriesJSON: ps})
}
