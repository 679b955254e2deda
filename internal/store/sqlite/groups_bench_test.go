package sqlite

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"parallax/internal/store"
)

// BenchmarkBlindspots lists the newest blindspots of a store of 100,000
// stories (500,000 story-outlet rows over 3,000 outlets, 600 of them
// labelled along two dimensions; one story in 50 a blindspot), as
// /blindspots does: its first page of 31.
// The rows are written with SQL directly: only their shape matters.
func BenchmarkBlindspots(b *testing.B) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	seedBlindspots(b, db, 100_000, 5, 3000, 600)
	for b.Loop() {
		bs, err := db.Blindspots(ctx, store.BlindspotQuery{Limit: 31})
		if err != nil || len(bs) == 0 {
			b.Fatalf("Blindspots = %d, %v", len(bs), err)
		}
	}
}

// seedBlindspots writes stories with per outlets each from outlets
// outlets, the first labelled of which are labelled: leaning by parity,
// country in thirds; one story in 50 takes left outlets only.
func seedBlindspots(b *testing.B, db *DB, stories, per, outlets, labelled int) {
	ctx := context.Background()
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback()
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range stories {
		id := fmt.Sprintf("s%06d", i)
		if _, err := tx.ExecContext(ctx, `INSERT INTO stories (id, title, articles, outlets, activity, activity_seq)
			VALUES (?, ?, ?, ?, '', ?)`, id, "Story "+id, per, per, i); err != nil {
			b.Fatal(err)
		}
		seen := map[int]bool{}
		for len(seen) < per {
			o := rng.IntN(outlets)
			if i%50 == 0 {
				o = 2 * rng.IntN(labelled/2) // left only
			}
			seen[o] = true
		}
		for o := range seen {
			if _, err := tx.ExecContext(ctx, `INSERT INTO story_sources (story_id, source, n) VALUES (?, ?, 1)`,
				id, fmt.Sprintf("outlet%d.example", o)); err != nil {
				b.Fatal(err)
			}
		}
	}
	for o := range labelled {
		name := fmt.Sprintf("outlet%d.example", o)
		for _, l := range [][2]string{{"leaning", []string{"left", "right"}[o%2]}, {"country", []string{"A", "B", "C"}[o%3]}} {
			if _, err := tx.ExecContext(ctx, `INSERT INTO outlet_groups (dimension, outlet, value) VALUES (?, ?, ?)`,
				l[0], name, l[1]); err != nil {
				b.Fatal(err)
			}
		}
	}
	if _, err := tx.ExecContext(ctx, `ANALYZE`); err != nil {
		b.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
}
