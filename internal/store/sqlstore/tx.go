package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
)

// Q runs statements written with ? placeholders on a pool, rebinding
// them for the dialect.
type Q struct {
	db     *sql.DB
	rebind func(string) string
}

// Exec runs a statement that returns no rows.
func (q Q) Exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return q.db.ExecContext(ctx, bind(q.rebind, query), args...)
}

// Query runs a statement that returns rows.
func (q Q) Query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return q.db.QueryContext(ctx, bind(q.rebind, query), args...)
}

// QueryRow runs a statement that returns at most one row.
func (q Q) QueryRow(ctx context.Context, query string, args ...any) *sql.Row {
	return q.db.QueryRowContext(ctx, bind(q.rebind, query), args...)
}

// Tx is a transaction of a Store, whose statements are written with ?
// placeholders. (Concrete types rather than one interface for pools and
// transactions, so that the arguments of a statement stay on the stack.)
type Tx struct {
	tx     *sql.Tx
	rebind func(string) string
	name   string // the dialect's, for errors
}

// bind rebinds query, if the dialect rebinds.
func bind(rebind func(string) string, query string) string {
	if rebind == nil {
		return query
	}
	return rebind(query)
}

// Exec runs a statement that returns no rows.
func (tx *Tx) Exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return tx.tx.ExecContext(ctx, bind(tx.rebind, query), args...)
}

// Query runs a statement that returns rows.
func (tx *Tx) Query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return tx.tx.QueryContext(ctx, bind(tx.rebind, query), args...)
}

// QueryRow runs a statement that returns at most one row.
func (tx *Tx) QueryRow(ctx context.Context, query string, args ...any) *sql.Row {
	return tx.tx.QueryRowContext(ctx, bind(tx.rebind, query), args...)
}

// Rollback ends the transaction if it is still open; for defer after begin.
func (tx *Tx) Rollback() {
	_ = tx.tx.Rollback()
}

// Commit commits the transaction, wrapping a failure.
func (tx *Tx) Commit() error {
	if err := tx.tx.Commit(); err != nil {
		return fmt.Errorf("%s: commit: %w", tx.name, err)
	}
	return nil
}

// writer returns a Q on the write pool, for one statement.
func (db *Store) writer() Q { return Q{db.write, db.d.Rebind} }

// reader returns a Q on the read pool, for one read statement.
func (db *Store) reader() Q { return Q{db.read, db.d.Rebind} }

// beginWrite starts a read-write transaction.
func (db *Store) beginWrite(ctx context.Context) (*Tx, error) {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("%s: begin: %w", db.d.Name, err)
	}
	return &Tx{tx, db.d.Rebind, db.d.Name}, nil
}

// beginMembership starts a write transaction that may change story
// membership: under the dialect's membership lock, if any.
func (db *Store) beginMembership(ctx context.Context) (*Tx, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil || db.d.LockMembership == nil {
		return tx, err
	}
	if err := db.d.LockMembership(ctx, tx.tx); err != nil {
		tx.Rollback()
		return nil, fmt.Errorf("%s: lock: %w", db.d.Name, err)
	}
	return tx, nil
}

// beginRead starts a read-only transaction on one consistent snapshot.
func (db *Store) beginRead(ctx context.Context) (*Tx, error) {
	tx, err := db.read.BeginTx(ctx, db.d.ReadTx)
	if err != nil {
		return nil, fmt.Errorf("%s: begin: %w", db.d.Name, err)
	}
	return &Tx{tx, db.d.Rebind, db.d.Name}, nil
}

// forUpdate is the row-locking clause FOR UPDATE with suffix, where the
// dialect locks rows; else nothing.
func (db *Store) forUpdate(suffix string) string {
	if !db.d.RowLocks {
		return ""
	}
	return " FOR UPDATE" + suffix
}

// forShare is the row-locking clause FOR SHARE, where the dialect locks
// rows; else nothing.
func (db *Store) forShare() string {
	if !db.d.RowLocks {
		return ""
	}
	return " FOR SHARE"
}

// errorf wraps an error with the dialect's name in front.
func (db *Store) errorf(format string, args ...any) error {
	return fmt.Errorf(db.d.Name+": "+format, args...)
}

// Prepare prepares a statement for repeated use in the transaction.
func (tx *Tx) Prepare(ctx context.Context, query string) (*sql.Stmt, error) {
	return tx.tx.PrepareContext(ctx, bind(tx.rebind, query))
}
