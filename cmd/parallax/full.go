package main

import (
	"fmt"

	"parallax/internal/store/sqlite"
)

// storeFull names the store in an error that says it could not grow (a
// full disk or a file size limit); other errors pass unchanged. Every
// write is one transaction, so what failed left nothing half-written and
// the same command, run again once there is space, completes the work.
func storeFull(db string, err error) error {
	if err == nil || !sqlite.IsFull(err) {
		return err
	}
	return fmt.Errorf("store %s is full (no space left on its disk, or a file size limit): nothing was half-written; "+
		"free some space and run the same command again: %w", redact(db), err)
}
