package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"parallax/internal/model"
	"parallax/internal/store"
	"parallax/internal/store/storetest"
)

func openTest(t *testing.T) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "parallax.db"))
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return openTest(t) })
}

func TestReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dir with space?#%", "p.db")
	if _, err := Open(ctx, path); err == nil {
		t.Fatal("Open in a missing directory succeeded")
	}
	path = filepath.Join(t.TempDir(), "name with space?#%.db")
	db, err := Open(ctx, path)
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
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil { // the name is used as given, not as a URI
		t.Fatal(err)
	}
	for range 2 { // reopening twice: migrations are idempotent
		db, err = Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		v, err := db.schemaVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		ms, _ := migrations()
		if v != len(ms) {
			t.Errorf("schema version = %d, want %d", v, len(ms))
		}
		st, b, refs, err := db.Story(ctx, "s1")
		if err != nil {
			t.Fatal(err)
		}
		if st.Title != "Kept" || b == nil || b.Title != "Kept" || len(refs) != 1 || refs[0].ID != "a1" {
			t.Errorf("after reopen: story %+v, brief %+v, refs %+v", st, b, refs)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

func TestMigrations(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) == 0 {
		t.Fatal("no migrations embedded")
	}
	db := openTest(t)
	defer db.Close()
	ctx := context.Background()
	if err := migrate(ctx, db.write); err != nil {
		t.Fatalf("second migrate: %v", err)
	}
	if _, err := db.write.ExecContext(ctx, `INSERT INTO schema_version (version, applied) VALUES (?, '')`, len(ms)+1); err != nil {
		t.Fatal(err)
	}
	if err := migrate(ctx, db.write); !errors.Is(err, ErrSchemaTooNew) {
		t.Errorf("migrate on a newer schema: err = %v, want ErrSchemaTooNew", err)
	}
}

// TestUpgrade opens a database left at schema version 1 with data in it.
func TestUpgrade(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	raw, err := sql.Open("sqlite", dsn(path, "_txlock=immediate"))
	if err != nil {
		t.Fatal(err)
	}
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	if err := applyMigration(ctx, raw, ms[0], len(ms)); err != nil {
		t.Fatal(err)
	}
	if _, err := raw.ExecContext(ctx, `INSERT INTO stories (id, title, activity) VALUES ('s1', 'Old', '')`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v, err := db.schemaVersion(ctx); err != nil || v != len(ms) {
		t.Errorf("schema version = %d, %v; want %d", v, err, len(ms))
	}
	if st, _, _, err := db.Story(ctx, "s1"); err != nil || st.Title != "Old" {
		t.Errorf("old story after upgrade: %+v, %v", st, err)
	}
}

func TestRecordDuplicateUnknownArticle(t *testing.T) {
	db := openTest(t)
	defer db.Close()
	if err := db.RecordDuplicate(context.Background(), "x.html", "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("err = %v, want ErrNotFound", err)
	}
}

func TestInvalid(t *testing.T) {
	db := openTest(t)
	defer db.Close()
	ctx := context.Background()
	if _, _, err := db.AddArticle(ctx, &model.Article{Text: "no id"}); !errors.Is(err, ErrInvalid) {
		t.Errorf("AddArticle without id: err = %v", err)
	}
	if err := db.Assign(ctx, "a1", model.Placement{}, nil); !errors.Is(err, ErrInvalid) {
		t.Errorf("Assign to empty story: err = %v", err)
	}
}

func TestOutOfRangeDate(t *testing.T) {
	db := openTest(t)
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

// TestReadWhileWriting reads from the read pool while the writer commits.
func TestReadWhileWriting(t *testing.T) {
	db := openTest(t)
	defer db.Close()
	ctx := context.Background()
	const n = 50
	var wg sync.WaitGroup
	written := make(chan struct{})
	wg.Go(func() {
		defer close(written)
		for i := range n {
			id := fmt.Sprint(i)
			if _, _, err := db.AddArticle(ctx, &model.Article{ID: id, Text: id}); err != nil {
				t.Error(err)
			}
			if err := db.Assign(ctx, id, model.Placement{StoryID: "s" + fmt.Sprint(i%5)}, nil); err != nil {
				t.Error(err)
			}
		}
	})
	last := 0
	for reading := true; reading; {
		select {
		case <-written:
			reading = false
		default:
		}
		st, err := db.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Articles < last {
			t.Fatalf("article count went back from %d to %d", last, st.Articles)
		}
		last = st.Articles
	}
	wg.Wait()
	ss, err := db.Stories(ctx, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, s := range ss {
		total += s.Articles
	}
	if len(ss) != 5 || total != n {
		t.Errorf("%d stories with %d articles, want 5 with %d", len(ss), total, n)
	}
}
