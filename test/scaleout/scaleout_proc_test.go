package scaleout_test

import (
	"bufio"
	"errors"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// proc is a role process whose standard error is read as it comes, line
// by line with the time each arrived.
type proc struct {
	args  []string
	cmd   *exec.Cmd
	mu    sync.Mutex
	lines []string
	times []time.Time
	done  chan struct{}
	code  int
}

func startProc(t testing.TB, bin string, env []string, args ...string) *proc {
	t.Helper()
	p := &proc{args: args, cmd: exec.Command(bin, args...), done: make(chan struct{})}
	p.cmd.Env = env
	stderr, err := p.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 1<<16), 1<<20)
		for sc.Scan() {
			p.mu.Lock()
			p.lines, p.times = append(p.lines, sc.Text()), append(p.times, time.Now())
			p.mu.Unlock()
		}
		err := p.cmd.Wait()
		var ee *exec.ExitError
		switch {
		case errors.As(err, &ee):
			p.code = ee.ExitCode()
		case err != nil:
			p.code = -1
		}
		close(p.done)
	}()
	t.Cleanup(func() {
		_ = p.cmd.Process.Kill()
		<-p.done
	})
	return p
}

// saw returns when a line containing s arrived after since.
func (p *proc) saw(s string, since time.Time) (time.Time, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for i, l := range p.lines {
		if strings.Contains(l, s) && !p.times[i].Before(since) {
			return p.times[i], true
		}
	}
	return time.Time{}, false
}

func (p *proc) output() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return strings.Join(p.lines, "\n")
}

// kill SIGKILLs the process and waits for it.
func (p *proc) kill() time.Time {
	_ = p.cmd.Process.Signal(syscall.SIGKILL)
	at := time.Now()
	<-p.done
	return at
}

// stop asks the process to end (SIGTERM) and returns its exit code.
func (p *proc) stop() int {
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	<-p.done
	return p.code
}
