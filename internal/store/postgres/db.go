// Package postgres is the scale-out implementation of store.Store (and of
// poll.FeedStore) on PostgreSQL, through the pure-Go driver
// github.com/jackc/pgx/v5 and its connection pool. The methods it shares
// with store/sqlite live in store/sqlstore, which reaches the pool through
// pgx's database/sql adapter (stdlib); this package supplies PostgreSQL's
// dialect, migrations, full-text search (tsvector) and leases.
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
	"database/sql"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"

	"parallax/internal/store"
	"parallax/internal/store/sqlstore"
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
	*sqlstore.Store
	pool *pgxpool.Pool
	sql  *sql.DB // the pool through database/sql, for sqlstore
}

// foreignKeyViolation is PostgreSQL's SQLSTATE foreign_key_violation.
const foreignKeyViolation = "23503"

// dialect is PostgreSQL's for the shared statements.
var dialect = sqlstore.Dialect{
	Name:    "postgres",
	Invalid: ErrInvalid,
	Rebind:  sqlstore.Dollars,
	True:    "TRUE",
	ReadTx:  &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true},
	LockMembership: func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, lockCluster)
		return err
	},
	RowLocks:    true,
	NoLimit:     "ALL",
	InsertOrder: "seq",
	JSONTexts: func(col, alias string) string {
		return `jsonb_array_elements_text(CASE jsonb_typeof(` + col + `) WHEN 'array' THEN ` + col + ` ELSE '[]' END) AS ` + alias + `(value)`
	},
	Binary:       ` COLLATE "C"`,
	BriefSummary: `COALESCE(parallax_brief_summary(brief), '')`,
	ForeignKeyViolation: func(err error) bool {
		var pgErr *pgconn.PgError
		return errors.As(err, &pgErr) && pgErr.Code == foreignKeyViolation
	},
	StoryCandidates:   storyCandidates,
	ArticleCandidates: articleCandidates,
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
	sdb := stdlib.OpenDBFromPool(pool)
	return &DB{Store: sqlstore.New(dialect, sdb, sdb), pool: pool, sql: sdb}, nil
}

// target names the database of cfg for messages, without the password.
func target(cfg *pgxpool.Config) string {
	return fmt.Sprintf("%s@%s:%d/%s", cfg.ConnConfig.User, cfg.ConnConfig.Host, cfg.ConnConfig.Port, cfg.ConnConfig.Database)
}

// Close closes the connection pool.
func (db *DB) Close() error {
	closeClaims(db)
	err := db.sql.Close()
	db.pool.Close()
	return err
}
