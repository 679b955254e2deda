package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"parallax/internal/clitest"
	"parallax/internal/shared"
)

// TestProgressNeverSilent reads the log of an `ingest` on a pipe, slowed
// to one core and one worker, with progress due every 100 ms instead of
// every 5 s: from its first log line to its last, no stretch is silent
// for more than 30 times that (3 s; the 5 s default scales to 150 s,
// while the issue allows 10 s on a 5 s rhythm, hence a heartbeat that
// does not wait for the next article or brief), and every phase —
// reading, clustering, briefs — logs its progress.
func TestProgressNeverSilent(t *testing.T) {
	bin := clitest.Binary(t)
	dir := t.TempDir()
	in := clitest.HeadLines(t, shared.TestData(t, "cluster", "dev-topics.jsonl"), filepath.Join(dir, "topics.jsonl"), 200)
	cmd := exec.Command(bin, "ingest", "--workers", "1", "--db", filepath.Join(dir, "p.db"), in)
	cmd.Env = append(os.Environ(), "GOMAXPROCS=1", "PARALLAX_PROGRESS_EVERY=100ms")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	stamp := regexp.MustCompile(`^time=(\S+) level=\w+ msg="?([a-z ]+?)"? `)
	var times []time.Time
	phases := map[string]int{}
	sc := bufio.NewScanner(stderr)
	for sc.Scan() {
		m := stamp.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		at, err := time.Parse(time.RFC3339Nano, m[1])
		if err != nil {
			t.Fatalf("log time %q: %v", m[1], err)
		}
		times = append(times, at)
		phases[strings.TrimSuffix(m[2], " progress")]++
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("ingest: %v", err)
	}
	for _, ph := range []string{"ingest", "clustering", "briefs"} {
		if phases[ph] == 0 {
			t.Errorf("no %q progress logged (logged: %v)", ph, phases)
		}
	}
	if len(times) < 3 {
		t.Fatalf("%d log lines: the run proves nothing", len(times))
	}
	var worst time.Duration
	for i := 1; i < len(times); i++ {
		worst = max(worst, times[i].Sub(times[i-1]))
	}
	t.Logf("%d progress lines over %v, longest silence %v", len(times), times[len(times)-1].Sub(times[0]), worst)
	if worst > 3*time.Second {
		t.Errorf("the log was silent for %v (progress due every 100 ms)", worst)
	}
}
