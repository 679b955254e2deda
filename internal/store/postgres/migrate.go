package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"parallax/internal/store"
	"parallax/internal/store/sqlstore"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// migrations returns the embedded migrations ordered by version.
func migrations() ([]store.Migration, error) {
	return store.LoadMigrations(migrationFS, "migrations", ErrBadMigration)
}

// migrate applies every migration newer than the database's version, each
// in its own transaction with its schema_version row, so a failure leaves
// the schema at the last complete version.
func migrate(ctx context.Context, pool *pgxpool.Pool) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	if ok, err := upToDate(ctx, pool, len(ms)); err != nil || ok {
		return err
	}
	for _, m := range ms {
		if err := applyMigration(ctx, pool, m, len(ms)); err != nil {
			return fmt.Errorf("migrate %s: %w", m.Name, err)
		}
	}
	return nil
}

// upToDate reports whether the database has every migration already, in
// one query without the lock: how most processes start (each worker,
// clusterer and brief writer opens the store), instead of a transaction
// per migration.
func upToDate(ctx context.Context, pool *pgxpool.Pool, latest int) (bool, error) {
	var current int
	err := pool.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&current)
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == undefinedTable {
		return false, nil // a new database
	}
	if err != nil {
		return false, err
	}
	if current > latest {
		return false, fmt.Errorf("%w: version %d, known %d", ErrSchemaTooNew, current, latest)
	}
	return current == latest, nil
}

// undefinedTable is PostgreSQL's SQLSTATE undefined_table.
const undefinedTable = "42P01"

// applyMigration applies m unless the database already has it. The
// advisory lock makes a second process wait, then see the new version.
func applyMigration(ctx context.Context, pool *pgxpool.Pool, m store.Migration, latest int) error {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer rollback(ctx, tx)
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, lockMigrate); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
		version INTEGER PRIMARY KEY,
		applied TEXT NOT NULL
	)`); err != nil {
		return err
	}
	var current int
	if err := tx.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&current); err != nil {
		return err
	}
	if current > latest {
		return fmt.Errorf("%w: version %d, known %d", ErrSchemaTooNew, current, latest)
	}
	if current >= m.Version {
		return nil
	}
	if _, err := tx.Exec(ctx, m.SQL); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `INSERT INTO schema_version (version, applied) VALUES ($1, $2)`,
		m.Version, sqlstore.FormatTime(time.Now())); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// schemaVersion returns the database's schema version (for tests).
func (db *DB) schemaVersion(ctx context.Context) (int, error) {
	var v int
	err := db.pool.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&v)
	return v, err
}

// rollback ends tx if it is still open; for defer after begin.
func rollback(ctx context.Context, tx pgx.Tx) {
	_ = tx.Rollback(context.WithoutCancel(ctx))
}
