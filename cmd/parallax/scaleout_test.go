package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parallax/internal/clitest"
	"parallax/internal/model"
	"parallax/internal/queue/natsq/natstest"
	"parallax/internal/store/postgres/pgtest"
)

// TestScaleOut ingests the seeds, a repeat of one and a broken line into
// PostgreSQL through NATS JetStream (real servers) and checks that the
// outcome is the embedded default's: the same counts as SQLite with the
// in-process queue, one story of five articles, nothing added on a second
// run, `serve` listing the story, and nothing left in the shared stream.
func TestScaleOut(t *testing.T) {
	in, _, _ := seedsJSONL(t)
	data, err := os.ReadFile(in)
	if err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(string(data), "\n")
	var rec map[string]string
	if err := json.Unmarshal([]byte(first), &rec); err != nil {
		t.Fatal(err)
	}
	rec["id"] = "repeat" // same text: a duplicate by content hash
	repeat, _ := json.Marshal(rec)
	batch := string(data) + string(repeat) + "\n" + `{"id":"broken","text": "unterminated` + "\n"
	in = filepath.Join(t.TempDir(), "batch.jsonl")
	writeFile(t, in, batch)

	pg, ns := pgtest.Start(t), natstest.Start(t)
	db := pg.NewDatabase(t)
	want := ingestStats(t, "ingest", "--db", filepath.Join(t.TempDir(), "p.db"), in)
	got := ingestStats(t, "ingest", "--db", db, "--queue", ns.URL, in)
	if got != want {
		t.Errorf("PostgreSQL through NATS: %+v\nSQLite in-process:          %+v", got, want)
	}
	if got.Articles != 5 || got.Stories != 1 || got.Duplicates != 1 || got.Rejected != 1 {
		t.Errorf("stats = %+v, want 5 articles in 1 story, 1 duplicate, 1 rejected", got)
	}
	if again := ingestStats(t, "ingest", "--db", db, "--queue", ns.URL, in); again != got {
		t.Errorf("second run changed stats: %+v -> %+v", got, again)
	}

	base := startServe(t, clitest.Binary(t), db)
	var list struct {
		Stories []model.Story `json:"stories"`
	}
	if err := json.Unmarshal([]byte(getBody(t, base+"/api/v1/stories")), &list); err != nil {
		t.Fatal(err)
	}
	if len(list.Stories) != 1 || list.Stories[0].Articles != 5 {
		t.Errorf("serve on PostgreSQL lists %+v, want one story of 5 articles", list.Stories)
	}

	t.Setenv("PARALLAX_DB", db) // the environment names the store too
	if code, _, errs := runCmd(t, "", "feeds", "add", "https://news.example/rss"); code != 0 {
		t.Fatalf("feeds add exit %d: %s", code, errs)
	}
	if code, out, errs := runCmd(t, "", "feeds", "list"); code != 0 || !strings.Contains(out, "https://news.example/rss") {
		t.Errorf("feeds list exit %d: %s%s", code, out, errs)
	}

	natstest.AssertStreamEmpty(t, ns.URL, "parallax")
}

// guardTimeout bounds a request to a test server.
const guardTimeout = 10 * time.Second

// ingestStats runs an ingest command, then stats on the same --db.
func ingestStats(t *testing.T, args ...string) model.Stats {
	t.Helper()
	// Exit 1 with "the rest stored" is a batch with rejected inputs.
	if code, _, errs := runCmd(t, "", args...); code != 0 && !(code == 1 && strings.Contains(errs, "the rest stored")) {
		t.Fatalf("%s exit %d: %s", strings.Join(args, " "), code, errs)
	}
	var db string
	for i, a := range args {
		if a == "--db" {
			db = args[i+1]
		}
	}
	code, out, errs := runCmd(t, "", "stats", "--db", db, "--json")
	if code != 0 {
		t.Fatalf("stats exit %d: %s", code, errs)
	}
	var s model.Stats
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("stats output %q: %v", out, err)
	}
	return s
}

// TestQueueFlag: --queue takes only a NATS URL, and an unreachable one
// fails the command.
func TestQueueFlag(t *testing.T) {
	if _, err := openQueue(context.Background(), &env{}, "http://example.com"); err == nil {
		t.Error("openQueue accepted an http URL")
	}
	in := filepath.Join(t.TempDir(), "one.txt")
	writeFile(t, in, goodText)
	if code, _, errs := runCmd(t, "", "ingest", "--db", filepath.Join(t.TempDir(), "p.db"), "--queue", "nats://127.0.0.1:1", in); code != 1 || !strings.Contains(errs, "open queue") {
		t.Errorf("ingest with an unreachable queue: exit %d: %s", code, errs)
	}
	if got := redact("postgres://u:secret@db.example/p"); strings.Contains(got, "secret") {
		t.Errorf("redact kept the password: %s", got)
	}
}
