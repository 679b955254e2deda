package brief

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"parallax/internal/model"
	"parallax/internal/nlp/token"
	"parallax/internal/shared"
)

// seedGold is the part of seeds/GOLD.json these tests use.
type seedGold struct {
	Documents []struct {
		File      string   `json:"file"`
		Published string   `json:"published"`
		TitleLine int      `json:"title_line"`
		BodyLines [][2]int `json:"body_lines"`
	} `json:"documents"`
	Timeline []struct {
		Date    string   `json:"date"`
		Fact    string   `json:"fact"`
		Sources []string `json:"sources"`
	} `json:"timeline"`
	Consensus []struct {
		Fact    string   `json:"fact"`
		Sources []string `json:"sources"`
	} `json:"consensus_facts"`
	Single []struct {
		Claim  string `json:"claim"`
		Source string `json:"source"`
	} `json:"single_source_claims"`
}

// seedArticles builds the seed articles from their GOLD body lines: ids
// "000".."004", one outlet each.
func seedArticles(t testing.TB) ([]*model.Article, seedGold) {
	seeds, raw := shared.Seeds(t)
	var g seedGold
	if err := json.Unmarshal(raw, &g); err != nil {
		t.Fatal(err)
	}
	var docs []*model.Article
	for k, d := range seeds {
		pub, err := time.Parse("2006-01-02", d.Published)
		if err != nil {
			t.Fatal(err)
		}
		title := strings.TrimSpace(d.Lines[g.Documents[k].TitleLine-1])
		docs = append(docs, &model.Article{ID: d.ID, Source: "outlet-" + d.ID, Title: title, Text: d.Body, Published: pub})
	}
	return docs, g
}

// overlap is the share of a's content terms found in b.
func overlap(a, b string) float64 {
	ta := token.Terms(a)
	if len(ta) == 0 {
		return 0
	}
	tb := map[string]bool{}
	for _, t := range token.Terms(b) {
		tb[t] = true
	}
	n := 0
	for _, t := range ta {
		if tb[t] {
			n++
		}
	}
	return float64(n) / float64(len(ta))
}

func TestSeedBrief(t *testing.T) {
	docs, g := seedArticles(t)
	b := Build(docs, Options{})
	out, _ := json.MarshalIndent(b, "", "  ")
	t.Logf("%s", out)

	t.Run("Summary", func(t *testing.T) {
		if len(b.Summary) < 3 || len(b.Summary) > 7 {
			t.Errorf("summary has %d sentences, want 3..7", len(b.Summary))
		}
		for _, s := range b.Summary {
			if len(s.Sources) == 0 {
				t.Errorf("summary sentence without source: %q", s.Text)
			}
		}
	})
	t.Run("Timeline", func(t *testing.T) {
		dates := map[string]bool{}
		for _, e := range b.Timeline {
			dates[e.Date] = true
		}
		for _, d := range []string{"2016-09-28", "2016-10-03"} {
			if !dates[d] {
				t.Errorf("timeline lacks %s", d)
			}
		}
		found := 0
		for _, gf := range g.Timeline {
			ok := false
			for _, e := range b.Timeline {
				if overlap(gf.Fact, e.Text) < 0.3 || !intersects(e.Sources, gf.Sources) {
					continue
				}
				if e.Date != gf.Date && overlap(gf.Fact, e.Text) >= 0.5 {
					t.Errorf("timeline fact %q dated %s, want %s: %q", gf.Fact, e.Date, gf.Date, e.Text)
					continue
				}
				if e.Date == gf.Date && countIn(e.Sources, gf.Sources) == len(gf.Sources) {
					ok = true
				}
			}
			if ok {
				found++
			} else {
				t.Logf("timeline fact missed: %s %s", gf.Date, gf.Fact)
			}
		}
		t.Logf("timeline facts found: %d/%d", found, len(g.Timeline))
		if found < len(g.Timeline) {
			t.Errorf("timeline facts found with their date and all their sources: %d/%d", found, len(g.Timeline))
		}
	})
	t.Run("Consensus", func(t *testing.T) {
		found := 0
		for _, gf := range g.Consensus {
			ok := false
			for _, f := range b.Consensus {
				if overlap(gf.Fact, f.Text) >= 0.3 && countIn(f.Sources, gf.Sources) >= 2 {
					ok = true
				}
			}
			if ok {
				found++
			} else {
				t.Logf("consensus fact missed: %s", gf.Fact)
			}
		}
		t.Logf("consensus facts found: %d/%d", found, len(g.Consensus))
		if found < 5 {
			t.Errorf("consensus facts found: %d/%d, want at least 5", found, len(g.Consensus))
		}
		for _, cl := range g.Single {
			for _, f := range b.Consensus {
				if overlap(cl.Claim, f.Text) >= 0.6 {
					t.Errorf("single-source claim %q among consensus: %q", cl.Claim, f.Text)
				}
			}
		}
	})
}

func intersects(a, b []string) bool { return countIn(a, b) > 0 }

// countIn counts the members of b found in a.
func countIn(a, b []string) int {
	n := 0
	for _, x := range b {
		for _, y := range a {
			if x == y {
				n++
				break
			}
		}
	}
	return n
}
