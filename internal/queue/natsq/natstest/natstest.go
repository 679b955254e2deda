// Package natstest starts a real nats-server with JetStream for tests, on
// a free loopback port with its storage in a temporary directory, stopped
// when the test ends. There is no mock: a test that needs NATS runs
// against the real server, or skips when the binary is absent (and fails
// instead when CI=true, so that CI cannot pass without running it).
package natstest

import (
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
)

// startTimeout bounds the wait for the server to accept connections.
const startTimeout = 30 * time.Second

// Server is a running nats-server owned by one test.
type Server struct {
	URL  string // nats://127.0.0.1:PORT
	cmd  *exec.Cmd
	exit chan error
	log  string
}

// Binary returns the nats-server executable: $PARALLAX_NATS_SERVER, else
// nats-server on $PATH, else Debian's /usr/sbin/nats-server.
func Binary() (string, error) {
	if p := os.Getenv("PARALLAX_NATS_SERVER"); p != "" {
		if fi, err := os.Stat(p); err != nil || fi.Mode()&0o111 == 0 {
			return "", fmt.Errorf("natstest: PARALLAX_NATS_SERVER=%s is not an executable", p)
		}
		return p, nil
	}
	if p, err := exec.LookPath("nats-server"); err == nil {
		return p, nil
	}
	if fi, err := os.Stat("/usr/sbin/nats-server"); err == nil && fi.Mode()&0o111 != 0 {
		return "/usr/sbin/nats-server", nil
	}
	return "", errors.New("natstest: nats-server not found (apt-get install nats-server, or set PARALLAX_NATS_SERVER)")
}

// Start starts a JetStream-enabled server for the test and stops it when
// the test ends. Without the binary it skips the test, or fails it when
// CI=true.
func Start(t testing.TB) *Server {
	t.Helper()
	bin, err := Binary()
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("nats-server needed under CI: %v", err)
		}
		t.Skipf("nats-server not available: %v", err)
	}
	dir := t.TempDir()
	port, err := freePort()
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{URL: fmt.Sprintf("nats://127.0.0.1:%d", port), exit: make(chan error, 1),
		log: filepath.Join(dir, "server.log")}
	s.cmd = exec.Command(bin, "-js", "-sd", filepath.Join(dir, "js"), "-a", "127.0.0.1",
		"-p", strconv.Itoa(port), "-l", s.log)
	s.cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := s.cmd.Start(); err != nil {
		t.Fatalf("natstest: start %s: %v", bin, err)
	}
	go func() { s.exit <- s.cmd.Wait() }()
	t.Cleanup(s.stop)
	if err := s.waitReady(); err != nil {
		t.Fatalf("natstest: %v\n%s", err, s.Log())
	}
	return s
}

// freePort returns a loopback TCP port that was free a moment ago.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("natstest: free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// waitReady waits until the server answers with JetStream enabled, or exits.
func (s *Server) waitReady() error {
	deadline := time.Now().Add(startTimeout)
	for {
		nc, err := nats.Connect(s.URL, nats.Timeout(time.Second))
		if err == nil {
			_, err = nc.Request("$JS.API.INFO", nil, 2*time.Second)
			nc.Close()
			if err == nil {
				return nil
			}
		}
		select {
		case werr := <-s.exit:
			s.exit <- werr
			return fmt.Errorf("nats-server exited: %v", werr)
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("nats-server not ready after %v: %w", startTimeout, err)
		}
	}
}

// stop shuts the server down (SIGTERM), killing it if it lingers.
func (s *Server) stop() {
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.exit:
	case <-time.After(20 * time.Second):
		_ = s.cmd.Process.Kill()
		<-s.exit
	}
}

// Log returns what the server logged so far (for a failing test).
func (s *Server) Log() string {
	b, _ := os.ReadFile(s.log)
	return string(b)
}
