package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"parallax/internal/clitest"
	"parallax/internal/store/sqlite"
)

// synthJSONL writes n invented articles, distinct and in a few topics, as
// JSONL, and returns its path.
func synthJSONL(t testing.TB, dir, name string, n, seed int) string {
	t.Helper()
	places := []string{"Harbor City", "Elm Valley", "North Ridge", "Lake Town", "Stone Bay", "Pine Hill"}
	topics := [][]string{
		{"bridge", "engineers", "repairs", "traffic", "council", "inspection"},
		{"storm", "flooding", "rain", "residents", "shelters", "rescue"},
		{"election", "candidates", "votes", "ballots", "campaign", "turnout"},
		{"school", "teachers", "budget", "pupils", "board", "strike"},
	}
	r := rand.New(rand.NewPCG(uint64(seed), 7))
	var b strings.Builder
	for i := range n {
		words := topics[i%len(topics)]
		place := places[r.IntN(len(places))]
		var text strings.Builder
		for s := range 12 {
			fmt.Fprintf(&text, "The %s in %s drew %d %s on %s, officials said in report %d-%d. ", words[r.IntN(6)], place,
				r.IntN(900)+10, words[r.IntN(6)], []string{"Monday", "Tuesday", "Friday"}[r.IntN(3)], i, s)
			if s%4 == 3 {
				text.WriteString("\n\n")
			}
		}
		rec, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("syn-%d-%d", seed, i), "title": fmt.Sprintf("%s %s update %d", place, words[0], i),
			"source": fmt.Sprintf("outlet%d.example", i%5), "published": fmt.Sprintf("2024-03-%02d", 1+i%28), "text": text.String()})
		b.Write(rec)
		b.WriteByte('\n')
	}
	p := filepath.Join(dir, name)
	writeFile(t.(*testing.T), p, b.String())
	return p
}

// TestDiskFull: ingest in a child whose file size limit (RLIMIT_FSIZE)
// stops the store from growing fails with an error naming the store,
// leaves it intact, and the same command completes once the limit is
// lifted.
func TestDiskFull(t *testing.T) {
	prlimit, err := exec.LookPath("prlimit")
	if err != nil {
		t.Skip("prlimit (util-linux) not installed")
	}
	bin := clitest.Binary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	in := synthJSONL(t, dir, "in.jsonl", 150, 1)
	if out, err := exec.Command(bin, "stats", "--db", db).CombinedOutput(); err != nil {
		t.Fatalf("create store: %v %s", err, out)
	}
	fi, err := os.Stat(db)
	if err != nil {
		t.Fatal(err)
	}
	limit := fi.Size() + 128<<10
	cmd := exec.Command(prlimit, fmt.Sprintf("--fsize=%d", limit), bin, "ingest", "--db", db, in)
	out, err := cmd.CombinedOutput()
	code := cmd.ProcessState.ExitCode()
	if code != 1 || !strings.Contains(string(out), "store "+db+" is full") || !strings.Contains(string(out), "run the same command again") {
		t.Fatalf("ingest over the limit: exit %d (%v), want 1 and an error naming the store:\n%s", code, err, tail(string(out), 2000))
	}
	if err := sqlite.IntegrityCheck(context.Background(), db); err != nil {
		t.Fatalf("after the failure: %v", err)
	}
	st, err := openStore(context.Background(), db)
	if err != nil {
		t.Fatalf("open after the failure: %v", err)
	}
	s1, _ := st.Stats(context.Background())
	pending, err := st.PendingArticles(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range pending { // every stored article is whole
		full, err := st.Article(context.Background(), a.ID)
		if err != nil || full.Text == "" || !strings.HasPrefix(full.ID, "syn-1-") {
			t.Errorf("article %s after the failure: %v %+v", a.ID, err, full)
		}
	}
	st.Close()
	if s1.Articles >= 150 {
		t.Fatalf("the limit did not stop the ingest: %+v", s1)
	}
	out, err = exec.Command(bin, "ingest", "--db", db, in).CombinedOutput()
	if err != nil {
		t.Fatalf("the same command without the limit: %v\n%s", err, tail(string(out), 2000))
	}
	if err := sqlite.IntegrityCheck(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	s2 := statsJSON(t, db)
	if s2.Articles != 150 || s2.Stories == 0 || s2.Rejected != 0 {
		t.Errorf("after the rerun: %+v (before it: %+v)", s2, s1)
	}
	t.Logf("limit %d bytes: %d articles stored before the failure, %d after the rerun", limit, s1.Articles, s2.Articles)
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}
