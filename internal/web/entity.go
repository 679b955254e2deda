package web

import (
	"net/http"
	"net/url"

	"parallax/internal/model"
	"parallax/internal/store"
)

// entityView is an entity's page: the names it goes by and its stories,
// newest publication first.
type entityView struct {
	model.EntityProfile
	Kind     string // "Person", "Organisation" or "Place"
	Aliases  []nameLink
	ListHref string // the story list filtered by it
	FeedHref string // its Atom feed (follow_feed.go)
	ProfileStories
}

// nameLink is a name with how many stories use it and its page.
type nameLink struct {
	Name, Href string
	Stories    int
}

// entityKinds name the entity types in a heading.
var entityKinds = map[string]string{"PERSON": "Person", "ORG": "Organisation", "PLACE": "Place"}

func (h *handler) entityPage(w http.ResponseWriter, r *http.Request) {
	typ, name, err := entityKey(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p, err := h.st.Entity(r.Context(), typ, name)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	f := store.StoryFilter{Entity: name, EntityType: typ}
	ps, err := h.loadProfileStories(r, f, entityHref(typ, name))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v := entityView{EntityProfile: p, Kind: entityKinds[typ], ProfileStories: ps,
		ListHref: "/?" + url.Values{"entity": {name}, "type": {entityTypeKeys[typ]}}.Encode(),
		FeedHref: "/entities/feed.atom?" + url.Values{"name": {name}, "type": {entityTypeKeys[typ]}}.Encode()}
	for _, a := range p.Aliases {
		v.Aliases = append(v.Aliases, nameLink{Name: a.Name, Href: entityHref(typ, a.Name), Stories: a.Stories})
	}
	h.render(w, r, http.StatusOK, "entity", name, v)
}

// entityJSON is GET /api/v1/entities/{type}/{name}: the entity and one
// page of its stories, newest publication first.
type entityJSON struct {
	Entity model.EntityProfile `json:"entity"`
	profileStoriesJSON
}

func (h *handler) apiEntity(w http.ResponseWriter, r *http.Request) {
	typ, name, err := entityKey(r)
	if err != nil {
		h.failJSON(w, r, err)
		return
	}
	p, err := h.st.Entity(r.Context(), typ, name)
	if err != nil {
		h.failJSON(w, r, err)
		return
	}
	ps, err := h.loadProfileStoriesJSON(r, store.StoryFilter{Entity: name, EntityType: typ}, "/api/v1"+entityHref(typ, name))
	if err != nil {
		h.failJSON(w, r, err)
		return
	}
	h.writeJSON(w, r, http.StatusOK, entityJSON{Entity: p, profileStoriesJSON: ps})
}
