// Package warc_test SIGKILLs parallax while it reads a WARC archive and
// checks that a restart stores every page once, in the same stories.
package warc_test

import (
	"context"
	"os/exec"
	"parallax/internal/clitest"
	"parallax/internal/shared"
	"parallax/internal/store/sqlite"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestWARCCrashResume SIGKILLs `parallax ingest` while it reads a WARC,
// runs it again, and finds every article stored exactly once, each with its
// provenance, and the same stories as an uninterrupted run.
func TestWARCCrashResume(t *testing.T) {
	t.Parallel() // a subprocess test: runs beside the other heavy ones
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL")
	}
	recs := clitest.ReadDevRecords(t, shared.TestData(t, "cluster", "dev.jsonl"))
	recs = recs[:min(len(recs), 800)] // enough for two kills; TestStreamStored clusters whole files
	bin := clitest.Binary(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "dev.warc.gz")
	clitest.WriteDevWARC(t, recs, in, 1)

	clean := filepath.Join(dir, "clean.db")
	if out, err := exec.Command(bin, "ingest", "--db", clean, in).CombinedOutput(); clitest.IngestErr(err, out) != nil {
		t.Fatalf("clean ingest: %v\n%s", err, out)
	}
	want := clitest.Assignments(t, clean)

	crashed := filepath.Join(dir, "crashed.db")
	clitest.KillAndResume(t, bin, crashed, in, []int{len(want) / 3, len(want) * 2 / 3})
	got := clitest.Assignments(t, crashed)
	if len(got) != len(want) {
		t.Fatalf("resumed store has %d articles, clean run %d", len(got), len(want))
	}
	for id := range want {
		if _, ok := got[id]; !ok {
			t.Errorf("article %s lost after the crash", id)
		}
	}
	if clitest.Partition(want) != clitest.Partition(got) {
		t.Errorf("story partition differs from the clean run after a crash")
	}
	st, err := sqlite.Open(context.Background(), crashed)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for id := range got {
		if pr, err := st.Provenance(context.Background(), id); err != nil || !strings.Contains(pr.Origin, "dev.warc.gz#record") {
			t.Errorf("article %s: provenance %v, %v", id, pr, err)
		}
	}
	cs, rs := clitest.Stats(t, bin, clean), clitest.Stats(t, bin, crashed)
	if cs.Articles != rs.Articles || cs.Stories != rs.Stories {
		t.Errorf("stats differ: clean %+v, resumed %+v", cs, rs)
	}
	t.Logf("after the kills: %d articles, %d stories, as the clean run", rs.Articles, rs.Stories)
}
