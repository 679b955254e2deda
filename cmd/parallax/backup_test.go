package main

import (
	"context"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parallax/internal/clitest"
	"parallax/internal/store/sqlite"
)

// TestBackupRestoreLive: backup copies a store while serve reads it and an
// ingest writes it; the copy and a restore of it (into a new file, and
// over the live store while serve runs) pass PRAGMA integrity_check and
// hold the same counts; a damaged backup is refused.
func TestBackupRestoreLive(t *testing.T) {
	t.Parallel() // a subprocess test: runs beside the other heavy ones
	bin := clitest.Binary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "live.db")
	ctx := context.Background()
	run := func(args ...string) string {
		t.Helper()
		out, err := exec.Command(bin, args...).CombinedOutput()
		if err != nil {
			t.Fatalf("%v: %v\n%s", args, err, tail(string(out), 2000))
		}
		return string(out)
	}
	run("ingest", "--db", db, synthJSONL(t, dir, "a.jsonl", 60, 2))
	base := startServe(t, bin, db)
	ing := exec.Command(bin, "ingest", "--db", db, synthJSONL(t, dir, "b.jsonl", 200, 3))
	var ingOut strings.Builder
	ing.Stdout, ing.Stderr = &ingOut, &ingOut
	if err := ing.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- ing.Wait() }()
	// Take the backup once the ingest has stored some of its articles.
	for deadline := time.Now().Add(60 * time.Second); ; {
		if s := statsJSON(t, db); s.Articles > 60 || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	bk := filepath.Join(dir, "backup.db")
	if out := run("backup", "--db", db, bk); !strings.Contains(out, "integrity check ok") {
		t.Errorf("backup: %s", out)
	}
	if resp, err := http.Get(base + "/api/v1/stories"); err != nil || resp.StatusCode != http.StatusOK {
		t.Errorf("serve during the backup: %v %v", resp, err)
	} else {
		resp.Body.Close()
	}
	if err := <-done; err != nil {
		t.Fatalf("ingest beside the backup: %v\n%s", err, tail(ingOut.String(), 2000))
	}
	for _, p := range []string{db, bk} {
		if err := sqlite.IntegrityCheck(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	sb, sl := statsJSON(t, bk), statsJSON(t, db)
	if sb.Articles < 60 || sb.Articles > sl.Articles || sl.Articles != 260 {
		t.Errorf("backup %+v, live store %+v", sb, sl)
	}
	t.Logf("backup taken during the ingest: %d articles of %d", sb.Articles, sl.Articles)
	if out, err := exec.Command(bin, "backup", "--db", db, bk).CombinedOutput(); err == nil || !strings.Contains(string(out), "exists") {
		t.Errorf("backup over an existing file: %v %s", err, out)
	}

	fresh := filepath.Join(dir, "fresh.db")
	run("restore", bk, "--db", fresh)
	if s := statsJSON(t, fresh); s != sb {
		t.Errorf("restored into a new file: %+v, want %+v", s, sb)
	}
	// Over the live store, serve still running.
	run("restore", "--db", db, bk)
	if err := sqlite.IntegrityCheck(ctx, db); err != nil {
		t.Fatal(err)
	}
	if s := statsJSON(t, db); s != sb {
		t.Errorf("restored over the live store: %+v, want %+v", s, sb)
	}
	if resp, err := http.Get(base + "/api/v1/stories"); err != nil || resp.StatusCode != http.StatusOK {
		t.Errorf("serve after the restore: %v %v", resp, err)
	} else {
		resp.Body.Close()
	}

	// A damaged backup is refused and the store left as it was.
	data, err := os.ReadFile(bk)
	if err != nil {
		t.Fatal(err)
	}
	for i := 4096 * 3; i < len(data) && i < 4096*40; i += 4096 {
		copy(data[i+100:i+400], strings.Repeat("\xff", 300))
	}
	bad := filepath.Join(dir, "bad.db")
	if err := os.WriteFile(bad, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "restore", "--db", db, bad).CombinedOutput()
	if err == nil || !strings.Contains(string(out), bad) {
		t.Errorf("restore of a damaged backup: %v %s", err, out)
	}
	if s := statsJSON(t, db); s != sb {
		t.Errorf("after the refused restore: %+v, want %+v", s, sb)
	}
}
