package scaleout_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// procRun is how one role process ended.
type procRun struct {
	args   []string
	code   int           // exit code; -1 when it could not be waited for
	stderr string        // its standard error
	cpu    time.Duration // user+system CPU time, from its rusage
	sys    time.Duration // the system part of cpu
}

// runProcs starts one process of bin per argument list at once, waits for
// all, and returns how each ended.
func runProcs(t testing.TB, bin string, env []string, cmds ...[]string) []procRun {
	t.Helper()
	runs := make([]procRun, len(cmds))
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
			r := procRun{args: args, stderr: errb.String(), cpu: cpuOf(cmd.ProcessState), sys: cmd.ProcessState.SystemTime()}
			var ee *exec.ExitError
			switch {
			case errors.As(err, &ee):
				r.code = ee.ExitCode()
			case err != nil:
				r.code = -1
			}
			if r.code != 0 {
				t.Logf("%s: %s", strings.Join(args, " "), r.stderr)
			}
			runs[i] = r
		}()
	}
	wg.Wait()
	return runs
}

// cpuOf is the user+system CPU time a finished process used.
func cpuOf(ps *os.ProcessState) time.Duration {
	if ps == nil {
		return 0
	}
	return ps.UserTime() + ps.SystemTime()
}

// stderrs returns the standard errors of runs.
func stderrs(runs []procRun) []string {
	outs := make([]string, len(runs))
	for i, r := range runs {
		outs[i] = r.stderr
	}
	return outs
}

// cpuSum adds the CPU time of runs.
func cpuSum(runs []procRun) time.Duration {
	var d time.Duration
	for _, r := range runs {
		d += r.cpu
	}
	return d
}

// sysSum adds the system CPU time of runs.
func sysSum(runs []procRun) time.Duration {
	var d time.Duration
	for _, r := range runs {
		d += r.sys
	}
	return d
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
