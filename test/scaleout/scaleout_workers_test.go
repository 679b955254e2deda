// Package scaleout_test runs the scale-out roles as separate processes on
// real PostgreSQL and NATS JetStream servers.
package scaleout_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"parallax/internal/clitest"
	"parallax/internal/queue/natsq/natstest"
	"parallax/internal/shared"
	"parallax/internal/store"
	"parallax/internal/store/postgres"
	"parallax/internal/store/postgres/pgtest"
	"parallax/internal/store/sqlite"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// scaleLines is how much of dev-stream.jsonl the scale-out test runs: the
// whole stream takes minutes per configuration on a shared 2-core machine.
const scaleLines = 250

// TestScaleOutWorkers runs the scale-out roles as separate processes on
// real PostgreSQL and NATS servers, with 1, 2 and 4 workers: `publish`
// queues the head of dev-stream.jsonl on the shared stream, the workers
// store it, two clusterers race for the role (one places, the other waits)
// and (with 4 workers) two brief writers share the stale briefs; the fault
// test follows (scaleout_faults_test.go). Every process exits 0;
// every article is stored once; the near-duplicate links and the story
// partition are those of one `ingest` process on SQLite; no story has both
// a row and a merge alias; each brief is written once; the stream is empty.
func TestScaleOutWorkers(t *testing.T) {
	t.Parallel() // a subprocess test: runs beside the other heavy ones
	bin := clitest.Binary(t)
	dir := t.TempDir()
	in := clitest.HeadLines(t, shared.TestData(t, "cluster", "dev-stream.jsonl"), filepath.Join(dir, "stream.jsonl"), scaleLines)
	pg, ns := pgtest.Start(t), natstest.Start(t)

	one := filepath.Join(dir, "one.db")
	// Some lines have neither text nor html: ingest exits 1 for them.
	if out, err := exec.Command(bin, "ingest", "--db", one, in).CombinedOutput(); clitest.IngestErr(err, out) != nil {
		t.Fatalf("one-process ingest: %v\n%s", err, out)
	}
	want := snapshotSQLite(t, one)
	t.Logf("| processes | exit codes | clustering decisions | near-dup links (one process: %d) | articles placed differently | briefs written (stories) |", len(want.dupOf))
	for _, n := range []int{1, 2, 4} {
		t.Run(fmt.Sprintf("Workers%d", n), func(t *testing.T) {
			db := pg.NewDatabase(t)
			env := append(os.Environ(), "PARALLAX_DB="+db, "PARALLAX_QUEUE="+ns.URL,
				fmt.Sprintf("PARALLAX_QUEUE_STREAM=scale%d", n))
			var codes []int
			run := func(cmds ...[]string) []string {
				t0 := time.Now()
				c, outs := runProcs(t, bin, env, cmds...)
				t.Logf("%s: %v", cmds[0][0], time.Since(t0).Round(time.Millisecond))
				codes = append(codes, c...)
				return outs
			}
			run([]string{"publish", in})
			workers := make([][]string, n)
			for i := range workers {
				workers[i] = []string{"worker", "--drain", "--workers", "1"}
			}
			run(workers...)
			placed := sumOf(`clustered (\d+)`, run([]string{"clusterer", "--once"}, []string{"clusterer", "--once"}))
			briefs := -1 // brief writers run in one configuration: they are most of the test's time
			if n == 4 {
				briefs = sumOf(`briefs written (\d+)`, run([]string{"briefs", "--once"}, []string{"briefs", "--once"}))
			}

			got := snapshotPostgres(t, db)
			moved := want.placedDifferently(got)
			written := "not run"
			if briefs >= 0 {
				written = strconv.Itoa(briefs)
			}
			t.Logf("| %d workers | %v | %d (%d articles) | %d | %d | %s (%d) |", n, codes, placed, len(got.story),
				len(got.dupOf), moved, written, got.stories)
			for i, c := range codes {
				if c != 0 {
					t.Errorf("process %d exited %d", i, c)
				}
			}
			if len(got.story) != len(want.story) || moved != 0 {
				t.Errorf("%d articles stored (one process: %d), %d placed differently", len(got.story), len(want.story), moved)
			}
			if !equalMaps(got.dupOf, want.dupOf) {
				t.Errorf("near-duplicate links %v, one process %v", got.dupOf, want.dupOf)
			}
			if placed != len(got.story) {
				t.Errorf("%d clustering decisions for %d articles", placed, len(got.story))
			}
			if got.aliased != 0 || briefs >= 0 && (got.stale != 0 || briefs != got.stories) {
				t.Errorf("%d stories with a row and a merge alias, %d stale; %d briefs written for %d stories",
					got.aliased, got.stale, briefs, got.stories)
			}
			natstest.AssertStreamEmpty(t, ns.URL, fmt.Sprintf("scale%d", n))
		})
	}
	t.Run("Faults", func(t *testing.T) {
		db := pg.NewDatabase(t)
		env := append(os.Environ(), "PARALLAX_DB="+db, "PARALLAX_QUEUE="+ns.URL, "PARALLAX_QUEUE_STREAM=faults")
		testScaleOutFaults(t, bin, env, in, db, want)
		natstest.AssertStreamEmpty(t, ns.URL, "faults")
	})
}

