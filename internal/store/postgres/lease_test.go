package postgres

import (
	"context"
	"testing"
	"time"

	"parallax/internal/model"
	"parallax/internal/store/postgres/pgtest"
)

// TestLease: one holder of a role at a time across two stores (two
// processes); when the holder's session ends another takes the role; a
// lost connection closes Lost.
func TestLease(t *testing.T) {
	srv := pgtest.Start(t)
	dsn := srv.NewDatabase(t)
	ctx := context.Background()
	open := func() *DB {
		db, err := Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	a, b := open(), open()
	la, ok, err := a.TryLead(ctx, "clusterer")
	if err != nil || !ok {
		t.Fatalf("first TryLead = %v, %v", ok, err)
	}
	if _, ok, err := b.TryLead(ctx, "clusterer"); err != nil || ok {
		t.Fatalf("second TryLead while held = %v, %v; want refused", ok, err)
	}
	lo, ok, err := b.TryLead(ctx, "other-role")
	if err != nil || !ok {
		t.Fatalf("TryLead of another role = %v, %v", ok, err)
	}
	lo.Release()
	// The holder's connection dies (as with its process): the watcher
	// notices, and another process takes the role.
	la.(*lease).conn.Close(ctx)
	select {
	case <-la.Lost():
	case <-time.After(10 * keepAlive):
		t.Fatal("Lost not closed after the connection died")
	}
	lb, ok, err := b.TryLead(ctx, "clusterer")
	if err != nil || !ok {
		t.Fatalf("TryLead after the holder died = %v, %v", ok, err)
	}
	if err := lb.Release(); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := a.TryLead(ctx, "clusterer"); !ok {
		t.Error("role not free after Release")
	}
}

// TestClaimBrief: a stale story's brief is claimed by one store at a time,
// not at all once written or when the story is gone.
func TestClaimBrief(t *testing.T) {
	srv := pgtest.Start(t)
	dsn := srv.NewDatabase(t)
	ctx := context.Background()
	a, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	art := &model.Article{ID: "a1", Source: "x.example", Title: "T", Text: "Some text here.", ContentHash: "h1", Published: time.Date(2024, 3, 10, 0, 0, 0, 0, time.UTC)}
	if _, _, err := a.AddArticle(ctx, art); err != nil {
		t.Fatal(err)
	}
	if err := a.Assign(ctx, "a1", model.Placement{StoryID: "s1", EventID: "e1"}, nil); err != nil {
		t.Fatal(err)
	}
	release, ok, err := a.ClaimBrief(ctx, "s1")
	if err != nil || !ok {
		t.Fatalf("ClaimBrief = %v, %v", ok, err)
	}
	if _, ok, err := b.ClaimBrief(ctx, "s1"); err != nil || ok {
		t.Fatalf("second claim while held = %v, %v; want refused", ok, err)
	}
	if _, err := a.StoryArticles(ctx, "s1"); err != nil {
		t.Fatal(err)
	}
	if err := a.SaveBrief(ctx, "s1", &model.Brief{Title: "T"}); err != nil {
		t.Fatal(err)
	}
	release()
	if _, ok, err := b.ClaimBrief(ctx, "s1"); err != nil || ok {
		t.Errorf("claim after the brief was written = %v, %v; want refused (not stale)", ok, err)
	}
	if _, ok, err := b.ClaimBrief(ctx, "gone"); err != nil || ok {
		t.Errorf("claim of a missing story = %v, %v; want refused", ok, err)
	}
}
