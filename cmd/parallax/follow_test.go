package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"parallax/internal/clitest"
	"parallax/internal/follow"
	"parallax/internal/web/webtest"
)

// hookCall is one webhook call received.
type hookCall struct {
	body []byte
	sig  string
}

// TestServeFollowWebhook runs the whole program: a store made from the
// head of the dev set and the seeds, `parallax serve` (--allow-private, so that it may call a local
// receiver), a saved search with a webhook added through the API with a
// key from `parallax apikey create`, then a new article ingested by a
// separate `parallax ingest`. The search's Atom feed from serve gains the
// article (entry id stable, parsed by gofeed), /follows counts it as new,
// the receiver gets it signed with the follow's secret, and the story
// page's pictures render, labelled, in headless Chromium.
func TestServeFollowWebhook(t *testing.T) {
	in, _, _ := seedsJSONL(t)
	bin := clitest.Binary(t)
	// A store made from the dev files (the head of the cluster dev set) and
	// the seeds, as a reader's store would hold many stories.
	db := devStore(t, bin, devStoreLines)
	if out, err := exec.Command(bin, "ingest", "--db", db, in).CombinedOutput(); err != nil {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "apikey", "create", "tests", "--db", db).Output()
	if err != nil {
		t.Fatalf("apikey: %v", err)
	}
	key := strings.TrimSpace(string(out))
	calls := make(chan hookCall, 4)
	rcv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		calls <- hookCall{b, r.Header.Get(follow.SignatureHeader)}
	}))
	defer rcv.Close()
	base := startServe(t, bin, db, "--allow-private")

	body := `{"name":"Ferry","kind":"search","target":"quillbarrow ferry","webhook_url":"` + rcv.URL + `/hook","webhook_secret":"t0ps3cret"}`
	req, _ := http.NewRequest("POST", base+"/api/v1/follows", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+key)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusCreated {
		t.Fatalf("add follow: %d", res.StatusCode)
	}
	feed := base + "/search.atom?q=quillbarrow+ferry"
	if ids := atomIDs(t, feed); len(ids) != 0 {
		t.Fatalf("feed before the ingest: %v", ids)
	}

	// The new article, invented for this test, ingested by another process.
	art := filepath.Join(t.TempDir(), "new.jsonl")
	line := `{"id":"ferry-1","source":"Harbour Gazette","title":"Quillbarrow ferry runs aground in fog","published":"2016-10-05",` +
		`"text":"The Quillbarrow ferry ran aground in thick fog on Wednesday morning, the harbour master said.\n\nAll 48 passengers were brought ashore by lifeboat crews.\n\nThe ferry operator said services would resume on Friday."}` + "\n"
	if err := os.WriteFile(art, []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(bin, "ingest", "--db", db, art).CombinedOutput(); err != nil {
		t.Fatalf("ingest of the new article: %v\n%s", err, out)
	}
	// The new article and the story it made.
	want := []string{"urn:parallax:story:s-ferry-1", "urn:parallax:article:ferry-1"}
	if ids := atomIDs(t, feed); !slices.Equal(ids, want) {
		t.Errorf("feed after the ingest: %v, want %v", ids, want)
	}
	select {
	case c := <-calls:
		if !follow.Verify(c.body, "t0ps3cret", c.sig) {
			t.Errorf("webhook signature %q does not check", c.sig)
		}
		var p follow.Payload
		if err := json.Unmarshal(c.body, &p); err != nil || p.Follow.Name != "Ferry" || len(p.Entries) != 2 ||
			p.Entries[1].ID != want[1] || p.Entries[1].URL != base+"/articles/ferry-1" || p.Entries[0].ID != want[0] {
			t.Errorf("webhook payload %s (%v)", c.body, err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("no webhook call within 30 s")
	}
	if page := getBody(t, base+"/follows"); !strings.Contains(page, "2 new entries") {
		t.Errorf("/follows does not count the new entry")
	}

	var list struct {
		Stories []struct{ ID string } `json:"stories"`
	}
	if err := json.Unmarshal([]byte(getBody(t, base+"/api/v1/stories")), &list); err != nil || len(list.Stories) == 0 {
		t.Fatalf("stories: %v", err)
	}
	var story string
	for _, s := range list.Stories {
		if s.ID != "" && !strings.Contains(getBody(t, base+"/stories/"+s.ID), "Quillbarrow") {
			story = s.ID // a story of the dev set or the seeds
			break
		}
	}
	dom := webtest.Chromium(t, base+"/stories/"+story)
	for _, id := range []string{"coverage-chart", "timeline-chart", "facts-chart"} {
		re := regexp.MustCompile(`<svg [^>]*id="` + id + `"[^>]*role="img"[^>]*aria-labelledby="` + id + `-t ` + id + `-d"[^>]*><title id="` + id + `-t">[^<]+</title><desc id="` + id + `-d">[^<]+</desc>`)
		if !re.MatchString(dom) {
			t.Errorf("rendered story page lacks a labelled %s", id)
		}
	}
	if ids := atomIDs(t, base+"/stories/"+story+".atom"); len(ids) == 0 || !strings.HasPrefix(ids[0], "urn:parallax:story:"+story+":event:") {
		t.Errorf("story feed: %v", ids)
	}
}

// atomIDs fetches an Atom feed, parses it with gofeed and returns its
// entry ids.
func atomIDs(t *testing.T, url string) []string {
	t.Helper()
	f, err := gofeed.NewParser().ParseString(getBody(t, url))
	if err != nil || f.FeedType != "atom" {
		t.Fatalf("%s: %v", url, err)
	}
	var ids []string
	for _, it := range f.Items {
		ids = append(ids, it.GUID)
	}
	return ids
}
