package sqlite

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"parallax/internal/store"
)

// browseBenchStories is the size of the synthetic store of
// BenchmarkListStories: about the stories of 100,000 articles.
const browseBenchStories = 30000

// seedBrowseBench writes n stories straight into the tables the story
// list reads (what Assign and SaveBrief keep), in SQL: story i has
// 1+i%7 articles from 1+i%4 of 300 outlets, a publication date i hours
// after 2020-01-01, and names 4 of 5,000 people.
func seedBrowseBench(b *testing.B, db *DB, n int) {
	ctx := context.Background()
	for _, q := range []string{
		`WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i + 1 < ?)
		INSERT INTO stories (id, title, articles, outlets, first_time, last_time, activity, activity_seq, stale)
		SELECT printf('s%06d', i), printf('Story %d', i), 1 + i % 7, 1 + i % 4,
			strftime('%Y-%m-%dT%H:%M:%S.000000000Z', '2020-01-01', '+' || i || ' hours'),
			strftime('%Y-%m-%dT%H:%M:%S.000000000Z', '2020-01-01', '+' || i || ' hours'), '', i, 0 FROM seq`,
		`WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i + 1 < ?), k(j) AS (VALUES (0), (1), (2), (3))
		INSERT OR IGNORE INTO story_sources (story_id, source, n)
		SELECT printf('s%06d', i), printf('outlet%03d.example', (i + j * 37) % 300), 1 FROM seq, k WHERE j <= i % 4`,
		`WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i + 1 < ?), k(j) AS (VALUES (0), (1), (2), (3))
		INSERT OR IGNORE INTO entity_stories (type, name, story_id, entity)
		SELECT 'PERSON', printf('Person %04d', (i * 7 + j * 1013) % 5000), printf('s%06d', i),
			printf('Person %04d', (i * 7 + j * 1013) % 5000) FROM seq, k`,
	} {
		if _, err := db.write.ExecContext(ctx, q, n); err != nil {
			b.Fatalf("seed: %v", err)
		}
	}
}

// BenchmarkListStories measures one page (50) of the story list with its
// total, for each sort and filter, over 30,000 stories.
func BenchmarkListStories(b *testing.B) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	seedBrowseBench(b, db, browseBenchStories)
	after := time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, bc := range []struct {
		name string
		f    store.StoryFilter
	}{
		{"Activity", store.StoryFilter{}},
		{"Outlets", store.StoryFilter{Sort: store.SortOutlets}},
		{"Articles", store.StoryFilter{Sort: store.SortArticles}},
		{"Published", store.StoryFilter{Sort: store.SortPublished}},
		{"Outlet", store.StoryFilter{Outlet: "outlet042.example"}},
		{"Person", store.StoryFilter{Entity: "Person 0042", EntityType: "PERSON", Sort: store.SortPublished}},
		{"After", store.StoryFilter{After: after}},
		{"MinArticles", store.StoryFilter{MinArticles: 6, Sort: store.SortOutlets}},
		{"Combined", store.StoryFilter{Outlet: "outlet042.example", MinOutlets: 2, After: after, Sort: store.SortArticles}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				l, err := db.ListStories(ctx, bc.f, 50, 100)
				if err != nil || l.Total == 0 {
					b.Fatalf("ListStories: %d, %v", l.Total, err)
				}
			}
		})
	}
}
