package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"modernc.org/sqlite"
)

// ErrIntegrity means PRAGMA integrity_check found a damaged database.
var ErrIntegrity = errors.New("sqlite: integrity check failed")

// Backup writes a consistent copy of the store at path to dst with VACUUM
// INTO: a snapshot taken in one read transaction, so other processes go on
// reading and writing meanwhile. The copy is written beside dst, checked
// with PRAGMA integrity_check and renamed into place; an existing dst is
// refused.
func Backup(ctx context.Context, path, dst string) error {
	if _, err := os.Stat(dst); err == nil {
		return fmt.Errorf("sqlite: backup %s: %s exists", path, dst)
	}
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("sqlite: backup %s: %w", path, err)
	}
	db, err := sql.Open("sqlite", dsn(path, "_pragma=query_only(0)"))
	if err != nil {
		return fmt.Errorf("sqlite: backup %s: %w", path, err)
	}
	defer db.Close()
	tmp := fmt.Sprintf("%s.tmp-%d", dst, os.Getpid())
	os.Remove(tmp)
	if _, err := db.ExecContext(ctx, `VACUUM INTO ?`, tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("sqlite: backup %s to %s: %w", path, dst, err)
	}
	if err := IntegrityCheck(ctx, tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("sqlite: backup %s: the copy: %w", path, err)
	}
	if err := os.Rename(tmp, dst); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("sqlite: backup %s: %w", path, err)
	}
	return nil
}

// Restore replaces the contents of the store at path (created if absent)
// with the backup src, after checking src's integrity and that it is a
// Parallax store. It copies through SQLite's online backup API, under the
// database's own locks: a process that has the store open sees either the
// old contents or the restored ones, never a mix, and the file is checked
// again afterwards.
func Restore(ctx context.Context, path, src string) error {
	if err := IntegrityCheck(ctx, src); err != nil {
		return fmt.Errorf("sqlite: restore %s: backup %s: %w", path, src, err)
	}
	if err := isStore(ctx, src); err != nil {
		return fmt.Errorf("sqlite: restore %s: backup %s: %w", path, src, err)
	}
	db, err := sql.Open("sqlite", dsn(path, "_pragma=journal_mode(WAL)"))
	if err != nil {
		return fmt.Errorf("sqlite: restore %s: %w", path, err)
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("sqlite: restore %s: %w", path, err)
	}
	err = conn.Raw(func(dc any) error {
		r, ok := dc.(interface {
			NewRestore(string) (*sqlite.Backup, error)
		})
		if !ok {
			return errors.New("driver cannot restore")
		}
		return restorePages(ctx, r, dsn(src, "mode=ro"))
	})
	conn.Close()
	if err != nil {
		return fmt.Errorf("sqlite: restore %s from %s: %w", path, src, err)
	}
	if err := IntegrityCheck(ctx, path); err != nil {
		return fmt.Errorf("sqlite: restore %s: %w", path, err)
	}
	return nil
}

// restorePages copies every page of src in one step, retrying while
// another process holds the write lock.
func restorePages(ctx context.Context, r interface {
	NewRestore(string) (*sqlite.Backup, error)
}, src string) error {
	for {
		b, err := r.NewRestore(src)
		if err != nil {
			return err
		}
		_, stepErr := b.Step(-1)
		finErr := b.Finish()
		if stepErr == nil {
			return finErr
		}
		if !strings.Contains(stepErr.Error(), "busy") && !strings.Contains(stepErr.Error(), "locked") {
			return stepErr
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// IntegrityCheck runs PRAGMA integrity_check on the database file at path,
// read-only.
func IntegrityCheck(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err != nil {
		return err
	}
	db, err := sql.Open("sqlite", dsn(path, "mode=ro"))
	if err != nil {
		return err
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	defer rows.Close()
	var msgs []string
	for rows.Next() {
		var m string
		if err := rows.Scan(&m); err != nil {
			return err
		}
		msgs = append(msgs, m)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if len(msgs) != 1 || msgs[0] != "ok" {
		return fmt.Errorf("%w: %s: %s", ErrIntegrity, path, strings.Join(msgs, "; "))
	}
	return nil
}

// isStore checks that the database at path has a Parallax schema this
// binary knows.
func isStore(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite", dsn(path, "mode=ro"))
	if err != nil {
		return err
	}
	defer db.Close()
	var v int
	if err := db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&v); err != nil {
		return fmt.Errorf("not a Parallax store: %w", err)
	}
	ms, err := migrations()
	if err != nil {
		return err
	}
	if v > len(ms) {
		return fmt.Errorf("%w: version %d, known %d", ErrSchemaTooNew, v, len(ms))
	}
	return nil
}
