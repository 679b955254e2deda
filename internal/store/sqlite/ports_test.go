package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"parallax/internal/store/storetest"
)

// TestOutletPortsMigration stores sources with ports, takes the database
// back to before migration 0016 and reopens it: the migration renames
// them and merges the story's outlets.
func TestOutletPortsMigration(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "p.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	storetest.SeedPorted(t, db)
	for _, stmt := range []string{
		`ALTER TABLE articles DROP COLUMN published_inferred`, `ALTER TABLE articles DROP COLUMN queue_seq`, // 0017 and 0018, rerun too
		`DELETE FROM schema_version WHERE version >= 16`,
	} {
		if _, err := db.write.ExecContext(ctx, stmt); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	storetest.CheckPorted(t, db)
}
