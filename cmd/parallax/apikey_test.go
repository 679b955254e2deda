package main

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"parallax/internal/store"
	"parallax/internal/web"
)

// TestAPIKeyCommand: create prints a key whose hash (only) is stored; a
// second key of the same name is refused; list names the keys; revoke
// deletes one.
func TestAPIKeyCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	code, out, errOut := runCmd(t, "", "apikey", "--db", db, "create", "bot")
	key := strings.TrimSpace(out)
	if code != 0 || !strings.HasPrefix(key, "px_") || len(key) < 40 {
		t.Fatalf("create: %d %q %s", code, out, errOut)
	}
	if code, _, errOut := runCmd(t, "", "apikey", "--db", db, "create", "bot"); code != 1 || !strings.Contains(errOut, "exists") {
		t.Errorf("second create bot: %d %s", code, errOut)
	}
	tests := []struct {
		name string
		args []string
		code int
		out  string
	}{
		{"List", []string{"list"}, 0, "bot"},
		{"NoName", []string{"create"}, 2, ""},
		{"Unknown", []string{"rotate", "bot"}, 2, ""},
		{"RevokeAbsent", []string{"revoke", "nobody"}, 1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCmd(t, "", append([]string{"apikey", "--db", db}, tt.args...)...)
			if code != tt.code || !strings.Contains(out, tt.out) {
				t.Fatalf("apikey %v: %d %q %s", tt.args, code, out, errOut)
			}
		})
	}
	st, err := openStore(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	keys, err := st.APIKeys(context.Background())
	if err != nil || len(keys) != 1 || keys[0].Hash == key || strings.Contains(keys[0].Hash, key) {
		t.Fatalf("stored keys %+v, %v: want one, hashed", keys, err)
	}
	if code, _, errOut := runCmd(t, "", "apikey", "--db", db, "revoke", "bot"); code != 0 {
		t.Fatalf("revoke: %d %s", code, errOut)
	}
	if _, err := st.APIKeyByHash(context.Background(), keys[0].Hash); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("revoked key still stored: %v", err)
	}
}

// TestOperatorPassword: the file's first line wins over the environment;
// only a hash comes back.
func TestOperatorPassword(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "pw")
	writeFile(t, file, "from-file\nignored\n")
	empty := filepath.Join(dir, "empty")
	writeFile(t, empty, "\n")
	tests := []struct {
		name, env, file, want string
		none, fails           bool
	}{
		{name: "Env", env: "from-env", want: "from-env"},
		{name: "FileWins", env: "from-env", file: file, want: "from-file"},
		{name: "None", none: true},
		{name: "EmptyFile", file: empty, fails: true},
		{name: "MissingFile", file: filepath.Join(dir, "absent"), fails: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("PARALLAX_PASSWORD", tt.env)
			h, err := operatorPassword(tt.file)
			switch {
			case tt.fails:
				if err == nil {
					t.Fatal("no error")
				}
			case tt.none:
				if h != nil || err != nil {
					t.Fatalf("= %q, %v; want none", h, err)
				}
			case err != nil || strings.Contains(string(h), tt.want) || !web.PasswordMatches(h, tt.want):
				t.Fatalf("= %q, %v; want the hash of %q", h, err, tt.want)
			}
		})
	}
}
