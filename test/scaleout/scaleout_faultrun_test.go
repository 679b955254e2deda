package scaleout_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"parallax/internal/queue/natsq/natstest"
	"parallax/internal/store/postgres"
	"parallax/internal/store/postgres/pgtest"
	"strconv"
	"strings"
	"testing"
	"time"
)

// faultDeadline bounds each wait of a fault run.
const faultDeadline = 300 * time.Second

// faultRoles are the role processes a fault run may kill.
var faultRoles = []string{"worker", "clusterer", "briefs"}

// faultRun is the outcome of one run of runFault.
type faultRun struct {
	role     string        // the roles killed
	state    string        // the work done at each kill
	failover time.Duration // clusterer: from the leader's death to the standby holding the role
	wall     time.Duration
	got      storeSnapshot
}

// runFault publishes in and runs the roles continuously (two workers,
// two clusterers, one brief writer, in a new database and stream), then
// for each role of kills in turn SIGKILLs one of its processes at a moment
// chosen by rng while work remains for that role — a worker while articles are still
// to be stored, the clusterer holding the role while articles wait to be
// placed, the brief writer while briefs are stale — restarts it, waits
// until everything is stored, placed and briefed, and stops the rest with
// SIGTERM. It fails t if a process other than the killed one exits
// non-zero, if the store differs from want (articles lost or doubled,
// another partition or other near-duplicate links, a story with both a row
// and a merge alias, a stale brief), if the stream is not empty, or if the
// standby clusterer took more than 10 s to hold the role.
func runFault(t testing.TB, rng *rand.Rand, kills []string, bin string, pg *pgtest.Server, ns *natstest.Server, in string, run int, want storeSnapshot) faultRun {
	t.Helper()
	dsn := pg.NewDatabase(t)
	stream := fmt.Sprintf("fault%d", run)
	env := append(os.Environ(), "PARALLAX_DB="+dsn, "PARALLAX_QUEUE="+ns.URL, "PARALLAX_QUEUE_STREAM="+stream,
		"PARALLAX_QUEUE_ACK_WAIT=2s", "PARALLAX_STATE_EVERY=40")
	st, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	total := len(want.story)
	counts := func() progress {
		s, err1 := st.Stats(ctx)
		pend, err2 := st.PendingArticles(ctx)
		ss, err3 := st.StaleStories(ctx)
		if err := errors.Join(err1, err2, err3); err != nil {
			t.Fatal(err)
		}
		return progress{s.Articles, len(pend), len(ss)}
	}
	procs := map[string][]*proc{}
	all := func() []*proc { return append(append(procs["worker"], procs["clusterer"]...), procs["briefs"]...) }
	until := func(what string, cond func() bool) {
		t.Helper()
		deadline := time.Now().Add(faultDeadline)
		for !cond() {
			if time.Now().After(deadline) {
				for _, p := range all() {
					t.Logf("%s:\n%s", strings.Join(p.args, " "), p.output())
				}
				t.Fatalf("run %d: gave up waiting for %s", run, what)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}

	if runs := runProcs(t, bin, env, []string{"publish", in}); runs[0].code != 0 {
		t.Fatalf("publish exit %d: %s", runs[0].code, runs[0].stderr)
	}
	t0 := time.Now()
	for role, n := range map[string]int{"worker": 2, "clusterer": 2, "briefs": 1} {
		for range n {
			procs[role] = append(procs[role], startProc(t, bin, env, faultArgs[role]...))
		}
	}
	var r faultRun
	for _, role := range kills {
		k := killOne(t, rng, role, procs, t0, total, counts, until)
		k.state = fmt.Sprintf("%s: %s", role, k.state)
		r.role, r.state = strings.TrimPrefix(r.role+", "+role, ", "), strings.TrimPrefix(r.state+"; "+k.state, "; ")
		if role == "clusterer" {
			r.failover = k.failover
			if k.failover > 10*time.Second {
				t.Errorf("run %d: failover took %v, want within 10s", run, k.failover)
			}
		}
		procs[role][k.victim] = startProc(t, bin, env, faultArgs[role]...)
	}

	until("every article stored, placed and briefed", func() bool {
		p := counts()
		return p.stored >= total && p.pending == 0 && p.stale == 0
	})
	for _, p := range all() {
		if code := p.stop(); code != 0 {
			t.Errorf("run %d: %s exited %d after SIGTERM: %s", run, strings.Join(p.args, " "), code, p.output())
		}
	}
	r.wall = time.Since(t0)
	r.got = snapshotOf(t, st)
	if moved, other := want.placedDifferently(r.got), want.otherIDs(r.got); len(r.got.story) != total || moved != 0 || other != 0 {
		t.Errorf("run %d: %d articles stored (one process: %d), %d placed differently, %d of one process's ids not stored:\n%s",
			run, len(r.got.story), total, moved, other, strings.Join(want.placementDiff(r.got, 10), "\n"))
	}
	if !want.sameNearDuplicates(r.got) {
		t.Errorf("run %d: near-duplicate links %v, one process %v", run, r.got.dupOf, want.dupOf)
	}
	if r.got.aliased != 0 || r.got.stale != 0 {
		t.Errorf("run %d: %d stories with a row and a merge alias, %d stale", run, r.got.aliased, r.got.stale)
	}
	natstest.AssertStreamEmpty(t, ns.URL, stream)
	return r
}

// progress is what the store holds during a fault run.
type progress struct{ stored, pending, stale int }

// placed is approximate while workers store: the counts are read one
// after the other.
func (p progress) placed() int { return max(0, p.stored-p.pending) }

// faultArgs are the arguments each role runs with in a fault run.
var faultArgs = map[string][]string{"worker": {"worker", "--workers", "1"}, "clusterer": {"clusterer"}, "briefs": {"briefs", "--every", "200ms"}}

// kill is one SIGKILL of a fault run.
type kill struct {
	victim   int           // index among the role's processes
	state    string        // the work done when it was killed
	failover time.Duration // clusterer: from the leader's death to the standby holding the role
}

// killOne waits for a moment chosen by rng while work remains for role
// and SIGKILLs one of its processes (for the clusterer, the one holding
// the role, and waits for the standby to take it).
func killOne(t testing.TB, rng *rand.Rand, role string, procs map[string][]*proc, t0 time.Time, total int,
	counts func() progress, until func(string, func() bool)) kill {
	t.Helper()
	var k kill
	at := rng.IntN(max(1, total*3/4)) // the articles stored or placed before the kill
	switch role {
	case "worker":
		k.victim = rng.IntN(2)
		until(fmt.Sprintf("%d articles stored", at), func() bool { return counts().stored >= at })
	case "clusterer":
		until("a clusterer to hold the role", func() bool {
			for i, c := range procs["clusterer"] {
				if _, ok := c.saw("holding the role", t0); ok {
					k.victim = i
					return true
				}
			}
			return false
		})
		until(fmt.Sprintf("%d articles placed", at), func() bool { return counts().placed() >= at })
	case "briefs":
		// Should every brief be written before a stale one is seen, the
		// writer is killed idle (its state then says 0 stale).
		until(fmt.Sprintf("%d articles placed and a brief stale", at), func() bool {
			p := counts()
			return p.placed() >= at && p.stale > 0 || p.stored >= total && p.pending == 0
		})
	}
	p := counts()
	k.state = fmt.Sprintf("%d stored, %d placed, %d briefs stale", p.stored, p.placed(), p.stale)
	killed := procs[role][k.victim]
	killedAt := killed.kill()
	if role == "clusterer" {
		standby := procs["clusterer"][1-k.victim]
		var tookOver time.Time
		until("the standby clusterer to take the role", func() bool {
			var ok bool
			tookOver, ok = standby.saw("holding the role", killedAt)
			return ok
		})
		k.failover = tookOver.Sub(killedAt)
	}
	return k
}

// faultRNG is the fault runs' random source, seeded from
// PARALLAX_FAULT_SEED or the clock; the seed is logged to replay a run.
func faultRNG(t testing.TB) *rand.Rand {
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("PARALLAX_FAULT_SEED"); s != "" {
		var err error
		if seed, err = strconv.ParseUint(s, 10, 64); err != nil {
			t.Fatalf("PARALLAX_FAULT_SEED=%q: %v", s, err)
		}
	}
	t.Logf("fault seed %d (PARALLAX_FAULT_SEED replays it)", seed)
	return rand.New(rand.NewPCG(seed, 1))
}
