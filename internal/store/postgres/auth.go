package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"parallax/internal/store"
)

var _ store.Auth = (*DB)(nil)

// SaveSession stores a session, replacing one with the same id.
func (db *DB) SaveSession(ctx context.Context, s store.Session) error {
	_, err := db.pool.Exec(ctx, `INSERT INTO sessions (id, csrf, created, expires) VALUES ($1, $2, $3, $4)
		ON CONFLICT (id) DO UPDATE SET csrf = excluded.csrf, created = excluded.created, expires = excluded.expires`,
		s.ID, s.CSRF, formatTime(s.Created), formatTime(s.Expires))
	if err != nil {
		return fmt.Errorf("postgres: save session: %w", err)
	}
	return nil
}

// Session returns the session with id unexpired at now.
func (db *DB) Session(ctx context.Context, id string, now time.Time) (store.Session, error) {
	s := store.Session{ID: id}
	var created, expires string
	err := db.pool.QueryRow(ctx, `SELECT csrf, created, expires FROM sessions WHERE id = $1 AND expires > $2`,
		id, formatTime(now)).Scan(&s.CSRF, &created, &expires)
	if errors.Is(err, pgx.ErrNoRows) {
		return s, fmt.Errorf("session: %w", store.ErrNotFound)
	}
	if err != nil {
		return s, fmt.Errorf("postgres: session: %w", err)
	}
	if s.Created, err = parseTime(&created); err != nil {
		return s, err
	}
	s.Expires, err = parseTime(&expires)
	return s, err
}

// DeleteSession forgets a session.
func (db *DB) DeleteSession(ctx context.Context, id string) error {
	if _, err := db.pool.Exec(ctx, `DELETE FROM sessions WHERE id = $1`, id); err != nil {
		return fmt.Errorf("postgres: delete session: %w", err)
	}
	return nil
}

// DeleteExpiredSessions forgets the sessions expired at now.
func (db *DB) DeleteExpiredSessions(ctx context.Context, now time.Time) (int64, error) {
	tag, err := db.pool.Exec(ctx, `DELETE FROM sessions WHERE expires <= $1`, formatTime(now))
	if err != nil {
		return 0, fmt.Errorf("postgres: delete expired sessions: %w", err)
	}
	return tag.RowsAffected(), nil
}

// CreateAPIKey stores a key; store.ErrExists if its name is taken.
func (db *DB) CreateAPIKey(ctx context.Context, k store.APIKey) error {
	tag, err := db.pool.Exec(ctx, `INSERT INTO api_keys (name, hash, created) VALUES ($1, $2, $3)
		ON CONFLICT DO NOTHING`, k.Name, k.Hash, formatTime(k.Created))
	if err != nil {
		return fmt.Errorf("postgres: create api key %q: %w", k.Name, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("api key %q: %w", k.Name, store.ErrExists)
	}
	return nil
}

// APIKeys lists the keys by name.
func (db *DB) APIKeys(ctx context.Context) ([]store.APIKey, error) {
	rows, err := db.pool.Query(ctx, `SELECT name, hash, created FROM api_keys ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("postgres: api keys: %w", err)
	}
	keys, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (store.APIKey, error) {
		var k store.APIKey
		var created string
		if err := row.Scan(&k.Name, &k.Hash, &created); err != nil {
			return k, err
		}
		k.Created, err = parseTime(&created)
		return k, err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: api keys: %w", err)
	}
	return keys, nil
}

// APIKeyByHash returns the key with that hash.
func (db *DB) APIKeyByHash(ctx context.Context, hash string) (store.APIKey, error) {
	k := store.APIKey{Hash: hash}
	var created string
	err := db.pool.QueryRow(ctx, `SELECT name, created FROM api_keys WHERE hash = $1`, hash).Scan(&k.Name, &created)
	if errors.Is(err, pgx.ErrNoRows) {
		return k, fmt.Errorf("api key: %w", store.ErrNotFound)
	}
	if err != nil {
		return k, fmt.Errorf("postgres: api key: %w", err)
	}
	k.Created, err = parseTime(&created)
	return k, err
}

// RevokeAPIKey deletes the key named name.
func (db *DB) RevokeAPIKey(ctx context.Context, name string) error {
	tag, err := db.pool.Exec(ctx, `DELETE FROM api_keys WHERE name = $1`, name)
	if err != nil {
		return fmt.Errorf("postgres: revoke api key %q: %w", name, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("api key %q: %w", name, store.ErrNotFound)
	}
	return nil
}
