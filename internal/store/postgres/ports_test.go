package postgres

import (
	"context"
	"testing"

	"parallax/internal/store/postgres/pgtest"
	"parallax/internal/store/storetest"
)

// TestOutletPortsMigration stores sources with ports, takes the database
// back to before migration 0011 and reopens it: the migration renames
// them and merges the story's outlets.
func TestOutletPortsMigration(t *testing.T) {
	ctx := context.Background()
	srv := pgtest.Start(t)
	url := srv.NewDatabase(t)
	db, err := Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	storetest.SeedPorted(t, db)
	for _, stmt := range []string{
		`ALTER TABLE articles DROP COLUMN published_inferred`, `ALTER TABLE articles DROP COLUMN queue_seq`, // 0013 and 0014, rerun too
		`DELETE FROM schema_version WHERE version >= 12`,
	} {
		if _, err := db.pool.Exec(ctx, stmt); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	db, err = Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	storetest.CheckPorted(t, db)
}
