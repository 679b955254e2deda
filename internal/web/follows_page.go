package web

import (
	"cmp"
	"net/http"
	"strings"

	"parallax/internal/follow"

	"parallax/internal/model"
)

// followsView is the /follows page.
type followsView struct {
	Follows []followRow
	Error   string      // why an addition was refused
	Form    followInput // what was submitted (or ?kind=&target=&name=), to fill the form
	CSRF    string      // the session's token; "": the forms lead to the login
	NoLogin bool        // no password is set: changes need an API key
}

// followRow is one follow as the page lists it.
type followRow struct {
	F          model.Follow
	Page       string // what it follows, as a page
	Atom, JSON string
	Recent     []model.FollowEntry // newest entries, new ones marked
	Delivered  string              // when the latest delivery succeeded
	DeleteHref string
	SeenHref   string
}

// IsNew reports whether an entry came after the follow was last marked seen.
func (r followRow) IsNew(e model.FollowEntry) bool { return e.Seen.After(r.F.SeenAt) }

// recentEntries is how many entries of each follow the page lists.
const recentEntries = 5

func (h *handler) followsView(r *http.Request) (followsView, error) {
	fs, err := h.st.Follows(r.Context())
	if err != nil {
		return followsView{}, err
	}
	q := r.URL.Query()
	v := followsView{Form: followInput{Kind: cmp.Or(q.Get("kind"), model.FollowSearch), Target: q.Get("target"), Name: q.Get("name")},
		NoLogin: h.auth.hash == nil}
	if s := sessionOf(r); s != nil {
		v.CSRF = s.CSRF
	}
	for _, f := range fs {
		row := followRow{F: f, DeleteHref: followHref(f.ID) + "/delete", SeenHref: followHref(f.ID) + "/seen"}
		row.Atom, row.JSON = followFeeds(f)
		row.Page = followPage(f)
		if row.Recent, err = h.st.FollowEntries(r.Context(), f.ID, recentEntries); err != nil {
			return v, err
		}
		if !f.Delivery.Delivered.IsZero() {
			row.Delivered = f.Delivery.Delivered.UTC().Format("2006-01-02 15:04 UTC")
		}
		v.Follows = append(v.Follows, row)
	}
	return v, nil
}

// followsPage answers GET /follows.
func (h *handler) followsPage(w http.ResponseWriter, r *http.Request) {
	v, err := h.followsView(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	h.render(w, r, http.StatusOK, "follows", "Follows", v)
}

// addFollowForm answers POST /follows: the follow is saved and the reader
// sent back to the list (303), or the list is shown again with why not.
func (h *handler) addFollowForm(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 16<<10)
	if err := r.ParseForm(); err != nil {
		h.fail(w, r, badRequest{"unreadable form"})
		return
	}
	in := followInput{Name: r.PostFormValue("name"), Kind: r.PostFormValue("kind"), Target: r.PostFormValue("target"),
		WebhookURL: r.PostFormValue("webhook_url"), WebhookSecret: r.PostFormValue("webhook_secret")}
	if _, err := h.newFollow(r.Context(), in); err != nil {
		status, msg := statusOf(err)
		if status != http.StatusBadRequest {
			h.fail(w, r, err)
			return
		}
		v, verr := h.followsView(r)
		if verr != nil {
			h.fail(w, r, verr)
			return
		}
		v.Error, v.Form = msg, in
		h.render(w, r, http.StatusBadRequest, "follows", "Follows", v)
		return
	}
	http.Redirect(w, r, "/follows", http.StatusSeeOther)
}

// deleteFollowForm answers POST /follows/{id}/delete.
func (h *handler) deleteFollowForm(w http.ResponseWriter, r *http.Request) {
	id, err := followID(r)
	if err == nil {
		err = h.st.DeleteFollow(r.Context(), id)
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/follows", http.StatusSeeOther)
}

// seenFollowForm answers POST /follows/{id}/seen: its entries are no
// longer new.
func (h *handler) seenFollowForm(w http.ResponseWriter, r *http.Request) {
	id, err := followID(r)
	if err == nil {
		err = h.st.MarkFollowSeen(r.Context(), id, nowUTC())
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/follows", http.StatusSeeOther)
}

// followPage is the page of what f follows.
func followPage(f model.Follow) string {
	switch f.Kind {
	case model.FollowStory:
		return storyHref(f.Target)
	case model.FollowEntity:
		typ, name, _ := strings.Cut(f.Target, ":")
		if q, err := follow.EntityQuery(typ, name); err == nil {
			return searchHref(q, 1)
		}
	}
	return searchHref(f.Target, 1)
}
