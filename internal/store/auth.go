package store

import (
	"context"
	"errors"
	"time"
)

// ErrExists is returned when a record with the same unique name is stored.
var ErrExists = errors.New("store: already exists")

// Session is a logged-in browser, kept server-side so that it survives a
// restart. Only a hash of the cookie's secret is stored.
type Session struct {
	ID      string // hex SHA-256 of the cookie's token; the key
	CSRF    string // the token every form of the session carries
	Created time.Time
	Expires time.Time
}

// APIKey is a key for the API's write calls (Authorization: Bearer).
// Only a hash of the key is stored.
type APIKey struct {
	Name    string // unique, chosen by the operator
	Hash    string // hex SHA-256 of the key
	Created time.Time
}

// Auth keeps sessions and API keys. Every store implements it.
type Auth interface {
	// SaveSession stores a session (replacing one with the same ID).
	SaveSession(ctx context.Context, s Session) error
	// Session returns the session with id that has not expired at now
	// (ErrNotFound otherwise).
	Session(ctx context.Context, id string, now time.Time) (Session, error)
	// DeleteSession forgets a session; deleting an absent one is a no-op.
	DeleteSession(ctx context.Context, id string) error
	// DeleteExpiredSessions forgets the sessions expired at now and
	// returns how many.
	DeleteExpiredSessions(ctx context.Context, now time.Time) (int64, error)

	// CreateAPIKey stores a key (ErrExists if its name is taken).
	CreateAPIKey(ctx context.Context, k APIKey) error
	// APIKeys lists the keys by name.
	APIKeys(ctx context.Context) ([]APIKey, error)
	// APIKeyByHash returns the key with that hash (ErrNotFound if none).
	APIKeyByHash(ctx context.Context, hash string) (APIKey, error)
	// RevokeAPIKey deletes the key named name (ErrNotFound if none).
	RevokeAPIKey(ctx context.Context, name string) error
}
