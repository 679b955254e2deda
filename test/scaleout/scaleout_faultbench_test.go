package scaleout_test

import (
	"fmt"
	"parallax/internal/clitest"
	"parallax/internal/queue/natsq/natstest"
	"parallax/internal/shared"
	"parallax/internal/store/postgres/pgtest"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// BenchmarkScaleOutFaults does PARALLAX_FAULT_RUNS (default 10) fault
// runs (runFault), each SIGKILLing one process of a role in random order
// (worker, clusterer, brief writer) at a random moment while work remains
// and restarting it, on the first PARALLAX_SCALE_LINES lines of
// dev-stream.jsonl (default 250; the whole stream when "all";
// PARALLAX_SCALE_REFDB as for BenchmarkScaleOut). Every run
// must end with the one-process store; the table gives, per run, the
// role killed, the work done when it died and, for the clusterer, the
// time from the leader's SIGKILL to the standby holding the role.
//
//	go test ./test/scaleout -run '^$' -bench ScaleOutFaults -benchtime 1x -v -timeout 0
func BenchmarkScaleOutFaults(b *testing.B) {
	bin := clitest.Binary(b)
	dir := b.TempDir()
	in := faultInput(b, dir)
	runs, err := strconv.Atoi(envOr("PARALLAX_FAULT_RUNS", "10"))
	if err != nil || runs <= 0 {
		b.Fatalf("PARALLAX_FAULT_RUNS: want a positive number")
	}
	pg, ns := pgtest.Start(b), natstest.Start(b)
	want := reference(b, bin, in, dir)
	b.Logf("%s, load average %s", time.Now().UTC().Format(time.RFC3339), loadAverage())
	rng := faultRNG(b)
	for range b.N {
		rows := []string{}
		var failovers []time.Duration
		// The roles come from a shuffled deck that holds each equally
		// often, so that ten runs kill each role at least three times.
		deck := make([]string, runs)
		for i := range deck {
			deck[i] = faultRoles[i%len(faultRoles)]
		}
		rng.Shuffle(len(deck), func(i, j int) { deck[i], deck[j] = deck[j], deck[i] })
		for run, role := range deck {
			r := runFault(b, rng, []string{role}, bin, pg, ns, in, run, want)
			fo := "—"
			if role == "clusterer" {
				failovers = append(failovers, r.failover)
				fo = r.failover.Round(time.Millisecond).String()
			}
			rows = append(rows, fmt.Sprintf("| %d | %s | %s | %s | %d of %d | %d | %d | %d | %d | %v |", run+1, role, r.state, fo,
				len(r.got.story), len(want.story), want.placedDifferently(r.got), want.otherIDs(r.got), len(r.got.dupOf), r.got.aliased,
				r.wall.Round(100*time.Millisecond)))
			b.Log(rows[len(rows)-1])
		}
		b.Logf("| run | killed | when (stored, placed, briefs stale) | failover | articles stored | placed differently | kept under another id | near-dup links (one process: %d) | row + alias | run time |\n|---|---|---|---|---|---|---|---|---|---|\n%s",
			len(want.dupOf), strings.Join(rows, "\n"))
		if len(failovers) > 0 {
			b.ReportMetric(slices.Max(failovers).Seconds(), "max-failover-s")
			b.Logf("failovers %v", failovers)
		}
	}
	b.Logf("%s, load average %s", time.Now().UTC().Format(time.RFC3339), loadAverage())
}

// faultInput is the head of dev-stream.jsonl the fault runs use.
func faultInput(b testing.TB, dir string) string {
	switch envOr("PARALLAX_SCALE_LINES", "") {
	case "":
		return clitest.HeadLines(b, shared.TestData(b, "cluster", "dev-stream.jsonl"), filepath.Join(dir, "stream.jsonl"), scaleLines)
	case "all":
		return shared.TestData(b, "cluster", "dev-stream.jsonl")
	}
	return scaleInput(b, dir)
}
