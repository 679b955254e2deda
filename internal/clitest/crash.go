package clitest

import (
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// ClusterAgrees: `parallax cluster` (no database) puts every
// article in the same story as the stored pipeline did.
func ClusterAgrees(t testing.TB, bin, in string, stored map[string]string) {
	t.Helper()
	out, err := exec.Command(bin, "cluster", "--in", in).Output()
	if err != nil {
		t.Fatalf("cluster: %v", err)
	}
	got := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		var x struct{ ID, Story string }
		if err := json.Unmarshal([]byte(line), &x); err != nil {
			t.Fatalf("cluster output %q: %v", line, err)
		}
		got[x.ID] = x.Story
	}
	differ := 0
	for id, s := range stored {
		if got[id] != s {
			differ++
		}
	}
	if differ > 0 {
		t.Errorf("cluster command and stored pipeline disagree on %d of %d articles (%d vs %d placed)", differ, len(stored), len(got), len(stored))
	}
}

// KillAndResume runs `parallax ingest --db db in` once per threshold,
// SIGKILLing it as soon as the store holds that many articles, then runs it
// to the end. It fails the test if no run could be killed.
func KillAndResume(t testing.TB, bin, db, in string, thresholds []int) {
	t.Helper()
	killed := 0
	for _, at := range thresholds {
		cmd := exec.Command(bin, "ingest", "--db", db, in)
		if KillWhen(t, cmd, 50*time.Millisecond, func() bool {
			if _, err := os.Stat(db); err != nil {
				return false
			}
			return Stats(t, bin, db).Articles >= at
		}) {
			killed++
		}
	}
	if killed == 0 {
		t.Fatal("ingest finished before it could be killed: the test proves nothing")
	}
	if out, err := exec.Command(bin, "ingest", "--db", db, in).CombinedOutput(); IngestErr(err, out) != nil {
		t.Fatalf("resumed ingest: %v\n%s", err, out)
	}
}

// KillWhen starts cmd and checks reached every interval (for at most five
// minutes) while it runs, SIGKILLing it as soon as reached says so. It
// reports whether the process was killed (false: it ended first).
func KillWhen(t testing.TB, cmd *exec.Cmd, every time.Duration, reached func() bool) bool {
	t.Helper()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	for deadline := time.Now().Add(5 * time.Minute); time.Now().Before(deadline); {
		select {
		case <-done:
			return false
		case <-time.After(every):
		}
		if reached() {
			_ = cmd.Process.Signal(syscall.SIGKILL)
			<-done
			return true
		}
	}
	return false
}
