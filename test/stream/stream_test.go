// Package stream_test runs whole development streams through the stored
// pipeline: the stored partition is the cluster command's.
package stream_test

import (
	"os/exec"
	"parallax/internal/clitest"
	"parallax/internal/shared"
	"path/filepath"
	"testing"
)

// TestStreamStored: the stored pipeline's partition of dev-stream.jsonl
// (both development files as one stream) is `parallax cluster`'s: every
// stored article is in the story the command puts it in.
func TestStreamStored(t *testing.T) {
	t.Parallel() // a subprocess test: runs beside the other heavy ones
	in := shared.TestData(t, "cluster", "dev-stream.jsonl")
	bin := clitest.Binary(t)
	db := filepath.Join(t.TempDir(), "stream.db")
	if out, err := exec.Command(bin, "ingest", "--db", db, in).CombinedOutput(); clitest.IngestErr(err, out) != nil {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
	stored := clitest.Assignments(t, db)
	if len(stored) < 4800 {
		t.Fatalf("store holds %d articles of dev-stream.jsonl's 4,962", len(stored))
	}
	clitest.ClusterAgrees(t, bin, in, stored)
}
