package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"time"

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
func migrate(ctx context.Context, db *sql.DB) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	for _, m := range ms {
		if err := applyMigration(ctx, db, m, len(ms)); err != nil {
			return fmt.Errorf("migrate %s: %w", m.Name, err)
		}
	}
	return nil
}

// applyMigration applies m unless the database already has it.
func applyMigration(ctx context.Context, db *sql.DB, m store.Migration, latest int) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
		version INTEGER PRIMARY KEY,
		applied TEXT NOT NULL
	)`); err != nil {
		return err
	}
	var current int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&current); err != nil {
		return err
	}
	if current > latest {
		return fmt.Errorf("%w: version %d, known %d", ErrSchemaTooNew, current, latest)
	}
	if current >= m.Version {
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version, applied) VALUES (?, ?)`,
		m.Version, sqlstore.FormatTime(time.Now())); err != nil {
		return err
	}
	return tx.Commit()
}

// schemaVersion returns the database's schema version (for tests).
func (db *DB) schemaVersion(ctx context.Context) (int, error) {
	var v int
	err := db.read.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&v)
	return v, err
}
