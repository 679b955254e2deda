package follow

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"parallax/internal/model"
	"parallax/internal/store"
)

// records turns a feed's entries into what the store records.
func records(f Feed) []model.FollowEntry {
	out := make([]model.FollowEntry, len(f.Entries))
	for i, e := range f.Entries {
		out[i] = model.FollowEntry{ID: e.ID, Title: e.Title, Path: e.Path, Updated: e.Updated}
	}
	return out
}

// Baseline records the entries a new follow's feed holds now as seen at
// its SeenAt, without a delivery: only what comes after is new.
func Baseline(ctx context.Context, st store.Store, f model.Follow) error {
	feed, err := Of(ctx, st, f)
	if err != nil {
		return err
	}
	if _, err := st.RecordFollowEntries(ctx, f.ID, records(feed), f.SeenAt, false); err != nil {
		return fmt.Errorf("follow: baseline of %d: %w", f.ID, err)
	}
	return nil
}

// Check reads every follow's feed and records its new entries at now,
// queueing a webhook delivery of them for a follow that has a webhook.
// A follow whose feed cannot be read (a story since deleted) is logged
// and skipped. It returns how many new entries it recorded.
func Check(ctx context.Context, st store.Store, now time.Time, log *slog.Logger) (int, error) {
	fs, err := st.Follows(ctx)
	if err != nil {
		return 0, fmt.Errorf("follow: check: %w", err)
	}
	n := 0
	for _, f := range fs {
		feed, err := Of(ctx, st, f)
		if err != nil {
			if ctx.Err() != nil {
				return n, ctx.Err()
			}
			log.Warn("follow: cannot read a followed feed", "follow", f.ID, "name", f.Name, "err", err)
			continue
		}
		fresh, err := st.RecordFollowEntries(ctx, f.ID, records(feed), now, true)
		if errors.Is(err, store.ErrNotFound) {
			continue // deleted meanwhile
		}
		if err != nil {
			return n, fmt.Errorf("follow: check %d: %w", f.ID, err)
		}
		if len(fresh) > 0 {
			log.Info("follow: new entries", "follow", f.ID, "name", f.Name, "entries", len(fresh))
		}
		n += len(fresh)
	}
	return n, nil
}