// runProcs starts one process of bin per argument list at once, waits for
// all, and returns their exit codes and standard errors.
func runProcs(t *testing.T, bin string, env []string, cmds ...[]string) ([]int, []string) {
	t.Helper()
	codes, outs := make([]int, len(cmds)), make([]string, len(cmds))
	var wg sync.WaitGroup
	for i, args := range cmds {
		cmd := exec.Command(bin, args...)
		cmd.Env = env
		var errb bytes.Buffer
		cmd.Stderr = &errb
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := cmd.Wait()
			var ee *exec.ExitError
			switch {
			case errors.As(err, &ee):
				codes[i] = ee.ExitCode()
			case err != nil:
				codes[i] = -1
			}
			outs[i] = errb.String()
			if codes[i] != 0 {
				t.Logf("%s: %s", strings.Join(args, " "), outs[i])
			}
		}()
	}
	wg.Wait()
	return codes, outs
}

// sumOf adds the numbers that pattern's group matches in outs.
func sumOf(pattern string, outs []string) int {
	re := regexp.MustCompile(pattern)
	n := 0
	for _, o := range outs {
		for _, m := range re.FindAllStringSubmatch(o, -1) {
			v, _ := strconv.Atoi(m[1])
			n += v
		}
	}
	return n
}

// storeSnapshot is what the scale-out test compares between runs.
type storeSnapshot struct {
	story   map[string]string // article -> story
	dupOf   map[string]string // near-duplicate -> original
	stories int
	aliased int // stories that have both a row and a merge alias
	stale   int
}

func snapshotSQLite(t *testing.T, path string) storeSnapshot {
	st, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	return snapshotOf(t, st)
}

func snapshotPostgres(t *testing.T, dsn string) storeSnapshot {
	st, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	return snapshotOf(t, st)
}

func snapshotOf(t *testing.T, st store.Store) storeSnapshot {
	t.Helper()
	ctx := context.Background()
	arts, err := st.ClusteredArticles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s := storeSnapshot{story: map[string]string{}, dupOf: map[string]string{}}
	for _, a := range arts {
		if _, twice := s.story[a.ID]; twice {
			t.Errorf("article %s stored twice", a.ID)
		}
		s.story[a.ID] = a.StoryID
		if a.DuplicateOf != "" {
			s.dupOf[a.ID] = a.DuplicateOf
		}
	}
	if pending, err := st.PendingArticles(ctx); err != nil || len(pending) > 0 {
		t.Errorf("%d articles left unclustered (%v)", len(pending), err)
	}
	stories, err := st.Stories(ctx, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	s.stories = len(stories)
	for _, x := range stories {
		if _, err := st.StoryAlias(ctx, x.ID); !errors.Is(err, store.ErrNotFound) {
			s.aliased++
		}
	}
	stale, err := st.StaleStories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s.stale = len(stale)
	return s
}

// placedDifferently counts the articles of s whose story, as a set of
// articles, differs in o (or that o lacks).
func (s storeSnapshot) placedDifferently(o storeSnapshot) int {
	mine, theirs := members(s.story), members(o.story)
	n := 0
	for id := range s.story {
		if mine[id] != theirs[id] {
			n++
		}
	}
	return n
}

// members maps each article to its story's sorted member list.
func members(story map[string]string) map[string]string {
	by := map[string][]string{}
	for a, s := range story {
		by[s] = append(by[s], a)
	}
	out := map[string]string{}
	for _, ids := range by {
		sort.Strings(ids)
		key := strings.Join(ids, ",")
		for _, a := range ids {
			out[a] = key
		}
	}
	return out
}

func equalMaps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
