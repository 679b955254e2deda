package main

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"parallax/internal/model"
	"parallax/internal/store/sqlite"
)

// TestSeedsRoundupPassages (issue #6): the seeds, ingested with their GOLD
// dates through the stored pipeline, make one story of five articles in
// the two GOLD events; the roundup (seed 002) is stored with passages that
// hold its GOLD on-story lines but not all of its text, and no brief text
// comes from its GOLD off-story lines.
func TestSeedsRoundupPassages(t *testing.T) {
	in, g, lines := seedsJSONL(t)
	db := filepath.Join(t.TempDir(), "p.db")
	if code, _, errs := runCmd(t, "", "ingest", "--db", db, in); code != 0 {
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
		t.Fatalf("stories = %v, %v; want one", stories, err)
	}
	_, b, refs, err := st.Story(ctx, stories[0].ID)
	if err != nil || b == nil || len(refs) != 5 {
		t.Fatalf("story: brief %v, %d articles, err %v; want a brief and 5 articles", b, len(refs), err)
	}
	gold := map[string]string{} // seed id -> GOLD event
	var on, off [][]int         // 002's on-story and off-story lines
	for _, d := range g.Documents {
		gold[d.File[:3]] = d.Event
		if d.File[:3] == "002" {
			on, off = d.OnStory, d.OffStory
		}
	}
	event := map[string]string{}
	for _, r := range refs {
		event[r.ID] = r.EventID
	}
	for id := range gold {
		for other := range gold {
			if same := event[id] == event[other]; same != (gold[id] == gold[other]) {
				t.Errorf("%s (%s) and %s (%s): same event %v, GOLD says %v", id, event[id], other, event[other], same, !same)
			}
		}
	}

	arts, err := st.StoryArticles(ctx, stories[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	roundup := storedRoundup(t, arts, refs, "002")
	story := norm(roundup.StoryText())
	for n, l := range lines["002"] {
		if inRanges(n+1, on) && len(norm(l)) >= 40 && !strings.Contains(story, norm(l)) {
			t.Errorf("002's passages lack on-story line %d: %.60q", n+1, l)
		}
	}
	if len(outsidePassages(roundup)) == 0 {
		t.Fatalf("no line of 002 lies outside its passages %v", roundup.Passages)
	}
	var outside []string // GOLD's off-story lines of 002
	for n, l := range lines["002"] {
		if inRanges(n+1, off) && len(norm(l)) >= 15 {
			outside = append(outside, norm(l))
		}
	}
	if len(outside) == 0 {
		t.Fatal("GOLD gives no off-story line for 002")
	}
	for _, text := range briefTexts(b) {
		key := norm(text)
		if len(key) > 60 {
			key = key[:60]
		}
		if len(key) < 15 {
			continue
		}
		for _, l := range outside {
			if strings.Contains(l, key) {
				t.Errorf("brief text %q comes from an off-story line of 002: %.80q", text, l)
			}
		}
	}
	checkSeedBrief(t, b, lines)
}

// storedRoundup returns article id of a story's articles, checking that
// it alone has passages and that Story's refs give the same ones.
func storedRoundup(t *testing.T, arts []*model.Article, refs []model.ArticleRef, id string) *model.Article {
	t.Helper()
	var roundup *model.Article
	for _, a := range arts {
		if a.ID == id {
			roundup = a
		} else if a.Passages != nil {
			t.Errorf("%s is stored with passages %v; only the roundup has some", a.ID, a.Passages)
		}
	}
	if roundup == nil || len(roundup.Passages) == 0 {
		t.Fatalf("roundup %s stored without passages: %+v", id, roundup)
	}
	for _, r := range refs {
		if r.ID == id && !slices.Equal(r.Passages, roundup.Passages) {
			t.Errorf("Story refs give %s passages %v, StoryArticles %v", id, r.Passages, roundup.Passages)
		}
	}
	return roundup
}

// outsidePassages returns the lines of a's text that no passage touches,
// normalised by norm.
func outsidePassages(a *model.Article) []string {
	var out []string
	for at := 0; at < len(a.Text); {
		end := strings.IndexByte(a.Text[at:], '\n')
		if end < 0 {
			end = len(a.Text)
		} else {
			end += at
		}
		in := false
		for _, p := range a.Passages {
			in = in || (at < p.End && end > p.Start)
		}
		if l := norm(a.Text[at:end]); !in && l != "" {
			out = append(out, l)
		}
		at = end + 1
	}
	return out
}

// briefTexts returns the brief's summary, timeline, quote, consensus and
// single-source texts.
func briefTexts(b *model.Brief) []string {
	var texts []string
	for _, s := range b.Summary {
		texts = append(texts, s.Text)
	}
	for _, s := range b.Timeline {
		texts = append(texts, s.Text)
	}
	for _, s := range b.Quotes {
		texts = append(texts, s.Text)
	}
	for _, s := range b.Consensus {
		texts = append(texts, s.Text)
	}
	for _, s := range b.SingleSource {
		texts = append(texts, s.Text)
	}
	return texts
}
