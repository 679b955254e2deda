// Package sqlite is the embedded default implementation of store.Store,
// on the pure-Go driver modernc.org/sqlite. The methods it shares with
// store/postgres live in store/sqlstore; this package opens the database,
// migrates it, and supplies SQLite's dialect, full-text search (FTS5) and
// backups.
//
// Concurrency: the database runs in WAL mode. All writes go through one
// *sql.DB limited to a single connection whose transactions begin
// IMMEDIATE, so writers are serialised inside the process and take the
// database write lock up front (other processes wait up to the busy
// timeout instead of failing mid-transaction). Reads use a separate pool of
// query-only connections and never block on the writer.
//
// Durability: synchronous=NORMAL, so a committed transaction survives a
// process crash; after a power loss the last transactions may be lost, but
// never half applied.
//
// The schema is created by the numbered migrations embedded from
// migrations/, applied in order by Open, each in its own transaction
// together with its row in schema_version.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"runtime"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"parallax/internal/store"
	"parallax/internal/store/sqlstore"
)

// Errors returned by this package besides store.ErrNotFound.
var (
	ErrInvalid      = errors.New("sqlite: invalid argument")
	ErrSchemaTooNew = errors.New("sqlite: database schema is newer than this program")
	ErrBadMigration = errors.New("sqlite: bad migration file name")
	errEmptyPath    = errors.New("sqlite: empty database path")
)

// busyTimeoutMillis is how long a connection waits for another process's
// lock before failing with SQLITE_BUSY.
const busyTimeoutMillis = 10_000

// DB is a Parallax store in one SQLite file. It implements store.Store and
// is safe for concurrent use.
type DB struct {
	*sqlstore.Store
	write *sql.DB // one connection: the single writer
	read  *sql.DB // query-only pool
}

// dialect is SQLite's for the shared statements.
var dialect = sqlstore.Dialect{
	Name:              "sqlite",
	Invalid:           ErrInvalid,
	True:              "1", // as the partial index stories_stale names it
	ReadTx:            &sql.TxOptions{ReadOnly: true},
	NoLimit:           "-1",
	InsertOrder:       "rowid",
	JSONTexts:         func(col, alias string) string { return `json_each(` + col + `) ` + alias },
	BriefSummary:      `COALESCE((SELECT group_concat(json_extract(s.value, '$.text'), ' ') FROM json_each(brief, '$.summary') s), '')`,
	StoryCandidates:   storyCandidates,
	ArticleCandidates: articleCandidates,
}

var _ store.Store = (*DB)(nil)

// Open opens (creating if needed) the database file at path and brings its
// schema up to date.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, errEmptyPath
	}
	write, err := sql.Open("sqlite", dsn(path, "_txlock=immediate&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=cache_size(-32768)"))
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	write.SetMaxOpenConns(1)
	write.SetConnMaxIdleTime(0)
	if err := migrate(ctx, write); err != nil {
		write.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	read, err := sql.Open("sqlite", dsn(path, "_pragma=query_only(1)"))
	if err != nil {
		write.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	read.SetMaxOpenConns(max(4, runtime.NumCPU()))
	return &DB{Store: sqlstore.New(dialect, write, read), write: write, read: read}, nil
}

// dsn builds a SQLite URI for path with the common pragmas plus extra.
func dsn(path, extra string) string {
	u := url.URL{Path: path}
	return fmt.Sprintf("file:%s?_pragma=busy_timeout(%d)&_pragma=foreign_keys(1)&%s",
		u.EscapedPath(), busyTimeoutMillis, extra)
}

// Close closes both connection pools.
func (db *DB) Close() error {
	return errors.Join(db.read.Close(), db.write.Close())
}
