package crash_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"parallax/internal/clitest"
	"parallax/internal/store/sqlite"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// words is an invented vocabulary for articles that are all different.
var words = strings.Fields(`council river bridge harbour mayor budget school storm rail station
	police court judge hospital clinic museum library airport ferry tunnel market farmers union strike
	teachers nurses drivers workers engineers inspectors residents tenants voters officials reporters
	opened closed approved rejected delayed announced warned promised repaired flooded rebuilt raised
	north south east west old new small large local regional national coastal valley mountain island
	Monday Tuesday Wednesday Thursday Friday plan report vote fund road park square tower dam canal`)

// pollSite serves feeds of distinct articles with ETags, like a news site.
func pollSite(t *testing.T, site, feeds, perFeed int) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var f, i int
		switch {
		case r.URL.Path == "/robots.txt":
			http.NotFound(w, r)
		case strings.HasPrefix(r.URL.Path, "/feed/"):
			fmt.Sscanf(r.URL.Path, "/feed/%d.xml", &f)
			etag := fmt.Sprintf(`"s%df%d"`, site, f)
			if r.Header.Get("If-None-Match") == etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", etag)
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Site %d feed %d</title><link>/</link>`, site, f)
			for i := range perFeed {
				fmt.Fprintf(w, `<item><title>Site %d story %d-%d</title><link>/a/%d/%d</link><pubDate>Tue, 04 Mar 2025 0%d:00:00 GMT</pubDate></item>`, site, f, i, f, i, i)
			}
			fmt.Fprint(w, `</channel></rss>`)
		case strings.HasPrefix(r.URL.Path, "/a/"):
			fmt.Sscanf(r.URL.Path, "/a/%d/%d", &f, &i)
			rng := rand.New(rand.NewPCG(uint64(site), uint64(f*1000+i)))
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, `<!doctype html><html><head><title>Site %d story %d-%d</title></head><body><article><h1>Site %d story %d-%d</h1>`, site, f, i, site, f, i)
			for range 6 {
				var b strings.Builder
				for range 25 {
					b.WriteString(words[rng.IntN(len(words))] + " ")
				}
				fmt.Fprintf(w, "<p>%s.</p>", strings.TrimSpace(b.String()))
			}
			fmt.Fprint(w, `</article></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestPollCrashResume SIGKILLs `parallax poll` while it follows 18 feeds,
// polls again, and finds every article stored exactly once and every
// feed's state (ETag, last poll) kept.
func TestPollCrashResume(t *testing.T) {
	t.Parallel() // a subprocess test: runs beside the other heavy ones
	const sites, feeds, perFeed = 6, 3, 4
	bin := clitest.Binary(t)
	db := filepath.Join(t.TempDir(), "p.db")
	args := []string{"feeds", "--db", db, "add"}
	for s := range sites {
		srv := pollSite(t, s, feeds, perFeed)
		for f := range feeds {
			args = append(args, fmt.Sprintf("%s/feed/%d.xml", srv.URL, f))
		}
	}
	if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		t.Fatalf("feeds add: %v\n%s", err, out)
	}
	total := sites * feeds * perFeed

	cmd := exec.Command(bin, "poll", "--db", db, "--allow-private", "--workers", "6")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	killed := false
	for deadline := time.Now().Add(3 * time.Minute); time.Now().Before(deadline) && !killed; {
		select {
		case err := <-done:
			t.Fatalf("poll exited by itself: %v", err)
		case <-time.After(200 * time.Millisecond):
		}
		if s := clitest.Stats(t, bin, db); s.Articles >= total/3 {
			_ = cmd.Process.Signal(syscall.SIGKILL)
			<-done
			killed = true
			t.Logf("killed with %d of %d articles stored", s.Articles, total)
		}
	}
	if !killed {
		t.Fatal("poll stored too little to be killed mid-way")
	}
	// Resume: poll until every feed has been polled successfully.
	for round := 0; round < 5; round++ {
		if out, err := exec.Command(bin, "poll", "--db", db, "--once", "--allow-private", "--workers", "6").CombinedOutput(); err != nil {
			t.Fatalf("poll --once: %v\n%s", err, out)
		}
		if clitest.Stats(t, bin, db).Articles >= total {
			break
		}
	}
	if s := clitest.Stats(t, bin, db); s.Articles != total || s.Duplicates != 0 {
		t.Errorf("after the crash: %+v, want %d articles each stored once", s, total)
	}
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	fs, err := st.Feeds(context.Background())
	if err != nil || len(fs) != sites*feeds {
		t.Fatalf("feeds: %d, %v", len(fs), err)
	}
	for _, f := range fs {
		if f.ETag == "" || f.LastPoll.IsZero() || f.Errors != 0 {
			t.Errorf("feed %s lost its state: etag %q, last poll %v, errors %d (%s)", f.URL, f.ETag, f.LastPoll, f.Errors, f.LastError)
		}
	}
	pending, _ := st.PendingArticles(context.Background())
	if len(pending) != 0 {
		t.Errorf("%d articles left unclustered", len(pending))
	}
}
