package scaleout_test

import (
	"fmt"
	"os"
	"os/exec"
	"parallax/internal/clitest"
	"parallax/internal/queue/natsq/natstest"
	"parallax/internal/store/postgres/pgtest"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// scaleRun is one run of the roles as separate processes: `publish`, N
// `worker --drain`, two `clusterer --once` and, if asked, two
// `briefs --once`, each group after the one before has exited.
type scaleRun struct {
	workers int
	procs   map[string][]procRun // by role
	order   []string             // roles in the order they ran
	wall    map[string]time.Duration
	placed  int // clustering decisions the clusterers reported
	briefs  int // briefs written; -1 when no brief writer ran
	got     storeSnapshot
	stream  string
}

// runScale runs the roles with n workers on in, in a new database of pg
// and a new stream of ns, and snapshots the store.
func runScale(t testing.TB, bin string, pg *pgtest.Server, ns *natstest.Server, in string, n int, briefs bool) scaleRun {
	t.Helper()
	db := pg.NewDatabase(t)
	r := scaleRun{workers: n, procs: map[string][]procRun{}, wall: map[string]time.Duration{}, briefs: -1,
		stream: fmt.Sprintf("scale%d", n)}
	env := append(os.Environ(), "PARALLAX_DB="+db, "PARALLAX_QUEUE="+ns.URL, "PARALLAX_QUEUE_STREAM="+r.stream)
	run := func(env []string, cmds ...[]string) []procRun {
		t0 := time.Now()
		runs := runProcs(t, bin, env, cmds...)
		role := cmds[0][0]
		r.wall[role] = time.Since(t0)
		r.procs[role] = runs
		r.order = append(r.order, role)
		t.Logf("%s ×%d: %v wall, %v CPU (%v system)", role, len(cmds), r.wall[role].Round(time.Millisecond),
			cpuSum(runs).Round(time.Millisecond), sysSum(runs).Round(time.Millisecond))
		return runs
	}
	run(env, []string{"publish", in})
	workers := make([][]string, n)
	for i := range workers {
		workers[i] = []string{"worker", "--drain", "--workers", "1"}
	}
	wenv := env
	if d := os.Getenv("PARALLAX_SCALE_PROFILE"); d != "" { // a CPU profile per worker process
		wenv = append(slices.Clone(env), "PARALLAX_CPUPROFILE="+filepath.Join(d, fmt.Sprintf("workers%d-%%p.prof", n)))
	}
	run(wenv, workers...)
	r.placed = sumOf(`clustered (\d+)`, stderrs(run(env, []string{"clusterer", "--once"}, []string{"clusterer", "--once"})))
	if briefs {
		r.briefs = sumOf(`briefs written (\d+)`, stderrs(run(env, []string{"briefs", "--once"}, []string{"briefs", "--once"})))
	}
	r.got = snapshotPostgres(t, db)
	return r
}

// codes lists the exit codes of every process, in the order they ran.
func (r scaleRun) codes() []int {
	var cs []int
	for _, role := range r.order {
		for _, p := range r.procs[role] {
			cs = append(cs, p.code)
		}
	}
	return cs
}

// cpu is the CPU time of the processes of role, or of all with "".
func (r scaleRun) cpu(role string) time.Duration {
	if role != "" {
		return cpuSum(r.procs[role])
	}
	var d time.Duration
	for _, runs := range r.procs {
		d += cpuSum(runs)
	}
	return d
}

// check fails t unless every process exited 0, every article of want is
// stored once, under the same id, and placed in the same story partition, the near-duplicate
// links are want's, each article had one clustering decision, no story
// has both a row and a merge alias, each brief was written once (when
// brief writers ran) and the stream is empty.
func (r scaleRun) check(t testing.TB, want storeSnapshot, natsURL string) {
	t.Helper()
	for i, c := range r.codes() {
		if c != 0 {
			t.Errorf("process %d exited %d", i, c)
		}
	}
	got := r.got
	if moved, other := want.placedDifferently(got), want.otherIDs(got); len(got.story) != len(want.story) || moved != 0 || other != 0 {
		t.Errorf("%d articles stored (one process: %d), %d placed differently, %d of one process's ids not stored (an exact duplicate kept under another id):\n%s",
			len(got.story), len(want.story), moved, other, strings.Join(want.placementDiff(got, 10), "\n"))
	}
	if !want.sameNearDuplicates(got) {
		t.Errorf("near-duplicate links %v, one process %v", got.dupOf, want.dupOf)
	}
	if r.placed != len(got.story) {
		t.Errorf("%d clustering decisions for %d articles", r.placed, len(got.story))
	}
	if got.aliased != 0 || r.briefs >= 0 && (got.stale != 0 || r.briefs != got.stories) {
		t.Errorf("%d stories with a row and a merge alias, %d stale; %d briefs written for %d stories",
			got.aliased, got.stale, r.briefs, got.stories)
	}
	natstest.AssertStreamEmpty(t, natsURL, r.stream)
}

// row is the run's line in the test's table.
func (r scaleRun) row(want storeSnapshot) string {
	written := "not run"
	if r.briefs >= 0 {
		written = strconv.Itoa(r.briefs)
	}
	return fmt.Sprintf("| %d workers | %v | %d (%d articles) | %d | %d (%d of its ids not stored) | %s (%d) |", r.workers, r.codes(), r.placed,
		len(r.got.story), len(r.got.dupOf), want.placedDifferently(r.got), want.otherIDs(r.got), written, r.got.stories)
}

// oneProcess runs one `ingest` process of in on a SQLite store in dir, the
// reference of the scale-out runs, and returns its snapshot and CPU time.
func oneProcess(t testing.TB, bin, in, dir string) (storeSnapshot, time.Duration) {
	t.Helper()
	one := filepath.Join(dir, "one.db")
	cmd := exec.Command(bin, "ingest", "--db", one, in)
	// Some lines have neither text nor html: ingest exits 1 for them.
	if out, err := cmd.CombinedOutput(); clitest.IngestErr(err, out) != nil {
		t.Fatalf("one-process ingest: %v\n%s", err, out)
	}
	return snapshotSQLite(t, one), cpuOf(cmd.ProcessState)
}
