package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"parallax/internal/store"
)

var _ store.Auth = (*Store)(nil)

// SaveSession stores a session, replacing one with the same id.
func (db *Store) SaveSession(ctx context.Context, s store.Session) error {
	return db.exec(ctx, "save session", `INSERT INTO sessions (id, csrf, created, expires) VALUES (?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET csrf = excluded.csrf, created = excluded.created, expires = excluded.expires`,
		s.ID, s.CSRF, FormatTime(s.Created), FormatTime(s.Expires))
}

// Session returns the session with id unexpired at now.
func (db *Store) Session(ctx context.Context, id string, now time.Time) (store.Session, error) {
	s := store.Session{ID: id}
	var created, expires string
	err := db.reader().QueryRow(ctx, `SELECT csrf, created, expires FROM sessions WHERE id = ? AND expires > ?`,
		id, FormatTime(now)).Scan(&s.CSRF, &created, &expires)
	if errors.Is(err, sql.ErrNoRows) {
		return s, fmt.Errorf("session: %w", store.ErrNotFound)
	}
	if err != nil {
		return s, db.errorf("session: %w", err)
	}
	if s.Created, err = ParseTime(sql.NullString{String: created, Valid: true}); err != nil {
		return s, err
	}
	s.Expires, err = ParseTime(sql.NullString{String: expires, Valid: true})
	return s, err
}

// DeleteSession forgets a session.
func (db *Store) DeleteSession(ctx context.Context, id string) error {
	return db.exec(ctx, "delete session", `DELETE FROM sessions WHERE id = ?`, id)
}

// DeleteExpiredSessions forgets the sessions expired at now.
func (db *Store) DeleteExpiredSessions(ctx context.Context, now time.Time) (int64, error) {
	res, err := db.writer().Exec(ctx, `DELETE FROM sessions WHERE expires <= ?`, FormatTime(now))
	if err != nil {
		return 0, db.errorf("delete expired sessions: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, db.errorf("delete expired sessions: %w", err)
	}
	return n, nil
}

// CreateAPIKey stores a key; store.ErrExists if its name is taken.
func (db *Store) CreateAPIKey(ctx context.Context, k store.APIKey) error {
	res, err := db.writer().Exec(ctx, `INSERT INTO api_keys (name, hash, created) VALUES (?, ?, ?)
		ON CONFLICT DO NOTHING`, k.Name, k.Hash, FormatTime(k.Created))
	if err != nil {
		return db.errorf("create api key %q: %w", k.Name, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return db.errorf("create api key %q: %w", k.Name, err)
	} else if n == 0 {
		return fmt.Errorf("api key %q: %w", k.Name, store.ErrExists)
	}
	return nil
}

// APIKeys lists the keys by name.
func (db *Store) APIKeys(ctx context.Context) ([]store.APIKey, error) {
	rows, err := db.reader().Query(ctx, `SELECT name, hash, created FROM api_keys ORDER BY name`)
	if err != nil {
		return nil, db.errorf("api keys: %w", err)
	}
	defer rows.Close()
	var out []store.APIKey
	for rows.Next() {
		var k store.APIKey
		var created string
		if err := rows.Scan(&k.Name, &k.Hash, &created); err != nil {
			return nil, db.errorf("api keys: %w", err)
		}
		if k.Created, err = ParseTime(sql.NullString{String: created, Valid: true}); err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	if err := rows.Err(); err != nil {
		return nil, db.errorf("api keys: %w", err)
	}
	return out, nil
}

// APIKeyByHash returns the key with that hash.
func (db *Store) APIKeyByHash(ctx context.Context, hash string) (store.APIKey, error) {
	k := store.APIKey{Hash: hash}
	var created string
	err := db.reader().QueryRow(ctx, `SELECT name, created FROM api_keys WHERE hash = ?`, hash).Scan(&k.Name, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return k, fmt.Errorf("api key: %w", store.ErrNotFound)
	}
	if err != nil {
		return k, db.errorf("api key: %w", err)
	}
	k.Created, err = ParseTime(sql.NullString{String: created, Valid: true})
	return k, err
}

// RevokeAPIKey deletes the key named name.
func (db *Store) RevokeAPIKey(ctx context.Context, name string) error {
	res, err := db.writer().Exec(ctx, `DELETE FROM api_keys WHERE name = ?`, name)
	if err != nil {
		return db.errorf("revoke api key %q: %w", name, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return db.errorf("revoke api key %q: %w", name, err)
	} else if n == 0 {
		return fmt.Errorf("api key %q: %w", name, store.ErrNotFound)
	}
	return nil
}

// exec runs one write statement.
func (db *Store) exec(ctx context.Context, what, query string, args ...any) error {
	if _, err := db.writer().Exec(ctx, query, args...); err != nil {
		return db.errorf("%s: %w", what, err)
	}
	return nil
}
