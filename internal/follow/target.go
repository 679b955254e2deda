package follow

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"parallax/internal/model"
	"parallax/internal/search"
	"parallax/internal/store"
)

// ErrBadFollow is returned for a follow whose target cannot be followed.
var ErrBadFollow = errors.New("follow: bad follow")

// EntityTarget is the Target of a follow of an entity: "TYPE:Name".
func EntityTarget(typ, name string) string { return strings.ToUpper(typ) + ":" + name }

// splitEntity reads an EntityTarget.
func splitEntity(target string) (typ, name string, ok bool) {
	typ, name, ok = strings.Cut(target, ":")
	return typ, name, ok && name != ""
}

// Of returns the feed a follow watches.
func Of(ctx context.Context, st store.Store, f model.Follow) (Feed, error) {
	switch f.Kind {
	case model.FollowSearch:
		return SearchFeed(ctx, st, f.Target)
	case model.FollowEntity:
		typ, name, ok := splitEntity(f.Target)
		if !ok {
			return Feed{}, fmt.Errorf("%w: entity %q: want TYPE:Name", ErrBadFollow, f.Target)
		}
		return EntityFeed(ctx, st, typ, name)
	case model.FollowStory:
		return StoryFeed(ctx, st, f.Target)
	}
	return Feed{}, fmt.Errorf("%w: kind %q", ErrBadFollow, f.Kind)
}

// Validate checks that a follow's target can be followed (a query that
// parses, an entity with a known type and a name, a story that exists)
// and that its webhook, if any, is an http(s) URL.
func Validate(ctx context.Context, st store.Store, f model.Follow) error {
	if strings.TrimSpace(f.Name) == "" {
		return fmt.Errorf("%w: a follow needs a name", ErrBadFollow)
	}
	if f.WebhookURL != "" {
		if err := checkWebhookURL(f.WebhookURL); err != nil {
			return err
		}
	}
	switch f.Kind {
	case model.FollowSearch:
		if _, err := search.Parse(f.Target); err != nil {
			return fmt.Errorf("%w: %w", ErrBadFollow, err)
		}
		return nil
	case model.FollowEntity:
		typ, name, ok := splitEntity(f.Target)
		if _, err := EntityQuery(typ, name); !ok || err != nil {
			return fmt.Errorf("%w: entity %q: want a type (person, org or place) and a name", ErrBadFollow, f.Target)
		}
		return nil
	case model.FollowStory:
		_, err := StoryFeed(ctx, st, f.Target)
		if errors.Is(err, store.ErrNotFound) {
			return fmt.Errorf("%w: no story %q", ErrBadFollow, f.Target)
		}
		return err
	}
	return fmt.Errorf("%w: kind %q (want search, entity or story)", ErrBadFollow, f.Kind)
}
