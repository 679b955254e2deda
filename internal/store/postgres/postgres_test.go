package postgres

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"parallax/internal/model"
	"parallax/internal/store"
	"parallax/internal/store/postgres/pgtest"
	"parallax/internal/store/storetest"
)

// openTest opens a store on a new empty database of srv, closed when the
// test ends.
func openTest(t *testing.T, srv *pgtest.Server) *DB {
	t.Helper()
	db, err := Open(context.Background(), srv.NewDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func TestStore(t *testing.T) {
	srv := pgtest.Start(t)
	storetest.Run(t, func(t *testing.T) store.Store { return openTest(t, srv) })
}

// TestPostgres runs the tests of this implementation itself on one server.
func TestPostgres(t *testing.T) {
	srv := pgtest.Start(t)
	for _, tt := range []struct {
		name string
		fn   func(t *testing.T, srv *pgtest.Server)
	}{
		{"Reopen", testReopen},
		{"Migrations", testMigrations},
		{"ConcurrentOpen", testConcurrentOpen},
		{"Invalid", testInvalid},
		{"OutOfRangeDate", testOutOfRangeDate},
		{"ConcurrentAssign", testConcurrentAssign},
		{"BadURL", testBadURL},
		{"Feeds", testFeeds},
		{"BrowseMigration", testBrowseMigration},
	} {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, srv) })
	}
}

func testReopen(t *testing.T, srv *pgtest.Server) {
	ctx := context.Background()
	url := srv.NewDatabase(t)
	db, err := Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	a := &model.Article{ID: "a1", Source: "one.com", Text: "text", Published: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}
	if _, _, err := db.AddArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := db.Assign(ctx, "a1", model.Placement{StoryID: "s1", EventID: "e1"}, nil); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveBrief(ctx, "s1", &model.Brief{Title: "Kept"}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	for range 2 { // reopening twice: migrations are idempotent
		db, err = Open(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		ms, _ := migrations()
		if v, err := db.schemaVersion(ctx); err != nil || v != len(ms) {
			t.Errorf("schema version = %d, %v; want %d", v, err, len(ms))
		}
		st, b, refs, err := db.Story(ctx, "s1")
		if err != nil {
			t.Fatal(err)
		}
		if st.Title != "Kept" || b == nil || b.Title != "Kept" || len(refs) != 1 || refs[0].ID != "a1" {
			t.Errorf("after reopen: story %+v, brief %+v, refs %+v", st, b, refs)
		}
		db.Close()
	}
}

func testMigrations(t *testing.T, srv *pgtest.Server) {
	ms, err := migrations()
	if err != nil || len(ms) == 0 {
		t.Fatalf("migrations: %d, %v", len(ms), err)
	}
	db := openTest(t, srv)
	defer db.Close()
	ctx := context.Background()
	if err := migrate(ctx, db.pool); err != nil {
		t.Fatalf("second migrate: %v", err)
	}
	if _, err := db.pool.Exec(ctx, `INSERT INTO schema_version (version, applied) VALUES ($1, '')`, len(ms)+1); err != nil {
		t.Fatal(err)
	}
	if err := migrate(ctx, db.pool); !errors.Is(err, ErrSchemaTooNew) {
		t.Errorf("migrate on a newer schema: err = %v, want ErrSchemaTooNew", err)
	}
}

// testConcurrentOpen opens one new database from several processes' worth
// of pools at once: the migration lock lets exactly one create the schema.
func testConcurrentOpen(t *testing.T, srv *pgtest.Server) {
	url := srv.NewDatabase(t)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			db, err := Open(context.Background(), url)
			if err != nil {
				t.Error(err)
				return
			}
			db.Close()
		})
	}
	wg.Wait()
}

func testInvalid(t *testing.T, srv *pgtest.Server) {
	db := openTest(t, srv)
	defer db.Close()
	ctx := context.Background()
	if _, _, err := db.AddArticle(ctx, &model.Article{Text: "no id"}); !errors.Is(err, ErrInvalid) {
		t.Errorf("AddArticle without id: err = %v", err)
	}
	if err := db.Assign(ctx, "a1", model.Placement{}, nil); !errors.Is(err, ErrInvalid) {
		t.Errorf("Assign to empty story: err = %v", err)
	}
	if _, err := db.MergeStory(ctx, "s1", "s1"); !errors.Is(err, ErrInvalid) {
		t.Errorf("MergeStory into itself: err = %v", err)
	}
	if err := db.UpdateArticle(ctx, &model.Article{ID: "nope"}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("UpdateArticle of a missing article: err = %v", err)
	}
}

func testOutOfRangeDate(t *testing.T, srv *pgtest.Server) {
	db := openTest(t, srv)
	defer db.Close()
	ctx := context.Background()
	a := &model.Article{ID: "a1", Text: "t", Published: time.Date(20245, 1, 1, 0, 0, 0, 0, time.UTC)}
	if _, _, err := db.AddArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	got, err := db.Article(ctx, "a1")
	if err != nil {
		t.Fatal(err)
	}
	if !got.Published.IsZero() {
		t.Errorf("Published = %v, want unknown", got.Published)
	}
}

// testConcurrentAssign assigns from many goroutines (many connections):
// the membership lock keeps aggregates exact and sequence numbers unique.
func testConcurrentAssign(t *testing.T, srv *pgtest.Server) {
	db := openTest(t, srv)
	defer db.Close()
	ctx := context.Background()
	const n, stories = 60, 4
	for i := range n {
		id := "a" + string(rune('A'+i/26)) + string(rune('a'+i%26))
		if _, _, err := db.AddArticle(ctx, &model.Article{ID: id, Text: id, Source: id}); err != nil {
			t.Fatal(err)
		}
	}
	ids, err := db.ArticleIDs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i, id := range ids {
		wg.Go(func() {
			if err := db.Assign(ctx, id, model.Placement{StoryID: "s" + string(rune('0'+i%stories))}, nil); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	ss, err := db.Stories(ctx, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, s := range ss {
		total += s.Articles
		if s.Articles != n/stories || s.Outlets != n/stories {
			t.Errorf("story %s: %d articles, %d outlets; want %d", s.ID, s.Articles, s.Outlets, n/stories)
		}
	}
	if len(ss) != stories || total != n {
		t.Errorf("%d stories with %d articles, want %d with %d", len(ss), total, stories, n)
	}
	arts, last, err := db.AssignedSince(ctx, 0)
	if err != nil || len(arts) != n || last != n {
		t.Errorf("AssignedSince(0): %d articles, last %d, %v; want %d, %d", len(arts), last, err, n, n)
	}
}

func testBadURL(t *testing.T, srv *pgtest.Server) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := Open(ctx, "postgres://postgres@127.0.0.1:1/none?sslmode=disable&connect_timeout=5"); err == nil {
		t.Error("Open of an unreachable server succeeded")
	}
	if _, err := Open(ctx, "postgres://%zz"); err == nil {
		t.Error("Open of a malformed URL succeeded")
	}
}
