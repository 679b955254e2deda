package pipeline

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"parallax/internal/extract"
	"parallax/internal/ingest/files"
	"parallax/internal/queue/memory"
	"parallax/internal/store/sqlite"
)

var now = time.Date(2024, 3, 5, 12, 0, 0, 0, time.UTC)

const body = "The city council approved on Tuesday a plan to build a new bridge over the river, the mayor said.\n\n" +
	"Construction is expected to start next spring and to last two years, according to the engineering department.\n\n" +
	"\"This bridge will connect two neighbourhoods,\" the mayor said."

func TestPrepare(t *testing.T) {
	page := "<html lang=\"en\"><head><title>Bridge approved | City Wire</title>" +
		"<meta property=\"og:title\" content=\"Bridge approved\">" +
		"<link rel=\"canonical\" href=\"https://www.citywire.example/news/bridge?utm_source=x\"></head>" +
		"<body><nav>Home News Sport</nav><article><h1>Bridge approved</h1><p>" +
		strings.ReplaceAll(body, "\n\n", "</p><p>") + "</p></article></body></html>"
	tests := []struct {
		name      string
		item      files.Item
		wantID    string
		wantTitle string
		wantSrc   string
		wantURL   string
		wantErr   error
	}{
		{name: "RecordWins", item: files.Item{Origin: "a.jsonl:1", Kind: files.Record, Rec: &files.Rec{
			ID: "r1", Title: "Given title", Source: "Given Source", URL: "https://example.com/a?utm_medium=x", Text: body, Published: now}},
			wantID: "r1", wantTitle: "Given title", wantSrc: "Given Source", wantURL: "https://example.com/a"},
		{name: "SourceFromURL", item: files.Item{Origin: "a.jsonl:2", Kind: files.Record, Rec: &files.Rec{
			URL: "https://www.example.org/x", Text: body}},
			wantSrc: "example.org", wantURL: "https://example.org/x"},
		{name: "SourcePortDropped", item: files.Item{Origin: "a.jsonl:4", Kind: files.Record, Rec: &files.Rec{
			Source: "wfaa.com:80", URL: "http://www.wfaa.com:80/story/1", Text: body}},
			wantSrc: "wfaa.com"},
		{name: "HTMLPage", item: files.Item{Origin: "page.html", Kind: files.HTML, Data: []byte(page)},
			wantTitle: "Bridge approved", wantURL: "https://citywire.example/news/bridge"},
		{name: "ShortTextKept", item: files.Item{Origin: "a.jsonl:3", Kind: files.Record, Rec: &files.Rec{
			ID: "short", Text: "Police said a man was shot on Main Street on Tuesday night."}}, wantID: "short"},
		{name: "InputError", item: files.Item{Origin: "x.txt", Err: fmt.Errorf("x.txt: %w", files.ErrEmpty)}, wantErr: files.ErrEmpty},
		{name: "NoText", item: files.Item{Origin: "y.html", Kind: files.HTML, Data: []byte("<html><body><script>x()</script></body></html>")}, wantErr: extract.ErrNoText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Prepare(tt.item, now)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) && !errors.Is(err, ErrNoText) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				if !strings.Contains(err.Error(), tt.item.Origin) {
					t.Errorf("error %q does not name %s", err, tt.item.Origin)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.wantID != "" && a.ID != tt.wantID {
				t.Errorf("ID = %q, want %q", a.ID, tt.wantID)
			}
			if tt.wantID == "" && !strings.HasPrefix(a.ID, "a") {
				t.Errorf("derived ID = %q", a.ID)
			}
			if tt.wantTitle != "" && a.Title != tt.wantTitle {
				t.Errorf("Title = %q, want %q", a.Title, tt.wantTitle)
			}
			if tt.wantSrc != "" && a.Source != tt.wantSrc {
				t.Errorf("Source = %q, want %q", a.Source, tt.wantSrc)
			}
			if tt.wantURL != "" && a.CanonicalURL != tt.wantURL {
				t.Errorf("CanonicalURL = %q, want %q", a.CanonicalURL, tt.wantURL)
			}
			if a.ContentHash == "" || a.Text == "" || a.Origin != tt.item.Origin || !a.Fetched.Equal(now) {
				t.Errorf("article = %+v", a)
			}
			if strings.Contains(a.Text, "Home News Sport") {
				t.Errorf("navigation kept in %q", a.Text)
			}
		})
	}
}

func TestWireItemRoundTrip(t *testing.T) {
	in := files.Item{Origin: "f.jsonl:3", Kind: files.Record, Warn: []string{"w"},
		Rec: &files.Rec{ID: "x", Text: "t", Published: now}}
	b, err := encodeItem(7, in)
	if err != nil {
		t.Fatal(err)
	}
	seq, out, err := decodeItem(b)
	if err != nil || seq != 7 || out.Origin != in.Origin || !out.Rec.Published.Equal(now) || out.Warn[0] != "w" {
		t.Fatalf("round trip: %d %+v %v", seq, out, err)
	}
	bad := files.Item{Origin: "e.txt", Err: fmt.Errorf("e.txt: %w", files.ErrBinary)}
	b, _ = encodeItem(8, bad)
	_, out, _ = decodeItem(b)
	if out.Err == nil || out.Err.Error() != bad.Err.Error() || Reason(out.Err) != files.ErrBinary.Error() {
		t.Fatalf("error lost in transit: %v (reason %q)", out.Err, Reason(out.Err))
	}
}

