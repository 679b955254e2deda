package sqlite

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"parallax/internal/model"
	"parallax/internal/store"
	"parallax/internal/store/storetest"
)

// undoBrowse takes a database back to before migration 0014: its
// tables, views, triggers and indexes dropped, and those of the later
// migrations (0015 outlet groups, 0016 outlet ports: data only, 0017
// inferred dates), their version rows deleted, so that reopening runs
// them all again.
func undoBrowse(t *testing.T, db *DB) {
	t.Helper()
	for _, stmt := range []string{
		`DROP TRIGGER browse_insert`, `DROP TRIGGER browse_update`, `DROP TRIGGER browse_delete`,
		`DROP VIEW entity_stories_doc`, `DROP VIEW outlet_framing_doc`,
		`DROP TABLE entity_stories`, `DROP TABLE outlet_framing`,
		`DROP INDEX story_sources_source`, `DROP INDEX stories_by_outlets`, `DROP INDEX stories_by_articles`,
		`DROP INDEX stories_by_published`,
		`DROP TABLE outlet_groups`, `DROP TABLE outlet_groups_version`,
		`ALTER TABLE articles DROP COLUMN published_inferred`, `ALTER TABLE articles DROP COLUMN queue_seq`,
		`DELETE FROM schema_version WHERE version >= 14`,
	} {
		if _, err := db.write.ExecContext(context.Background(), stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
}

// TestBrowseMigrationFillsTables stores a story with a brief, takes the
// database back to before migration 0014 and reopens it: the migration
// must read the briefs already saved.
func TestBrowseMigrationFillsTables(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "p.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	storetest.AddFloodStory(t, db)
	brief := &model.Brief{Title: "Valley flood",
		Entities:     []model.Entity{{Name: "Maria Lopez", Type: "PERSON", Aliases: []string{"Lopez"}}},
		SingleSource: []model.Claim{{Text: "x", Source: "a2"}},
		Framing: []model.OutletFraming{{Source: "two.com", Articles: []string{"a2"}, Attributed: 3, Unattributed: 1,
			Loaded: []string{"chaos"}}}}
	if err := db.SaveBrief(ctx, "s1", brief); err != nil {
		t.Fatal(err)
	}
	undoBrowse(t, db)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if db, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	e, err := db.Entity(ctx, "PERSON", "Lopez")
	want := model.EntityProfile{Type: "PERSON", Name: "Lopez", Stories: 1, Aliases: []model.NameCount{{Name: "Maria Lopez", Stories: 1}}}
	if err != nil || !reflect.DeepEqual(e, want) {
		t.Errorf("Entity = %+v, %v; want %+v", e, err, want)
	}
	o, err := db.Outlet(ctx, "two.com")
	if err != nil || o.Briefed != 1 || o.Claims != 1 || o.AllClaims != 1 || o.Attributed != 3 || len(o.Loaded) != 1 {
		t.Errorf("Outlet = %+v, %v", o, err)
	}
	l, err := db.ListStories(ctx, store.StoryFilter{Entity: "Maria Lopez", Sort: store.SortOutlets}, 10, 0)
	if err != nil || l.Total != 1 || len(l.Stories) != 1 || l.Stories[0].ID != "s1" {
		t.Errorf("ListStories = %+v, %v", l, err)
	}
}
