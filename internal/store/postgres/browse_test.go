package postgres

import (
	"context"
	"testing"

	"parallax/internal/model"
	"parallax/internal/store/postgres/pgtest"
	"parallax/internal/store/storetest"
)

// testBrowseMigration stores a story with a brief, takes the database
// back to before migration 0010 and reopens it: the migration must read
// the briefs already saved.
func testBrowseMigration(t *testing.T, srv *pgtest.Server) {
	ctx := context.Background()
	url := srv.NewDatabase(t)
	db, err := Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	storetest.AddFloodStory(t, db)
	brief := &model.Brief{Title: "Valley flood",
		Entities:     []model.Entity{{Name: "Maria Lopez", Type: "PERSON", Aliases: []string{"Lopez"}}},
		SingleSource: []model.Claim{{Text: "x", Source: "a2"}},
		Framing:      []model.OutletFraming{{Source: "two.com", Articles: []string{"a2"}, Attributed: 3, Loaded: []string{"chaos"}}}}
	if err := db.SaveBrief(ctx, "s1", brief); err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{
		`DROP TRIGGER stories_browse ON stories`, `DROP FUNCTION parallax_story_browse_trigger()`,
		`DROP FUNCTION parallax_story_browse(TEXT, JSONB)`, `DROP TABLE entity_stories`, `DROP TABLE outlet_framing`,
		`DROP INDEX story_sources_source`, `DROP INDEX stories_by_outlets`, `DROP INDEX stories_by_articles`,
		`DROP INDEX stories_by_published`,
		// and the later migrations, rerun too (0012 outlet ports is data only)
		`DROP TABLE outlet_groups`, `DROP TABLE outlet_groups_version`, `ALTER TABLE articles DROP COLUMN published_inferred`, `ALTER TABLE articles DROP COLUMN queue_seq`,
		`DELETE FROM schema_version WHERE version >= 10`,
	} {
		if _, err := db.pool.Exec(ctx, stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	db.Close()
	if db, err = Open(ctx, url); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	e, err := db.Entity(ctx, "PERSON", "Lopez")
	if err != nil || e.Stories != 1 || len(e.Aliases) != 1 || e.Aliases[0].Name != "Maria Lopez" {
		t.Errorf("Entity = %+v, %v", e, err)
	}
	o, err := db.Outlet(ctx, "two.com")
	if err != nil || o.Briefed != 1 || o.Claims != 1 || o.AllClaims != 1 || o.Attributed != 3 || len(o.Loaded) != 1 {
		t.Errorf("Outlet = %+v, %v", o, err)
	}
}
