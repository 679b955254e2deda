package storetest

import (
	"context"
	"errors"
	"testing"
	"time"

	"parallax/internal/store"
)

// testSessions: a session is found until it expires, then not; it can be
// deleted; expired ones are swept.
func testSessions(t *testing.T, s store.Store) {
	ctx := context.Background()
	live := store.Session{ID: "a1", CSRF: "tok", Created: day, Expires: day.Add(time.Hour)}
	old := store.Session{ID: "b2", CSRF: "tok2", Created: day.Add(-2 * time.Hour), Expires: day.Add(-time.Hour)}
	for _, x := range []store.Session{live, old} {
		if err := s.SaveSession(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name, id string
		at       time.Time
		found    bool
	}{
		{"Live", "a1", day, true},
		{"AtExpiry", "a1", day.Add(time.Hour), false},
		{"Expired", "b2", day, false},
		{"Unknown", "zz", day, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Session(ctx, tt.id, tt.at)
			if !tt.found {
				if !errors.Is(err, store.ErrNotFound) {
					t.Fatalf("Session(%s) = %+v, %v; want ErrNotFound", tt.id, got, err)
				}
				return
			}
			if err != nil || got.CSRF != live.CSRF || !got.Created.Equal(live.Created) || !got.Expires.Equal(live.Expires) {
				t.Fatalf("Session(%s) = %+v, %v; want %+v", tt.id, got, err, live)
			}
		})
	}
	if n, err := s.DeleteExpiredSessions(ctx, day); err != nil || n != 1 {
		t.Fatalf("DeleteExpiredSessions = %d, %v; want 1", n, err)
	}
	if err := s.DeleteSession(ctx, "a1"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Session(ctx, "a1", day); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("deleted session found: %v", err)
	}
	if err := s.DeleteSession(ctx, "a1"); err != nil {
		t.Fatalf("deleting an absent session: %v", err)
	}
}

// testAPIKeys: keys are unique by name, found by hash, listed by name and
// gone once revoked.
func testAPIKeys(t *testing.T, s store.Store) {
	ctx := context.Background()
	for _, k := range []store.APIKey{{Name: "feeds-bot", Hash: "h2", Created: day}, {Name: "backup", Hash: "h1", Created: day}} {
		if err := s.CreateAPIKey(ctx, k); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.CreateAPIKey(ctx, store.APIKey{Name: "backup", Hash: "h3", Created: day}); !errors.Is(err, store.ErrExists) {
		t.Fatalf("second key named backup: %v; want ErrExists", err)
	}
	keys, err := s.APIKeys(ctx)
	if err != nil || len(keys) != 2 || keys[0].Name != "backup" || keys[1].Hash != "h2" || !keys[0].Created.Equal(day) {
		t.Fatalf("APIKeys = %+v, %v", keys, err)
	}
	if k, err := s.APIKeyByHash(ctx, "h2"); err != nil || k.Name != "feeds-bot" {
		t.Fatalf("APIKeyByHash(h2) = %+v, %v", k, err)
	}
	if err := s.RevokeAPIKey(ctx, "feeds-bot"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.APIKeyByHash(ctx, "h2"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("revoked key found: %v", err)
	}
	if err := s.RevokeAPIKey(ctx, "feeds-bot"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("revoking twice: %v; want ErrNotFound", err)
	}
}
