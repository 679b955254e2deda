package main

import (
	"context"
	"fmt"

	"parallax/internal/store/sqlite"
)

func init() {
	register(command{Name: "backup", Summary: "write a consistent copy of the SQLite store to FILE (while it is in use)", Run: runBackup})
	register(command{Name: "restore", Summary: "replace the SQLite store's contents with the backup FILE", Run: runRestore})
}

func runBackup(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "backup", "[--db FILE] BACKUP-FILE")
	db := dbFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	dst, err := oneFileArg(fs.Args(), "backup")
	if err != nil {
		return err
	}
	if isPostgres(*db) {
		return fmt.Errorf("%w: backup copies a SQLite store; for PostgreSQL use pg_dump", errUsage)
	}
	if err := sqlite.Backup(ctx, *db, dst); err != nil {
		return err
	}
	fmt.Fprintf(e.Stderr, "backed up %s to %s (integrity check ok)\n", *db, dst)
	return nil
}

func runRestore(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "restore", "[--db FILE] BACKUP-FILE")
	db := dbFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	src, err := oneFileArg(fs.Args(), "restore")
	if err != nil {
		return err
	}
	if isPostgres(*db) {
		return fmt.Errorf("%w: restore writes a SQLite store; for PostgreSQL use pg_restore", errUsage)
	}
	if err := sqlite.Restore(ctx, *db, src); err != nil {
		return err
	}
	fmt.Fprintf(e.Stderr, "restored %s from %s (integrity check ok); restart serve and poll so they read it again\n", *db, src)
	return nil
}

func oneFileArg(args []string, cmd string) (string, error) {
	if len(args) != 1 {
		return "", fmt.Errorf("%w: %s takes one backup file", errUsage, cmd)
	}
	return args[0], nil
}
