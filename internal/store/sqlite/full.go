package sqlite

import (
	"errors"
	"syscall"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// IsFull reports whether err comes from a store that could not grow: the
// disk is full (SQLITE_FULL, ENOSPC) or a file size limit was reached
// (EFBIG, which SQLite reports as a write I/O error). The transaction it
// ended was rolled back; the store is intact.
func IsFull(err error) bool {
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EFBIG) {
		return true
	}
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return false
	}
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_FULL:
		return true
	case sqlite3.SQLITE_IOERR:
		return se.Code() == sqlite3.SQLITE_IOERR_WRITE || se.Code() == sqlite3.SQLITE_IOERR_FSYNC ||
			se.Code() == sqlite3.SQLITE_IOERR_TRUNCATE || se.Code() == sqlite3.SQLITE_IOERR_SHMSIZE
	}
	return false
}
