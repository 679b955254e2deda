package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"parallax/internal/follow"
	"parallax/internal/model"
)

// followRoutes registers the saved follows: the page and API that list
// them, and the routes that add and delete them, all of which go through
// writeOnly.
func (h *handler) followRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /follows", h.followsPage)
	mux.Handle("POST /follows", h.writeOnly(http.HandlerFunc(h.addFollowForm)))
	mux.Handle("POST /follows/{id}/delete", h.writeOnly(http.HandlerFunc(h.deleteFollowForm)))
	mux.Handle("POST /follows/{id}/seen", h.writeOnly(http.HandlerFunc(h.seenFollowForm)))
	mux.HandleFunc("GET /api/v1/follows", h.apiFollows)
	mux.HandleFunc("GET /api/v1/follows/{id}", h.apiFollow)
	mux.Handle("POST /api/v1/follows", h.writeOnly(http.HandlerFunc(h.apiAddFollow)))
	mux.Handle("POST /api/v1/follows/{id}/delete", h.writeOnly(http.HandlerFunc(h.apiDeleteFollow)))
	mux.Handle("DELETE /api/v1/follows/{id}", h.writeOnly(http.HandlerFunc(h.apiDeleteFollow)))
	mux.Handle("POST /api/v1/follows/{id}/seen", h.writeOnly(http.HandlerFunc(h.apiSeenFollow)))
}

// followInput is what a reader submits to follow something.
type followInput struct {
	Name          string `json:"name"`
	Kind          string `json:"kind"`   // search, entity or story
	Target        string `json:"target"` // the query, "person:Name", or the story id
	WebhookURL    string `json:"webhook_url"`
	WebhookSecret string `json:"webhook_secret"`
}

// newFollow checks in, stores the follow and records the entries its feed
// holds now as seen, so that only what comes after counts as new.
func (h *handler) newFollow(ctx context.Context, in followInput) (model.Follow, error) {
	f := model.Follow{Name: strings.TrimSpace(in.Name), Kind: strings.TrimSpace(in.Kind), Target: strings.TrimSpace(in.Target),
		WebhookURL: strings.TrimSpace(in.WebhookURL), WebhookSecret: in.WebhookSecret, Created: nowUTC()}
	if f.Kind == model.FollowEntity {
		if typ, name, ok := strings.Cut(f.Target, ":"); ok {
			f.Target = follow.EntityTarget(strings.TrimSpace(typ), strings.TrimSpace(name))
		}
	}
	if f.Name == "" {
		f.Name = f.Target
	}
	if f.WebhookURL != "" && f.WebhookSecret == "" {
		return f, badRequest{"a webhook needs a secret (its payloads are signed with it)"}
	}
	if err := follow.Validate(ctx, h.st, f); err != nil {
		if errors.Is(err, follow.ErrBadFollow) {
			return f, badRequest{strings.TrimPrefix(err.Error(), "follow: bad follow: ")}
		}
		return f, err
	}
	id, err := h.st.AddFollow(ctx, f)
	if err != nil {
		return f, fmt.Errorf("add follow: %w", err)
	}
	if f, err = h.st.Follow(ctx, id); err != nil {
		return f, err
	}
	if err := follow.Baseline(ctx, h.st, f); err != nil {
		return f, err
	}
	return h.st.Follow(ctx, id)
}

// followID reads the {id} of a follow route.
func followID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, ErrNotFound
	}
	return id, nil
}

// followFeeds are the feed addresses of a follow.
func followFeeds(f model.Follow) (atom, json string) {
	switch f.Kind {
	case model.FollowStory:
		return storyFeedHref(f.Target, "atom"), storyFeedHref(f.Target, "json")
	case model.FollowEntity:
		typ, name, _ := strings.Cut(f.Target, ":")
		return entityFeedHref(typ, name, "atom"), entityFeedHref(typ, name, "json")
	}
	return searchFeedHref(f.Target, "atom"), searchFeedHref(f.Target, "json")
}

func followHref(id int64) string { return "/follows/" + itoa64(id) }

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }

func nowUTC() time.Time { return time.Now().UTC() }
