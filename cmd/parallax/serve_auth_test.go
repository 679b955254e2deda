package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a log destination written by several goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestServeAuth runs `parallax serve` in-process: bound beyond loopback
// without a password it warns at start and refuses writes with 403
// naming PARALLAX_PASSWORD; with PARALLAX_PASSWORD it takes a login, and
// the password appears nowhere in its debug log nor in `parallax config`.
func TestServeAuth(t *testing.T) {
	const secret = "tangerine-Zebra-42"
	tests := []struct {
		name, host, password string
		wantLog              string
	}{
		{"PublicNoPassword", "0.0.0.0", "", "without a password"},
		{"LoopbackPassword", "127.0.0.1", secret, "changes need the operator's login"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("PARALLAX_PASSWORD", tt.password)
			t.Setenv("PARALLAX_LOG_LEVEL", "debug")
			_, port, _ := net.SplitHostPort(freeAddr(t))
			logs := &lockedBuffer{}
			e := &env{Stdin: strings.NewReader(""), Stdout: logs, Stderr: logs, Log: newLogger(logs)}
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan int, 1)
			db := filepath.Join(t.TempDir(), "p.db")
			go func() {
				done <- run(ctx, e, []string{"serve", "--db", db, "--addr", net.JoinHostPort(tt.host, port), "--no-poll"})
			}()
			base := "http://127.0.0.1:" + port
			waitHealthy(t, base)

			client := jarClient(t)
			res, body := send(t, client, "POST", base+"/feeds", url.Values{"url": {"https://example.com/feed"}})
			if tt.password == "" {
				if res.StatusCode != http.StatusForbidden || !strings.Contains(body, "set PARALLAX_PASSWORD to enable changes") {
					t.Errorf("POST /feeds without a password: %d %.300s", res.StatusCode, body)
				}
			} else {
				if res.StatusCode != http.StatusSeeOther {
					t.Errorf("POST /feeds before login: %d; want a redirect to the login", res.StatusCode)
				}
				login(t, client, base, secret+"x", http.StatusUnauthorized)
				login(t, client, base, secret, http.StatusSeeOther)
			}
			cancel()
			if code := <-done; code != 0 {
				t.Errorf("serve exit %d:\n%s", code, logs.String())
			}
			out := logs.String()
			if !strings.Contains(out, tt.wantLog) {
				t.Errorf("log lacks %q:\n%s", tt.wantLog, out)
			}
			if strings.Contains(out, secret) {
				t.Errorf("log contains the password:\n%s", out)
			}
			if _, cfg, _ := runCmd(t, "", "config"); strings.Contains(cfg, secret) {
				t.Errorf("config prints the password:\n%s", cfg)
			}
		})
	}
}

func waitHealthy(t *testing.T, base string) {
	t.Helper()
	for range 200 {
		if res, err := http.Get(base + "/healthz"); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("serve did not come up at %s", base)
}

func jarClient(t *testing.T) *http.Client {
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// send makes a GET (v nil) or a form POST.
func send(t *testing.T, c *http.Client, method, u string, v url.Values) (*http.Response, string) {
	t.Helper()
	var res *http.Response
	var err error
	if method == "GET" {
		res, err = c.Get(u)
	} else {
		res, err = c.PostForm(u, v)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

var csrfField = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

func login(t *testing.T, c *http.Client, base, password string, want int) {
	t.Helper()
	_, page := send(t, c, "GET", base+"/login", nil)
	m := csrfField.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no login form:\n%.1000s", page)
	}
	if res, body := send(t, c, "POST", base+"/login", url.Values{"csrf": {m[1]}, "password": {password}}); res.StatusCode != want {
		t.Fatalf("login: %d %.300s; want %d", res.StatusCode, body, want)
	}
}
