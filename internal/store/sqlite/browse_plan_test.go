package sqlite

import (
	"context"
	"strings"
	"testing"
	"time"

	"parallax/internal/store"
	"parallax/internal/store/sqlstore"
)

// queryPlan returns the EXPLAIN QUERY PLAN lines of a query.
func queryPlan(t *testing.T, db *DB, query string, args ...any) []string {
	t.Helper()
	rows, err := db.read.QueryContext(context.Background(), `EXPLAIN QUERY PLAN `+query, args...)
	if err != nil {
		t.Fatalf("explain %s: %v", query, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		out = append(out, detail)
	}
	return out
}

// TestBrowsePlans checks that the story list, entity and outlet queries
// read indexes only: no step reads the articles, and none scans a table
// without an index (a scan of an index in the list's order is the point
// of the sort indexes).
func TestBrowsePlans(t *testing.T) {
	db := openTest(t)
	day := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	filters := map[string]store.StoryFilter{
		"Activity": {}, "Outlets": {Sort: store.SortOutlets}, "Articles": {Sort: store.SortArticles},
		"Published": {Sort: store.SortPublished}, "Outlet": {Outlet: "x"},
		"Entity": {Entity: "x", EntityType: "PERSON", Sort: store.SortPublished}, "EntityAnyType": {Entity: "x"},
		"Dates": {After: day, Before: day.AddDate(0, 1, 0)}, "MinArticles": {MinArticles: 3, Sort: store.SortArticles},
		"Everything": {Outlet: "x", Entity: "y", After: day, MinOutlets: 2, Sort: store.SortOutlets},
	}
	sortIndex := map[store.StorySort]string{store.SortOutlets: "stories_by_outlets", store.SortArticles: "stories_by_articles",
		store.SortPublished: "stories_by_published"}
	for name, f := range filters {
		t.Run(name, func(t *testing.T) {
			where, order, args, err := store.StoryListSQL(f, func(int) string { return "?" }, sqlstore.FormatTime)
			if err != nil {
				t.Fatal(err)
			}
			list := queryPlan(t, db, `SELECT s.id FROM stories s WHERE `+where+` ORDER BY `+order+` LIMIT 50`, args...)
			count := queryPlan(t, db, `SELECT COUNT(*) FROM stories s WHERE `+where, args...)
			checkPlan(t, append(list, count...))
			if idx := sortIndex[f.Sort]; idx != "" && where == "TRUE" && !strings.Contains(list[0], idx) {
				t.Errorf("sort %s does not read %s: %q", f.Sort, idx, list)
			}
		})
	}
	for _, q := range []string{
		`SELECT COUNT(*) FROM entity_stories WHERE type = ? AND name = ?`,
		store.EntityAliasesSQL("?", "?"),
	} {
		plan := queryPlan(t, db, q, "PERSON", "x")
		checkPlan(t, plan)
		if !strings.HasPrefix(plan[0], "SEARCH e USING") && !strings.HasPrefix(plan[0], "SEARCH entity_stories USING PRIMARY KEY (type=? AND name=?)") {
			t.Errorf("entity query does not start from the entity's rows: %q", plan)
		}
	}
	checkPlan(t, queryPlan(t, db, `SELECT COUNT(*), SUM(claims) FROM outlet_framing WHERE source = ?`, "x"))
	checkPlan(t, queryPlan(t, db, `SELECT COUNT(*), SUM(n) FROM story_sources WHERE source = ?`, "x"))
}

func checkPlan(t *testing.T, plan []string) {
	t.Helper()
	for _, step := range plan {
		if f := strings.Fields(step); len(f) > 1 && (f[0] == "SCAN" || f[0] == "SEARCH") && (f[1] == "articles" || f[1] == "placements") {
			t.Errorf("plan reads the articles: %q", plan)
		}
		if strings.HasPrefix(step, "SCAN ") && !strings.Contains(step, "INDEX") && !strings.Contains(step, "VIRTUAL TABLE") {
			t.Errorf("plan scans a table: %q", plan)
		}
	}
}
