package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"parallax/internal/queue/natsq/natstest"
)

// TestPollerRole: the poller queues a feed's new articles on the shared
// stream instead of storing them; a worker stores them and the clusterer
// places them; a second poll queues nothing.
func TestPollerRole(t *testing.T) {
	srv := newsSite(t)
	ns := natstest.Start(t)
	t.Setenv("PARALLAX_QUEUE_STREAM", "pollertest")
	db := filepath.Join(t.TempDir(), "p.db")
	if code, _, errs := runCmd(t, "", "feeds", "--db", db, "add", srv.URL+"/feed.xml"); code != 0 {
		t.Fatalf("feeds add: %d %s", code, errs)
	}
	poll := func() string {
		code, _, errs := runCmd(t, "", "poller", "--db", db, "--queue", ns.URL, "--once", "--allow-private")
		if code != 0 {
			t.Fatalf("poller: exit %d: %s", code, errs)
		}
		return errs
	}
	if out := poll(); !strings.Contains(out, "2 new item(s) queued") {
		t.Fatalf("poller: %s", out)
	}
	if n := articleCount(t, db); n != 0 {
		t.Errorf("the poller stored %d articles itself", n)
	}
	if code, _, errs := runCmd(t, "", "worker", "--db", db, "--queue", ns.URL, "--drain"); code != 0 || !strings.Contains(errs, "new 2") {
		t.Fatalf("worker: exit %d: %s", code, errs)
	}
	if code, _, errs := runCmd(t, "", "clusterer", "--db", db, "--once"); code != 0 || !strings.Contains(errs, "clustered 2") {
		t.Fatalf("clusterer: exit %d: %s", code, errs)
	}
	if n := articleCount(t, db); n != 2 {
		t.Errorf("%d articles stored, want 2", n)
	}
	if out := poll(); !strings.Contains(out, "0 new item(s) queued") {
		t.Errorf("second poll: %s", out)
	}
	natstest.AssertStreamEmpty(t, ns.URL, "pollertest")
}

func articleCount(t *testing.T, db string) int {
	t.Helper()
	st, err := openStore(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s.Articles
}
