package storetest

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"parallax/internal/model"
	"parallax/internal/store"
)

func entryIDs(es []model.FollowEntry) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.ID
	}
	return out
}

func mustFollow(t *testing.T, s store.Store, id int64) model.Follow {
	t.Helper()
	f, err := s.Follow(context.Background(), id)
	if err != nil {
		t.Fatalf("Follow(%d): %v", id, err)
	}
	return f
}

func testFollows(t *testing.T, s store.Store) {
	ctx := context.Background()
	t0 := day
	for _, bad := range []model.Follow{{Kind: model.FollowSearch, Target: "x"}, {Name: "x", Kind: "nope", Target: "x"}, {Name: "x", Kind: model.FollowStory}} {
		if _, err := s.AddFollow(ctx, bad); !errors.Is(err, store.ErrInvalidFollow) {
			t.Errorf("AddFollow(%+v) = %v, want ErrInvalidFollow", bad, err)
		}
	}
	hooked := model.Follow{Name: "Spill", Kind: model.FollowSearch, Target: `"oil spill"`, WebhookURL: "http://127.0.0.1:1/hook",
		WebhookSecret: "s3cret", Created: t0}
	a, err := s.AddFollow(ctx, hooked)
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.AddFollow(ctx, model.Follow{Name: "Allen", Kind: model.FollowEntity, Target: "PERSON:Thad Allen", Created: t0})
	if err != nil || b == a {
		t.Fatalf("AddFollow = %d, %v", b, err)
	}
	fs, err := s.Follows(ctx)
	if err != nil || len(fs) != 2 || fs[0].ID != a || fs[1].ID != b {
		t.Fatalf("Follows = %+v, %v", fs, err)
	}
	if got := fs[0]; got.Name != "Spill" || got.Target != hooked.Target || got.WebhookURL != hooked.WebhookURL ||
		got.WebhookSecret != "s3cret" || !got.Created.Equal(t0) || !got.SeenAt.Equal(t0) || got.New != 0 {
		t.Errorf("follow round trip: %+v", got)
	}

	e := func(id string, at time.Time) model.FollowEntry {
		return model.FollowEntry{ID: id, Title: "T " + id, Path: "/stories/" + id, Updated: at}
	}
	// The baseline, recorded as the follow is made: nothing new, no delivery.
	base := []model.FollowEntry{e("e1", t0), e("e2", t0)}
	if fresh, err := s.RecordFollowEntries(ctx, a, base, t0, false); err != nil || !slices.Equal(entryIDs(fresh), []string{"e1", "e2"}) {
		t.Fatalf("baseline = %v, %v", fresh, err)
	}
	if f := mustFollow(t, s, a); f.New != 0 || f.Entries != 2 || f.Delivery.Pending != 0 {
		t.Errorf("after baseline: %+v", f)
	}
	t1 := t0.Add(time.Hour)
	next := []model.FollowEntry{e("e3", t1), e("e1", t1), e("e2", t0)}
	fresh, err := s.RecordFollowEntries(ctx, a, next, t1, true)
	if err != nil || !slices.Equal(entryIDs(fresh), []string{"e3"}) || !fresh[0].Seen.Equal(t1) {
		t.Fatalf("second record = %+v, %v", fresh, err)
	}
	if again, err := s.RecordFollowEntries(ctx, a, next, t1.Add(time.Minute), true); err != nil || len(again) != 0 {
		t.Errorf("recording again = %v, %v; want none", again, err)
	}
	if fresh, _ := s.RecordFollowEntries(ctx, b, next, t1, true); len(fresh) != 3 {
		t.Errorf("the other follow records its own: %v", fresh)
	}
	if _, err := s.RecordFollowEntries(ctx, 9999, next, t1, true); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("record for no follow: %v", err)
	}
	if f := mustFollow(t, s, a); f.New != 1 || f.Entries != 3 || f.Delivery.Pending != 1 {
		t.Errorf("after a new entry: %+v", f)
	}
	if f := mustFollow(t, s, b); f.New != 3 || f.Delivery.Pending != 0 {
		t.Errorf("follow without webhook: %+v", f)
	}
	if es, err := s.FollowEntries(ctx, a, 2); err != nil || !slices.Equal(entryIDs(es), []string{"e3", "e1"}) {
		t.Errorf("FollowEntries = %v, %v", entryIDs(es), err)
	}
	testDeliveries(t, s, a, t1)

	if err := s.MarkFollowSeen(ctx, a, t1.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if f := mustFollow(t, s, a); f.New != 0 || f.Entries != 4 {
		t.Errorf("after marking seen: %+v", f)
	}
	if err := s.DeleteFollow(ctx, a); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Follow(ctx, a); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("deleted follow: %v", err)
	}
	if err := s.DeleteFollow(ctx, a); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("delete again: %v", err)
	}
	if ds, _ := s.ClaimDeliveries(ctx, t1.Add(48*time.Hour), time.Minute, 10); len(ds) != 0 {
		t.Errorf("deliveries of a deleted follow: %+v", ds)
	}
	if fs, _ := s.Follows(ctx); len(fs) != 1 || fs[0].ID != b {
		t.Errorf("Follows after delete = %+v", fs)
	}
}

