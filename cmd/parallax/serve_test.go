package main

import (
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parallax/internal/clitest"
	"parallax/internal/web/webtest"
)

// freeAddr returns a loopback address with a port that was free a moment ago.
func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// startServe runs `parallax serve` on db (with extra flags) and waits
// until it answers.
func startServe(t *testing.T, bin, db string, extra ...string) string {
	t.Helper()
	addr := freeAddr(t)
	cmd := exec.Command(bin, append([]string{"serve", "--db", db, "--addr", addr, "--no-poll"}, extra...)...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	base := "http://" + addr
	for i := 0; i < 200; i++ {
		if resp, err := http.Get(base + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return base
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("serve did not come up on %s", addr)
	return ""
}

func getBody(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d %s", url, resp.StatusCode, b)
	}
	return string(b)
}

// TestServeStoryPageChromium ingests the seeds, starts `parallax serve`,
// and renders the story page in real headless Chromium.
func TestServeStoryPageChromium(t *testing.T) {
	in, _, _ := seedsJSONL(t)
	bin := clitest.Binary(t)
	db := filepath.Join(t.TempDir(), "p.db")
	if out, err := exec.Command(bin, "ingest", "--db", db, in).CombinedOutput(); err != nil {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
	base := startServe(t, bin, db)
	var list struct {
		Stories []struct {
			ID       string `json:"id"`
			Title    string `json:"title"`
			Articles int    `json:"articles"`
		} `json:"stories"`
	}
	if err := json.Unmarshal([]byte(getBody(t, base+"/api/v1/stories")), &list); err != nil {
		t.Fatal(err)
	}
	if len(list.Stories) != 1 || list.Stories[0].Articles != 5 {
		t.Fatalf("stories = %+v", list.Stories)
	}
	var story struct {
		Title   string `json:"title"`
		Summary []struct {
			Text string `json:"text"`
		} `json:"summary"`
		Timeline []struct {
			Date string `json:"date"`
		} `json:"timeline"`
		Entities []struct {
			Name string `json:"name"`
		} `json:"entities"`
		Quotes []struct {
			Speaker string `json:"speaker"`
		} `json:"quotes"`
		Consensus []struct {
			Text string `json:"text"`
		} `json:"consensus"`
	}
	if err := json.Unmarshal([]byte(getBody(t, base+"/api/v1/stories/"+list.Stories[0].ID)), &story); err != nil {
		t.Fatal(err)
	}
	if len(story.Summary) == 0 {
		t.Fatal("API story has no summary")
	}
	dom := webtest.Chromium(t, base+"/stories/"+list.Stories[0].ID)
	text := strings.Join(strings.Fields(dom), " ")
	first := strings.Join(strings.Fields(story.Summary[0].Text), " ")
	if len(first) > 40 {
		first = first[:40]
	}
	if len(story.Entities) == 0 || len(story.Quotes) == 0 || len(story.Consensus) == 0 {
		t.Fatalf("API brief lacks entities, quotes or consensus: %d %d %d", len(story.Entities), len(story.Quotes), len(story.Consensus))
	}
	wants := []string{"Timeline", "Actors", "Quotes", "Source comparison", first,
		story.Entities[0].Name, story.Quotes[0].Speaker, "28 September 2016", "3 October 2016"}
	for _, want := range wants {
		if want != "" && !strings.Contains(unescape(text), want) {
			t.Errorf("rendered story page lacks %q", want)
		}
	}
}

// TestServeEscapesScript: a <script> in an article's title or text never
// reaches a page unescaped.
func TestServeEscapesScript(t *testing.T) {
	bin := clitest.Binary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	evil := `{"id":"x1","url":"javascript:alert(1)","source":"<script>alert('src')</script>","title":"Storm <script>alert('title')</script> hits coast","text":"A storm hit the coast on Monday. <script>alert('text')</script> Officials said damage was heavy.\n\nResidents were told to stay indoors until the winds eased.","published":"2024-03-04"}`
	in := filepath.Join(dir, "evil.jsonl")
	writeFile(t, in, evil+"\n")
	if out, err := exec.Command(bin, "ingest", "--db", db, in).CombinedOutput(); err != nil {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
	base := startServe(t, bin, db)
	var list struct {
		Stories []struct{ ID string } `json:"stories"`
	}
	_ = json.Unmarshal([]byte(getBody(t, base+"/api/v1/stories")), &list)
	if len(list.Stories) != 1 {
		t.Fatalf("stories: %+v", list)
	}
	for _, page := range []string{"/", "/stories/" + list.Stories[0].ID, "/articles/x1"} {
		body := getBody(t, base+page)
		if strings.Contains(body, "<script>alert") {
			t.Errorf("%s contains an unescaped script", page)
		}
		if strings.Contains(body, `href="javascript:`) {
			t.Errorf("%s links to a javascript: URL", page)
		}
	}
}

func unescape(s string) string {
	r := strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&#34;", `"`, "&#39;", "'", "&quot;", `"`)
	return r.Replace(s)
}

// TestServeFollowsFeeds: `parallax serve` polls the followed feeds and the
// new articles reach the UI and API without a restart.
func TestServeFollowsFeeds(t *testing.T) {
	bin := clitest.Binary(t)
	srv := newsSite(t)
	db := filepath.Join(t.TempDir(), "p.db")
	if out, err := exec.Command(bin, "feeds", "--db", db, "add", srv.URL+"/feed.xml").CombinedOutput(); err != nil {
		t.Fatalf("feeds add: %v\n%s", err, out)
	}
	addr := freeAddr(t)
	cmd := exec.Command(bin, "serve", "--db", db, "--addr", addr, "--allow-private")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	base := "http://" + addr
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		time.Sleep(500 * time.Millisecond)
		resp, err := http.Get(base + "/api/v1/stories")
		if err != nil {
			continue
		}
		var list struct {
			Stories []struct {
				ID       string `json:"id"`
				Articles int    `json:"articles"`
			} `json:"stories"`
		}
		err = json.NewDecoder(resp.Body).Decode(&list)
		resp.Body.Close()
		n := 0
		for _, s := range list.Stories {
			n += s.Articles
		}
		if err == nil && n == 2 {
			page := getBody(t, base+"/")
			if !strings.Contains(page, "Story /news/") {
				t.Errorf("story list page does not show the polled articles")
			}
			return
		}
	}
	t.Fatal("the feed's articles never reached the API")
}