func TestSequencerOrder(t *testing.T) {
	s := newSequencer(context.Background())
	var (
		mu  sync.Mutex
		got []int64
		wg  sync.WaitGroup
	)
	for i := int64(9); i >= 0; i-- {
		wg.Add(1)
		go func(n int64) {
			defer wg.Done()
			if !s.wait(context.Background(), n) {
				t.Error("wait failed")
				return
			}
			mu.Lock()
			got = append(got, n)
			mu.Unlock()
			s.done(n)
		}(i)
	}
	wg.Wait()
	for i, n := range got {
		if int64(i) != n {
			t.Fatalf("order %v", got)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	s2 := newSequencer(ctx)
	done := make(chan bool)
	go func() { done <- s2.wait(ctx, 5) }()
	cancel()
	if <-done {
		t.Fatal("wait returned true after cancel")
	}
}

// TestIngestIdempotent runs a batch twice through a real SQLite store: the
// second run adds nothing, and duplicates inside a batch resolve to the
// first input.
func TestIngestIdempotent(t *testing.T) {
	ctx := context.Background()
	st := openTestStore(t)
	p := newTestPipeline(t, st)
	items := []files.Item{
		{Origin: "b:1", Kind: files.Record, Rec: &files.Rec{ID: "one", Text: body, Published: now}},
		{Origin: "b:2", Kind: files.Record, Rec: &files.Rec{ID: "copy", Text: strings.ToUpper(body), Published: now}},
		{Origin: "b:3", Kind: files.Record, Rec: &files.Rec{ID: "two", Text: "Storm closes schools across the county as heavy snow falls on Monday.\n\nOfficials said schools would reopen on Wednesday.", Published: now}},
		{Origin: "b:4", Err: fmt.Errorf("b:4: %w", files.ErrJSON)},
	}
	walk := func(emit func(files.Item) error) error {
		for _, it := range items {
			if err := emit(it); err != nil {
				return err
			}
		}
		return nil
	}
	for run := 0; run < 2; run++ {
		sum, err := p.Ingest(ctx, memory.New(memory.Options{}), walk, 3, nil)
		if err != nil {
			t.Fatal(err)
		}
		wantAdded, wantDup := 2, 1
		if run == 1 {
			wantAdded, wantDup = 0, 3
		}
		if sum.Read != 4 || sum.Added != wantAdded || sum.Duplicate != wantDup || sum.Rejected != 1 {
			t.Errorf("run %d: summary %+v", run, sum)
		}
	}
	s, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if s.Articles != 2 || s.Duplicates != 1 || s.Rejected != 1 || s.Stories < 1 {
		t.Errorf("stats %+v", s)
	}
	if _, err := st.Article(ctx, "one"); err != nil {
		t.Errorf("the first of two identical inputs should win: %v", err)
	}
	if pending, _ := st.PendingArticles(ctx); len(pending) != 0 {
		t.Errorf("%d articles left unclustered", len(pending))
	}
	if stale, _ := st.StaleStories(ctx); len(stale) != 0 {
		t.Errorf("%d briefs left stale", len(stale))
	}
}

// TestTwoWritersShareStories: a pipeline (a running `serve`) catches up
// with stories another one (an `ingest` beside it) made in the same store,
// so a later article on the same story joins it instead of opening another.
func TestTwoWritersShareStories(t *testing.T) {
	ctx := context.Background()
	st := openTestStore(t)
	serve, ingest := newTestPipeline(t, st), newTestPipeline(t, st)
	story := func(id, lead string, at time.Time) files.Item {
		return files.Item{Origin: id, Kind: files.Record, Rec: &files.Rec{ID: id, Source: id + ".example", Published: at,
			Title: "Riverside council approves Elm Street bridge",
			Text: lead + " The Riverside city council approved a plan to build the Elm Street bridge over the Maple river, mayor Ana Ruiz said.\n\n" +
				"Construction of the Elm Street bridge in Riverside is expected to start next spring, according to the engineering department."}}
	}
	for _, it := range []files.Item{story("w1", "On Tuesday:", now), story("w2", "Big news.", now.Add(time.Hour))} {
		if _, err := ingest.Add(ctx, it); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := ingest.Settle(ctx); err != nil {
		t.Fatal(err)
	}
	w1, err := st.Article(ctx, "w1")
	if err != nil || w1.StoryID == "" {
		t.Fatalf("w1 not clustered: %+v %v", w1, err)
	}
	w3item := story("w3", "", now.Add(2*time.Hour))
	w3item.Rec.Text = "Work on the Elm Street bridge in Riverside will begin in April, mayor Ana Ruiz told the Riverside council on Wednesday.\n\n" +
		"The bridge over the Maple river will cost 12 million dollars, and the council expects the Elm Street crossing to open in two years."
	if o, err := serve.Add(ctx, w3item); err != nil || o.Status != Added {
		t.Fatalf("w3: %+v %v", o, err)
	}
	if _, _, err := serve.Settle(ctx); err != nil {
		t.Fatal(err)
	}
	w3, err := st.Article(ctx, "w3")
	if err != nil {
		t.Fatal(err)
	}
	if w3.StoryID != w1.StoryID {
		t.Errorf("w3 in story %q, want the other writer's %q", w3.StoryID, w1.StoryID)
	}
}

// openTestStore opens a SQLite store in a temporary folder, closed at the
// end of the test.
func openTestStore(t *testing.T) *sqlite.DB {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// newTestPipeline builds a pipeline over st whose clock stands at now.
func newTestPipeline(t *testing.T, st *sqlite.DB) *Pipeline {
	t.Helper()
	opts := DefaultOptions()
	opts.Now = func() time.Time { return now }
	p, err := New(context.Background(), st, opts, nil)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
