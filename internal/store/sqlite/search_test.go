package sqlite

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"parallax/internal/model"
	"parallax/internal/search"
)

// TestSearchMigrationFillsIndex stores articles and a brief, takes the
// database back to before migration 0011 (and 0014; its tables, view and triggers
// dropped, its version row deleted) and reopens it: the migration must
// index what was already stored.
func TestSearchMigrationFillsIndex(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "p.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, a := range []*model.Article{
		{ID: "a1", Source: "one.com", Title: "Flood in the valley", Text: "The river burst its banks.", Published: day},
		{ID: "a2", Source: "two.com", Title: "Election results", Text: "The mayor won again.", Published: day},
	} {
		if _, _, err := db.AddArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Assign(ctx, "a1", model.Placement{StoryID: "s1", EventID: "e1"}, nil); err != nil {
		t.Fatal(err)
	}
	brief := &model.Brief{Title: "Valley flood", Entities: []model.Entity{{Name: "Maria Lopez", Type: search.Person}}}
	if err := db.SaveBrief(ctx, "s1", brief); err != nil {
		t.Fatal(err)
	}
	undoBrowse(t, db) // 0014 follows 0011 (and 0012, 0013)
	for _, stmt := range []string{
		`DROP TRIGGER articles_fts_insert`, `DROP TRIGGER articles_fts_delete`, `DROP TRIGGER articles_fts_update`,
		`DROP TRIGGER stories_fts_insert`, `DROP TRIGGER stories_fts_delete`, `DROP TRIGGER stories_fts_update`,
		`DROP VIEW stories_fts_doc`, `DROP INDEX articles_search_meta`, `DROP INDEX stories_search_meta`, `DROP TABLE articles_fts`, `DROP TABLE stories_fts`, `DROP TABLE story_search`,
		`DROP TABLE sessions`, `DROP TABLE api_keys`, `DROP TABLE deliveries`, `DROP TABLE follow_entries`, `DROP TABLE follows`, // later migrations, rerun too
		`DELETE FROM schema_version WHERE version >= 11`,
	} {
		if _, err := db.write.ExecContext(ctx, stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
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
	for query, want := range map[string][]string{
		"river":            {"a1"},
		"mayor":            {"a2"},
		"valley":           {"a1", "s1"},
		`person:"lopez"`:   {"s1"},
		"flood -river":     {"s1"},
		"election -mayor2": {"a2"},
	} {
		q, err := search.Parse(query)
		if err != nil {
			t.Fatal(err)
		}
		res, err := db.Search(ctx, q, 10, 0)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.ID)
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("after migration, Search(%q) = %v, want %v", query, got, want)
		}
	}
}
