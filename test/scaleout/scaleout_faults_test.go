package scaleout_test

import (
	"context"
	"errors"
	"math/rand/v2"
	"parallax/internal/store/postgres"
	"strings"
	"testing"
	"time"
)

// faultDeadline bounds each wait of the fault test.
const faultDeadline = 120 * time.Second

// testScaleOutFaults runs the roles continuously (two workers, two
// clusterers, one brief writer) and SIGKILLs, at random moments, a worker
// while the queue holds work, the clusterer that holds the role while it
// places articles, and the brief writer while briefs are stale, restarting
// each. Nothing is lost or doubled, the partition and the near-duplicate
// links are one process's, every brief is written, and the standby
// clusterer takes the role within 10 s of the leader's death (logged).
func testScaleOutFaults(t *testing.T, bin string, env []string, in, dsn string, want storeSnapshot) {
	seed := time.Now().UnixNano()
	rng := rand.New(rand.NewPCG(uint64(seed), 1))
	t.Logf("seed %d", seed)
	env = append(env, "PARALLAX_QUEUE_ACK_WAIT=2s", "PARALLAX_STATE_EVERY=40")
	st, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	counts := func() (placed, pending, stale int) {
		arts, err1 := st.ClusteredArticles(ctx)
		pend, err2 := st.PendingArticles(ctx)
		ss, err3 := st.StaleStories(ctx)
		if err := errors.Join(err1, err2, err3); err != nil {
			t.Fatal(err)
		}
		return len(arts), len(pend), len(ss)
	}
	var (
		workers, clusterers []*proc
		briefs              *proc
	)
	until := func(what string, cond func() bool) {
		t.Helper()
		deadline := time.Now().Add(faultDeadline)
		for !cond() {
			if time.Now().After(deadline) {
				for _, p := range append(append(workers, clusterers...), briefs) {
					t.Logf("%s:\n%s", strings.Join(p.args, " "), p.output())
				}
				t.Fatalf("gave up waiting for %s", what)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}

	if runs := runProcs(t, bin, env, []string{"publish", in}); runs[0].code != 0 {
		t.Fatalf("publish exit %d: %s", runs[0].code, runs[0].stderr)
	}
	t0 := time.Now()
	workers = []*proc{startProc(t, bin, env, "worker", "--workers", "1"), startProc(t, bin, env, "worker", "--workers", "1")}
	clusterers = []*proc{startProc(t, bin, env, "clusterer"), startProc(t, bin, env, "clusterer")}
	briefs = startProc(t, bin, env, "briefs", "--every", "200ms")

	// A worker dies while items wait; its unacknowledged item goes to the other.
	time.Sleep(time.Duration(rng.IntN(1500)) * time.Millisecond)
	w := rng.IntN(2)
	workers[w].kill()
	workers[w] = startProc(t, bin, env, "worker", "--workers", "1")

	// The clusterer holding the role dies while it places articles.
	leader := -1
	until("a clusterer to hold the role", func() bool {
		for i, c := range clusterers {
			if _, ok := c.saw("holding the role", t0); ok {
				leader = i
				return true
			}
		}
		return false
	})
	until("clustering to start", func() bool { placed, _, _ := counts(); return placed > 0 })
	time.Sleep(time.Duration(rng.IntN(300)) * time.Millisecond)
	placed, pending, _ := counts()
	killedAt := clusterers[leader].kill()
	t.Logf("killed the leading clusterer with %d placed, %d pending", placed, pending)
	standby := clusterers[1-leader]
	var tookOver time.Time
	until("the standby clusterer to take the role", func() bool {
		var ok bool
		tookOver, ok = standby.saw("holding the role", killedAt)
		return ok
	})
	failover := tookOver.Sub(killedAt)
	t.Logf("failover: the standby clusterer held the role %v after the leader's death", failover.Round(time.Millisecond))
	if failover > 10*time.Second {
		t.Errorf("failover took %v, want within 10s", failover)
	}
	clusterers[leader] = startProc(t, bin, env, "clusterer")

	// The brief writer dies while briefs are stale.
	until("all articles placed", func() bool { _, pending, _ := counts(); return pending == 0 })
	_, _, stale := counts()
	briefs.kill()
	t.Logf("killed the brief writer with %d briefs stale", stale)
	briefs = startProc(t, bin, env, "briefs", "--every", "200ms")
	until("every brief written", func() bool { _, _, stale := counts(); return stale == 0 })

	for _, p := range append(append(workers, clusterers...), briefs) {
		if code := p.stop(); code != 0 {
			t.Errorf("%s exited %d after SIGTERM: %s", strings.Join(p.args, " "), code, p.output())
		}
	}
	got := snapshotOf(t, st)
	if moved := want.placedDifferently(got); len(got.story) != len(want.story) || moved != 0 {
		t.Errorf("%d articles stored (one process: %d), %d placed differently", len(got.story), len(want.story), moved)
	}
	if !equalMaps(got.dupOf, want.dupOf) {
		t.Errorf("near-duplicate links %v, one process %v", got.dupOf, want.dupOf)
	}
	if got.aliased != 0 || got.stale != 0 {
		t.Errorf("%d stories with a row and a merge alias, %d stale", got.aliased, got.stale)
	}
}
