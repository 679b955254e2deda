// Package postgres is the scale-out implementation of store.Store (and of
// poll.FeedStore) on PostgreSQL, through the pure-Go driver
// github.com/jackc/pgx/v5 and its connection pool.
//
// It keeps the semantics of store/sqlite, so the two pass the same suite
// (store/storetest): AddArticle dedupes atomically with INSERT ... ON
// CONFLICT DO NOTHING on the unique id, canonical URL and content hash;
// every write is one transaction. Unlike SQLite, PostgreSQL runs writers
// concurrently, so the writes that change story membership (Assign,
// MergeStory, ResetStories) first take one transaction-scoped advisory
// lock: they run one at a time, as in SQLite, which keeps story aggregates
// exact and assignment sequence numbers gap-free and committed in order
// (AssignedSince never skips an assignment that commits late). Reads that
// take several statements run in a read-only REPEATABLE READ transaction:
// one consistent snapshot.
//
// Times are stored as in SQLite, fixed-width RFC 3339 text in UTC with
// nanoseconds, so they round-trip exactly.
//
// The schema is created by the numbered migrations embedded from
// migrations/, applied in order by Open, each in its own transaction
// together with its row in schema_version, under an advisory lock so that
// several processes may open the same database at once.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"parallax/internal/store"
)

// Errors returned by this package besides store.ErrNotFound.
var (
	ErrInvalid      = errors.New("postgres: invalid argument")
	ErrSchemaTooNew = errors.New("postgres: database schema is newer than this program")
	ErrBadMigration = errors.New("postgres: bad migration file name")
)

// Advisory lock keys (pg_advisory_xact_lock), per database.
const (
	lockMigrate int64 = 0x70617261_00000001 // schema migrations
	lockCluster int64 = 0x70617261_00000002 // story membership writes
)

// DB is a Parallax store in a PostgreSQL database. It implements
// store.Store and poll.FeedStore and is safe for concurrent use.
type DB struct {
	pool  *pgxpool.Pool
	now   func() time.Time
	basis store.BriefBasis // story versions read by StoryArticles, for SaveBrief
}

var _ store.Store = (*DB)(nil)

// Open connects to the database named by a PostgreSQL URL or key=value
// connection string (postgres://user:pass@host:5432/db?sslmode=disable;
// pool settings such as pool_max_conns are accepted) and brings its schema
// up to date.
func Open(ctx context.Context, dsn string) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: parse connection string: %w", err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: connect %s: %w", target(cfg), err)
	}
	if err := migrate(ctx, pool); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: open %s: %w", target(cfg), err)
	}
	return &DB{pool: pool, now: time.Now}, nil
}

// target names the database of cfg for messages, without the password.
func target(cfg *pgxpool.Config) string {
	return fmt.Sprintf("%s@%s:%d/%s", cfg.ConnConfig.User, cfg.ConnConfig.Host, cfg.ConnConfig.Port, cfg.ConnConfig.Database)
}

// Close closes the connection pool.
func (db *DB) Close() error {
	closeClaims(db)
	db.pool.Close()
	return nil
}

// beginWrite starts a read-write transaction (READ COMMITTED).
func (db *DB) beginWrite(ctx context.Context) (pgx.Tx, error) {
	tx, err := db.pool.BeginTx(ctx, pgx.TxOptions{})
	if err != nil {
		return nil, fmt.Errorf("postgres: begin: %w", err)
	}
	return tx, nil
}

// beginCluster starts a write transaction holding the story membership
// lock, so that membership writes run one at a time.
func (db *DB) beginCluster(ctx context.Context) (pgx.Tx, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, lockCluster); err != nil {
		tx.Rollback(ctx)
		return nil, fmt.Errorf("postgres: lock: %w", err)
	}
	return tx, nil
}

// beginRead starts a read-only transaction on one consistent snapshot.
func (db *DB) beginRead(ctx context.Context) (pgx.Tx, error) {
	tx, err := db.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return nil, fmt.Errorf("postgres: begin: %w", err)
	}
	return tx, nil
}

// rollback ends tx if it is still open; for defer after begin.
func rollback(ctx context.Context, tx pgx.Tx) {
	_ = tx.Rollback(context.WithoutCancel(ctx))
}

// commit commits tx, wrapping a failure.
func commit(ctx context.Context, tx pgx.Tx) error {
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("postgres: commit: %w", err)
	}
	return nil
}
