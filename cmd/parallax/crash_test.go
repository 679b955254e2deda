package main

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"parallax/internal/model"
	"parallax/internal/shared"
	"parallax/internal/store/sqlite"
)

// buildBinary compiles parallax once per test binary.
func buildBinary(t testing.TB) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "parallax-bin")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "parallax")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			binErr = &buildError{out: string(out), err: err}
		}
	})
	if binErr != nil {
		t.Fatalf("build parallax: %v", binErr)
	}
	return binPath
}

type buildError struct {
	out string
	err error
}

func (e *buildError) Error() string { return e.err.Error() + ": " + e.out }

// assignments returns article id -> story id from a store file.
func assignments(t *testing.T, db string) map[string]string {
	t.Helper()
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	arts, err := st.ClusteredArticles(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	pending, err := st.PendingArticles(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(pending) > 0 {
		t.Errorf("%s: %d articles left unclustered", db, len(pending))
	}
	m := map[string]string{}
	for _, a := range arts {
		if _, dup := m[a.ID]; dup {
			t.Errorf("article %s stored twice", a.ID)
		}
		m[a.ID] = a.StoryID
	}
	return m
}

func statsOf(t *testing.T, bin, db string) model.Stats {
	t.Helper()
	out, err := exec.Command(bin, "stats", "--db", db, "--json").Output()
	var s model.Stats
	if err == nil {
		err = json.Unmarshal(out, &s)
	}
	if err != nil {
		t.Fatalf("stats: %v", err)
	}
	return s
}

// TestCrashResume SIGKILLs `parallax ingest` in the middle of a batch, runs
// it again, and finds every article stored exactly once, with the same
// stories as an uninterrupted run.
func TestCrashResume(t *testing.T) {
	t.Parallel() // a subprocess test: runs beside the other heavy ones
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL")
	}
	// The first 800 articles of dev.jsonl: a crash test need not cluster
	// the whole file (TestStreamStored does) to prove nothing is lost.
	bin := buildBinary(t)
	dir := t.TempDir()
	in := headLines(t, shared.TestData(t, "cluster", "dev.jsonl"), filepath.Join(dir, "dev.jsonl"), 800)

	clean := filepath.Join(dir, "clean.db")
	if out, err := exec.Command(bin, "ingest", "--db", clean, in).CombinedOutput(); ingestErr(err, out) != nil {
		t.Fatalf("clean ingest: %v\n%s", err, out)
	}
	want := assignments(t, clean)
	checkClusterCommandAgrees(t, bin, in, want)

	crashed := filepath.Join(dir, "crashed.db")
	killAndResume(t, bin, crashed, in, []int{len(want) / 4, len(want) * 3 / 4})
	got := assignments(t, crashed)
	if len(got) != len(want) {
		t.Fatalf("resumed store has %d articles, clean run %d", len(got), len(want))
	}
	var diff []string
	for id, s := range want {
		if _, ok := got[id]; !ok {
			diff = append(diff, id)
		}
		_ = s
	}
	sort.Strings(diff)
	if len(diff) > 0 {
		t.Fatalf("articles lost after crash: %v", diff)
	}
	// Same partition into stories as the uninterrupted run.
	if a, b := partition(want), partition(got); a != b {
		t.Errorf("story partition differs from the clean run after a crash")
	}
	cs, rs := statsOf(t, bin, clean), statsOf(t, bin, crashed)
	if cs.Articles != rs.Articles || cs.Stories != rs.Stories {
		t.Errorf("stats differ: clean %+v, resumed %+v", cs, rs)
	}
	t.Logf("after the kills: %d articles, %d stories, as the clean run", rs.Articles, rs.Stories)
}

// partition renders a clustering as a canonical string of sorted groups.
func partition(m map[string]string) string {
	groups := map[string][]string{}
	for id, s := range m {
		groups[s] = append(groups[s], id)
	}
	var keys []string
	for _, g := range groups {
		sort.Strings(g)
		b, _ := json.Marshal(g)
		keys = append(keys, string(b))
	}
	sort.Strings(keys)
	b, _ := json.Marshal(keys)
	return string(b)
}

// checkClusterCommandAgrees: `parallax cluster` (no database) puts every
// article in the same story as the stored pipeline did.
func checkClusterCommandAgrees(t *testing.T, bin, in string, stored map[string]string) {
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

// killAndResume runs `parallax ingest --db db in` once per threshold,
// SIGKILLing it as soon as the store holds that many articles, then runs it
// to the end. It fails the test if no run could be killed.
func killAndResume(t *testing.T, bin, db, in string, thresholds []int) {
	t.Helper()
	killed := 0
	for _, at := range thresholds {
		cmd := exec.Command(bin, "ingest", "--db", db, in)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		deadline := time.Now().Add(5 * time.Minute)
	wait:
		for time.Now().Before(deadline) {
			select {
			case <-done:
				break wait
			case <-time.After(50 * time.Millisecond):
			}
			if _, err := os.Stat(db); err != nil {
				continue
			}
			if s := statsOf(t, bin, db); s.Articles >= at {
				_ = cmd.Process.Signal(syscall.SIGKILL)
				<-done
				killed++
				break
			}
		}
	}
	if killed == 0 {
		t.Fatal("ingest finished before it could be killed: the test proves nothing")
	}
	if out, err := exec.Command(bin, "ingest", "--db", db, in).CombinedOutput(); ingestErr(err, out) != nil {
		t.Fatalf("resumed ingest: %v\n%s", err, out)
	}
}

// TestStreamStored: the stored pipeline's partition of dev-stream.jsonl
// (both development files as one stream) is `parallax cluster`'s: every
// stored article is in the story the command puts it in.
func TestStreamStored(t *testing.T) {
	t.Parallel() // a subprocess test: runs beside the other heavy ones
	in := shared.TestData(t, "cluster", "dev-stream.jsonl")
	bin := buildBinary(t)
	db := filepath.Join(t.TempDir(), "stream.db")
	if out, err := exec.Command(bin, "ingest", "--db", db, in).CombinedOutput(); ingestErr(err, out) != nil {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
	stored := assignments(t, db)
	if len(stored) < 4800 {
		t.Fatalf("store holds %d articles of dev-stream.jsonl's 4,962", len(stored))
	}
	checkClusterCommandAgrees(t, bin, in, stored)
}

// TestCrashResumeExact SIGKILLs `parallax ingest` while it stores its
// clustering decisions (a transaction per 100 articles, each with the
// clustering state after it), runs it again, and finds every article in
// the very story, by id, of an uninterrupted run: the resumed run starts
// from the saved state, not from a replay of the stored articles.
func TestCrashResumeExact(t *testing.T) {
	t.Parallel() // a subprocess test: runs beside the other heavy ones
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL")
	}
	// The first 1,600 articles of both development files as one stream,
	// where merges and moves begin: a replay of the stored articles (what a
	// restart did before the state was saved) misplaced 15 of the full
	// stream's 4,901.
	bin := buildBinary(t)
	dir := t.TempDir()
	in := headLines(t, shared.TestData(t, "cluster", "dev-stream.jsonl"), filepath.Join(dir, "stream.jsonl"), 1600)
	run := func(db string) *exec.Cmd {
		cmd := exec.Command(bin, "ingest", "--db", db, in)
		cmd.Env = append(os.Environ(), "PARALLAX_STATE_EVERY=100")
		return cmd
	}
	clean := filepath.Join(dir, "clean.db")
	if out, err := run(clean).CombinedOutput(); ingestErr(err, out) != nil {
		t.Fatalf("clean ingest: %v\n%s", err, out)
	}
	want := assignments(t, clean)

	crashed := filepath.Join(dir, "crashed.db")
	killed := 0
	for _, frac := range []int{4, 2} { // kill once a quarter, then once half, is placed
		cmd := run(crashed)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		deadline := time.Now().Add(5 * time.Minute)
	wait:
		for time.Now().Before(deadline) {
			select {
			case <-done:
				break wait
			case <-time.After(20 * time.Millisecond):
			}
			if n := placedCount(t, crashed); n >= len(want)/frac {
				_ = cmd.Process.Signal(syscall.SIGKILL)
				<-done
				if n < len(want) {
					killed++
				}
				break
			}
		}
	}
	if killed == 0 {
		t.Fatal("ingest finished clustering before it could be killed: the test proves nothing")
	}
	if out, err := run(crashed).CombinedOutput(); ingestErr(err, out) != nil {
		t.Fatalf("resumed ingest: %v\n%s", err, out)
	}
	got := assignments(t, crashed)
	if len(got) != len(want) {
		t.Fatalf("resumed store has %d articles, clean run %d", len(got), len(want))
	}
	differ := 0
	for id, s := range want {
		if got[id] != s {
			differ++
		}
	}
	if differ > 0 {
		t.Errorf("after %d kills during clustering, %d of %d articles are in another story than in the clean run", killed, differ, len(want))
	}
}

// placedCount is how many articles of a store have a story (0 while the
// store cannot be read).
func placedCount(t *testing.T, db string) int {
	t.Helper()
	if _, err := os.Stat(db); err != nil {
		return 0
	}
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		return 0
	}
	defer st.Close()
	_, last, err := st.AssignedSince(context.Background(), 1<<62)
	if err != nil {
		return 0
	}
	return int(last)
}

// headLines copies the first n lines of in to out and returns out.
func headLines(t *testing.T, in, out string, n int) string {
	t.Helper()
	b, err := os.ReadFile(in)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(b), "\n")
	if len(lines) > n {
		lines = lines[:n]
	}
	if err := os.WriteFile(out, []byte(strings.Join(lines, "")), 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}