// testDeliveries claims, fails, retries, delivers and gives up the
// delivery of follow a queued at t1.
func testDeliveries(t *testing.T, s store.Store, a int64, t1 time.Time) {
	ctx := context.Background()
	ds, err := s.ClaimDeliveries(ctx, t1, time.Minute, 10)
	if err != nil || len(ds) != 1 {
		t.Fatalf("ClaimDeliveries = %+v, %v", ds, err)
	}
	d := ds[0]
	if d.FollowID != a || d.URL != "http://127.0.0.1:1/hook" || d.Secret != "s3cret" || !slices.Equal(entryIDs(d.Entries), []string{"e3"}) ||
		d.Entries[0].Title != "T e3" || !d.Entries[0].Updated.Equal(t1) || d.Attempts != 0 {
		t.Errorf("delivery = %+v", d)
	}
	if again, _ := s.ClaimDeliveries(ctx, t1.Add(30*time.Second), time.Minute, 10); len(again) != 0 {
		t.Errorf("claimed twice within the lease: %+v", again)
	}
	if err := s.DeliveryAttempt(ctx, d.ID, t1, "HTTP 500", t1.Add(5*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if f := mustFollow(t, s, a); f.Delivery.Attempts != 1 || f.Delivery.LastError != "HTTP 500" || f.Delivery.Pending != 1 {
		t.Errorf("after a failed attempt: %+v", f.Delivery)
	}
	if ds, _ := s.ClaimDeliveries(ctx, t1.Add(4*time.Minute), time.Minute, 10); len(ds) != 0 {
		t.Errorf("claimed before its retry time: %+v", ds)
	}
	ds, _ = s.ClaimDeliveries(ctx, t1.Add(5*time.Minute), time.Minute, 10)
	if len(ds) != 1 || ds[0].Attempts != 1 || ds[0].LastError != "HTTP 500" {
		t.Fatalf("retry = %+v", ds)
	}
	done := t1.Add(5 * time.Minute)
	if err := s.DeliveryAttempt(ctx, d.ID, done, "", time.Time{}); err != nil {
		t.Fatal(err)
	}
	f := mustFollow(t, s, a)
	if f.Delivery.Pending != 0 || f.Delivery.Failed != 0 || f.Delivery.Attempts != 2 || !f.Delivery.Delivered.Equal(done) {
		t.Errorf("after delivery: %+v", f.Delivery)
	}
	if ds, _ := s.ClaimDeliveries(ctx, t1.Add(48*time.Hour), time.Minute, 10); len(ds) != 0 {
		t.Errorf("a delivered delivery is claimed: %+v", ds)
	}
	// Another, given up after its attempt.
	t2 := t1.Add(time.Hour)
	if _, err := s.RecordFollowEntries(ctx, a, []model.FollowEntry{{ID: "e4", Title: "T", Path: "/", Updated: t2}}, t2, true); err != nil {
		t.Fatal(err)
	}
	ds, _ = s.ClaimDeliveries(ctx, t2, time.Minute, 10)
	if len(ds) != 1 {
		t.Fatalf("second delivery: %+v", ds)
	}
	if err := s.DeliveryAttempt(ctx, ds[0].ID, t2, "refused", time.Time{}); err != nil {
		t.Fatal(err)
	}
	if f := mustFollow(t, s, a); f.Delivery.Failed != 1 || f.Delivery.Pending != 0 || f.Delivery.LastError != "refused" {
		t.Errorf("after giving up: %+v", f.Delivery)
	}
	if err := s.DeliveryAttempt(ctx, 9999, t2, "", time.Time{}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("attempt of no delivery: %v", err)
	}
}
