// Package scaleout_test runs the scale-out roles as separate processes on
// real PostgreSQL and NATS JetStream servers.
package scaleout_test

import (
	"fmt"
	"parallax/internal/clitest"
	"parallax/internal/queue/natsq/natstest"
	"parallax/internal/shared"
	"parallax/internal/store/postgres/pgtest"
	"path/filepath"
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
// and (with 4 workers) two brief writers share the stale briefs; a fault
// run follows (runFault: a worker, the leading clusterer and the brief
// writer SIGKILLed in turn and restarted). Every process exits 0;
// every article is stored once; the near-duplicate links and the story
// partition are those of one `ingest` process on SQLite; no story has both
// a row and a merge alias; each brief is written once; the stream is empty.
func TestScaleOutWorkers(t *testing.T) {
	t.Parallel() // a subprocess test: runs beside the other heavy ones
	bin := clitest.Binary(t)
	dir := t.TempDir()
	in := clitest.HeadLines(t, shared.TestData(t, "cluster", "dev-stream.jsonl"), filepath.Join(dir, "stream.jsonl"), scaleLines)
	pg, ns := pgtest.Start(t), natstest.Start(t)

	want, _ := oneProcess(t, bin, in, dir)
	t.Logf("| processes | exit codes | clustering decisions | near-dup links (one process: %d) | articles placed differently | briefs written (stories) |", len(want.dupOf))
	for _, n := range []int{1, 2, 4} {
		t.Run(fmt.Sprintf("Workers%d", n), func(t *testing.T) {
			// Brief writers run in one configuration: they are most of the test's time.
			r := runScale(t, bin, pg, ns, in, n, n == 4)
			t.Log(r.row(want))
			r.check(t, want, ns.URL)
		})
	}
	t.Run("Faults", func(t *testing.T) {
		r := runFault(t, faultRNG(t), faultRoles, bin, pg, ns, in, 0, want)
		t.Logf("killed %s (%s); the standby clusterer held the role %v after the leader's death; %v",
			r.role, r.state, r.failover.Round(time.Millisecond), r.wall.Round(time.Millisecond))
	})
}
