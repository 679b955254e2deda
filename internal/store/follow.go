package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"parallax/internal/model"
)

// ErrInvalidFollow is returned for a follow without a name, kind or target.
var ErrInvalidFollow = errors.New("store: invalid follow")

// DeliveryMaxAttempts is how many times a webhook delivery is tried before
// it is given up.
const DeliveryMaxAttempts = 8

// Follows is the saved-follows part of the store contract: follows, the
// entries their feeds have shown, and their webhook deliveries (persisted,
// so that retries survive restarts).
type Follows interface {
	// AddFollow stores a new follow (ID, New, Entries and Delivery are
	// ignored) and returns its id. Created and SeenAt default to now.
	AddFollow(ctx context.Context, f model.Follow) (int64, error)
	// Follows lists every follow by id, with its counts and delivery state.
	Follows(ctx context.Context) ([]model.Follow, error)
	// Follow returns one follow with its counts (ErrNotFound if absent).
	Follow(ctx context.Context, id int64) (model.Follow, error)
	// DeleteFollow deletes a follow with its entries and deliveries
	// (ErrNotFound if absent).
	DeleteFollow(ctx context.Context, id int64) error
	// MarkFollowSeen sets the follow's SeenAt: entries recorded until then
	// are no longer new.
	MarkFollowSeen(ctx context.Context, id int64, at time.Time) error
	// RecordFollowEntries records, at time at, those of entries the
	// follow has not recorded yet, and returns them (in the given order).
	// When deliver is set, the follow has a webhook and some are fresh,
	// it also queues one delivery of them, due at once, in the same
	// transaction. Recording the same entries again returns none, also
	// from another process.
	RecordFollowEntries(ctx context.Context, id int64, entries []model.FollowEntry, at time.Time, deliver bool) ([]model.FollowEntry, error)
	// FollowEntries returns the entries a follow recorded, newest first,
	// at most limit.
	FollowEntries(ctx context.Context, id int64, limit int) ([]model.FollowEntry, error)
	// ClaimDeliveries returns up to limit deliveries due at now (not yet
	// made, not given up) and makes them due again only at now+lease, so
	// that two senders do not send the same one at once.
	ClaimDeliveries(ctx context.Context, now time.Time, lease time.Duration, limit int) ([]model.Delivery, error)
	// DeliveryAttempt records an attempt of a delivery: errMsg "" means
	// delivered; otherwise it is tried again at next, or given up when
	// next is zero.
	DeliveryAttempt(ctx context.Context, id int64, at time.Time, errMsg string, next time.Time) error
}

// CheckFollow validates a follow before it is stored and fills its
// defaults: Created and SeenAt now when zero.
func CheckFollow(f *model.Follow, now time.Time) error {
	switch {
	case f.Name == "" || f.Target == "":
		return fmt.Errorf("%w: a name and a target are needed", ErrInvalidFollow)
	case f.Kind != model.FollowSearch && f.Kind != model.FollowEntity && f.Kind != model.FollowStory:
		return fmt.Errorf("%w: unknown kind %q", ErrInvalidFollow, f.Kind)
	}
	if f.Created.IsZero() {
		f.Created = now
	}
	if f.SeenAt.IsZero() {
		f.SeenAt = f.Created
	}
	return nil
}

// EncodeEntries is how a delivery's entries are stored (JSON), so that
// every attempt sends the same body.
func EncodeEntries(es []model.FollowEntry) (string, error) {
	b, err := json.Marshal(es)
	if err != nil {
		return "", fmt.Errorf("store: encode entries: %w", err)
	}
	return string(b), nil
}

// DecodeEntries reads what EncodeEntries wrote.
func DecodeEntries(s string) ([]model.FollowEntry, error) {
	var es []model.FollowEntry
	if err := json.Unmarshal([]byte(s), &es); err != nil {
		return nil, fmt.Errorf("store: decode entries: %w", err)
	}
	return es, nil
}
