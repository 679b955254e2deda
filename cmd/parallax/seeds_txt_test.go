package main

import (
	"bytes"
	"context"
	"io"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"parallax/internal/shared"
	"parallax/internal/store/sqlite"
	"parallax/internal/web"
)

// TestSeedsTxtStoryPage ingests the seeds folder as the README shows
// (.txt files: no publication dates, no outlets but one "By" line) and
// reads the story page as a reader would: the header counts each article
// of unknown outlet as a source and says "undated" (never the ingest
// date, never "0 outlets"); the outlet the text names itself is used;
// the timeline says what it could not place; no row or column is named
// by an article id.
func TestSeedsTxtStoryPage(t *testing.T) {
	dir := shared.TestData(t, "seeds")
	db := filepath.Join(t.TempDir(), "p.db")
	if code, _, errs := runCmd(t, "", "ingest", "--db", db, dir); code != 0 {
		t.Fatalf("ingest exit %d: %s", code, errs)
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	stories, err := st.Stories(ctx, 10, 0)
	if err != nil || len(stories) != 1 {
		t.Fatalf("stories %+v, %v", stories, err)
	}
	s := stories[0]
	if !s.Undated || s.Outlets != 1 || s.NoOutlet != 4 || s.Sources() != 5 {
		t.Errorf("story %+v: want undated, 1 outlet (ShadowProof), 4 unknown, 5 sources", s)
	}
	arts, err := st.StoryArticles(ctx, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range arts {
		ids = append(ids, a.ID)
		if !a.Published.IsZero() || a.PublishedInferred {
			t.Errorf("%s: published %v (inferred %v): the seeds give no date", a.Origin, a.Published, a.PublishedInferred)
		}
		if strings.HasPrefix(filepath.Base(a.Origin), "002_") != (a.Source == "ShadowProof") {
			t.Errorf("%s: source %q; only 002 names itself (By ShadowProof)", a.Origin, a.Source)
		}
	}
	rec := httptest.NewRecorder()
	web.NewHandler(st, newLogger(&bytes.Buffer{})).ServeHTTP(rec, httptest.NewRequest("GET", "/stories/"+s.ID, nil))
	body, _ := io.ReadAll(rec.Body)
	page := string(body)
	if want := `<p class="kicker">5 articles · 5 sources, 4 of unknown outlet · undated</p>`; !strings.Contains(page, want) {
		t.Errorf("header: want %s, got %s", want, regexp.MustCompile(`<p class="kicker">.*?</p>`).FindString(page))
	}
	for _, bad := range []string{"0 outlets", time.Now().UTC().Format("2 Jan 2006"), "UNKNOWN OUTLET", `class="outlet">unknown outlet<`} {
		if strings.Contains(page, bad) {
			t.Errorf("story page shows %q", bad)
		}
	}
	if !regexp.MustCompile(`(?s)<section id="timeline">.*5 articles give no publication date, so \d+ dates in them could not be placed \(“`).MatchString(page) {
		t.Errorf("timeline section does not say what it could not place")
	}
	heads := regexp.MustCompile(`<th scope="(?:col|row)"[^>]*>([^<]*)</th>`).FindAllStringSubmatch(page, -1)
	if len(heads) == 0 {
		t.Fatal("no table headers on the story page")
	}
	for _, h := range heads {
		for _, id := range ids {
			if strings.Contains(h[1], id) {
				t.Errorf("table header %q names article id %s", h[1], id)
			}
		}
	}
	if !strings.Contains(page, `<th scope="row"><a href="/outlets/ShadowProof">ShadowProof</a></th>`) || !strings.Contains(page, "”, outlet unknown</th>") {
		t.Errorf("framing rows are not named by outlet (linked to its page) or title (not linked)")
	}
}

// TestSeedsTxtPlacedInInputOrder: undated inputs are placed in the order
// they were read, however parallel extraction ran (each input is dated
// when read, not when extracted), so the seeds' roundup always comes
// third and keeps only its passages about the story. Before, the order
// followed the workers' timing: one run in two the roundup was placed
// before its story held the article it was scored against.
func TestSeedsTxtPlacedInInputOrder(t *testing.T) {
	dir := shared.TestData(t, "seeds")
	ctx := context.Background()
	for run := range 4 {
		db := filepath.Join(t.TempDir(), "p.db")
		if code, _, errs := runCmd(t, "", "ingest", "--db", db, "--workers", "4", dir); code != 0 {
			t.Fatalf("run %d: ingest exit %d: %s", run, code, errs)
		}
		st, err := sqlite.Open(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		ids, err := st.ArticleIDs(ctx) // in the order stored, that is read
		if err != nil {
			t.Fatal(err)
		}
		var prev time.Time
		roundup := false
		for i, id := range ids {
			a, err := st.Article(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if i > 0 && !a.Fetched.After(prev) {
				t.Errorf("run %d: article %d (%s) dated %v, not after the one read before it (%v)", run, i, a.Origin, a.Fetched, prev)
			}
			prev = a.Fetched
			if strings.Contains(a.Origin, "002_") {
				roundup = true
				if len(a.Passages) == 0 {
					t.Errorf("run %d: the roundup %s has no passages", run, a.Origin)
				}
			}
		}
		if !roundup {
			t.Errorf("run %d: no roundup stored", run)
		}
		st.Close()
	}
}
