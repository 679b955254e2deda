// Package sqlstore holds the store.Store logic that SQLite and PostgreSQL
// share: the statements, the row scanning into model types, the story
// aggregates and the control flow of each method, written once against
// database/sql with ? placeholders. The packages named for each database
// (store/sqlite, store/postgres) open the connections, apply their own
// migrations, and supply a Dialect for what differs: placeholder syntax,
// boolean literals, transaction options and locking. Their own files keep
// what has no common form (full-text search, backup, leases).
package sqlstore

import (
	"context"
	"database/sql"
	"time"

	"parallax/internal/search"
	"parallax/internal/store"
)

// Dialect is what differs between the databases for the shared statements.
type Dialect struct {
	// Name prefixes error messages ("sqlite", "postgres").
	Name string
	// Invalid is the package's sentinel for a rejected argument.
	Invalid error
	// Rebind rewrites a statement written with ? placeholders; nil keeps it.
	Rebind func(query string) string
	// True is the literal that a true flag column equals in a WHERE clause
	// (SQLite's partial indexes name 1; TRUE and FALSE serve elsewhere).
	True string
	// ReadTx are the options of a read transaction (one snapshot).
	ReadTx *sql.TxOptions
	// LockMembership, if set, runs first in every transaction that changes
	// story membership, so that those run one at a time.
	LockMembership func(ctx context.Context, tx *sql.Tx) error
	// StoryCandidates and ArticleCandidates run a full-text query: the
	// matching stories (articles) with relevance and time, and how many.
	StoryCandidates, ArticleCandidates func(ctx context.Context, tx *Tx, q search.Query) ([]search.Candidate, int, error)
	// RowLocks says SELECT ... FOR UPDATE locks rows: writers run
	// concurrently (SQLite's single writer needs no row locks).
	RowLocks bool
	// JSONTexts is a table of the texts in the JSON array in column col
	// (none if it holds no array), aliased alias, its column value.
	JSONTexts func(col, alias string) string
	// Binary follows a text expression in ORDER BY to sort it by bytes, as
	// the schema's columns sort ("" where all text does).
	Binary string
	// ForeignKeyViolation, if set, tells a foreign key violation, which a
	// concurrent delete can cause between a check and an insert.
	ForeignKeyViolation func(error) bool
	// NoLimit is the LIMIT that means none, for a query with an OFFSET.
	NoLimit string
	// InsertOrder orders the rows of the rejected table as inserted.
	InsertOrder string
	// BriefSummary is an expression of the stories row giving the text of
	// its brief's summary sentences, space-separated ('' without a brief).
	BriefSummary string
}

// Store implements the shared methods of store.Store on two connection
// pools: write, where write transactions begin, and read, for read
// transactions and single reads (the same pool when the database runs
// writers concurrently).
type Store struct {
	d     Dialect
	write *sql.DB
	read  *sql.DB
	now   func() time.Time
	basis store.BriefBasis // story versions read by StoryArticles, for SaveBrief
}

// New returns a Store over the given pools, speaking dialect d. It panics
// if d leaves out a part every dialect must give.
func New(d Dialect, write, read *sql.DB) *Store {
	if d.Name == "" || d.Invalid == nil || d.True == "" || d.NoLimit == "" || d.InsertOrder == "" ||
		d.BriefSummary == "" || d.JSONTexts == nil || d.StoryCandidates == nil || d.ArticleCandidates == nil {
		panic("sqlstore: incomplete dialect " + d.Name)
	}
	return &Store{d: d, write: write, read: read, now: time.Now}
}
