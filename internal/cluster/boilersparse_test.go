package cluster

import (
	"bytes"
	"fmt"
	"testing"
)

// TestBoilerSparse feeds the same lines to a boiler that starts sparse
// and to one that holds the full table from the start: every count
// agrees, through a decay while sparse and through the move to the full
// table, and the tables end equal byte for byte.
func TestBoilerSparse(t *testing.T) {
	var sparse, full boiler
	full.counts = make([]uint8, 1<<boilerBits)
	sparse.added, full.added = boilerDecay-5000, boilerDecay-5000 // decay early
	moved := false
	for i := range 300_000 {
		// New lines, and lines repeated often enough to reach 255.
		line := fmt.Sprintf("line %d", i)
		switch {
		case i%8 == 1:
			line = fmt.Sprintf("line %d", i%97)
		case i%4 == 3:
			line = "Subscribe now"
		}
		if a, b := sparse.seen("p", line), full.seen("p", line); a != b {
			t.Fatalf("line %d %q: sparse count %d, full %d", i, line, a, b)
		}
		if !moved && sparse.counts != nil {
			moved = true
			t.Logf("moved to the full table at line %d", i)
		}
	}
	if !moved {
		t.Fatalf("the sparse table never moved (%d counters)", sparse.sparse.n)
	}
	if !bytes.Equal(sparse.table(), full.counts) {
		t.Fatal("tables differ")
	}
}

// TestBoilerSnapshotTable checks that a sparse boiler gives the full
// table for a snapshot, and none before any line.
func TestBoilerSnapshotTable(t *testing.T) {
	var b boiler
	if b.table() != nil {
		t.Fatal("table before any line")
	}
	b.seen("p", "Subscribe now")
	b.seen("p", "Subscribe now")
	tab := b.table()
	if len(tab) != 1<<boilerBits {
		t.Fatalf("table of %d counters", len(tab))
	}
	if n := b.seen("p", "Subscribe now"); n != 2 {
		t.Fatalf("count after the move %d, want 2", n)
	}
}
