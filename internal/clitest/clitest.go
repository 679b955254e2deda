// Package clitest is test support for whole-program tests: it builds the
// parallax binary once per test process and reads what its runs left in a
// store. Only tests import it.
package clitest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"parallax/internal/model"
	"parallax/internal/store/sqlite"
)

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// Binary compiles parallax/cmd/parallax once per test process and returns
// the binary's path.
func Binary(t testing.TB) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "parallax-bin")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "parallax")
		out, err := exec.Command("go", "build", "-o", binPath, "parallax/cmd/parallax").CombinedOutput()
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

// IngestErr is the error of an ingest child process, nil when it stored
// its batch: exit status 1 with "the rest stored" is a batch in which some
// inputs were rejected (the dev sets hold records without text).
func IngestErr(err error, out []byte) error {
	var ee *exec.ExitError
	if errors.As(err, &ee) && ee.ExitCode() == 1 && bytes.Contains(out, []byte("the rest stored")) {
		return nil
	}
	return err
}

// HeadLines copies the first n lines of in to out and returns out.
func HeadLines(t testing.TB, in, out string, n int) string {
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

// Assignments returns article id -> story id from a store file, failing
// the test if an article is left unclustered or listed twice.
func Assignments(t testing.TB, db string) map[string]string {
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

// Stats runs `parallax stats --json` on db.
func Stats(t testing.TB, bin, db string) model.Stats {
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

// Partition renders a clustering (article -> story) as a canonical string
// of sorted groups, so that two runs' partitions compare whatever their
// story ids.
func Partition(m map[string]string) string {
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
