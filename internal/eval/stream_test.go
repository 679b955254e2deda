package eval

import (
	"fmt"
	"hash/fnv"
	"sort"
	"strings"
	"testing"

	"parallax/internal/brief"
	"parallax/internal/cluster"
	"parallax/internal/model"
)

// boilerTitles are lines that once named stories on the home page of a
// store made from both development files: none may name a story again.
var boilerTitles = []string{
	"Halloween is the scariest night of the year",
	"Last updated : 29 June 2010 Are you trying to trace your family tree",
	"* Crude oil falls",
}

// TestStreams clusters the four streams (each development file, both
// concatenated, dev-stream.jsonl) with the shipped options, as one living
// store sees them, and checks what a reader sees: B-cubed F1 (at least
// .93 on each; the README gives the figures), the ten largest stories
// each at least 90% one gold story (no black hole),
// and the titles of stories of more
// than one article taken, in at least 99% of them, from an article of
// the story's majority gold story, never from a boilerplate line.
func TestStreams(t *testing.T) {
	for _, s := range streamSets(t) {
		name := s.Path[strings.LastIndex(s.Path, "/")+1:]
		gold, ids := s.Gold()
		pred := RunClusterIDs(s, cluster.DefaultOptions())
		p, r, f := BCubedOrdered(ids, gold, pred)
		t.Logf("%s: P %.4f R %.4f F1 %.4f", name, p, r, f)
		if f < 0.93 {
			t.Errorf("%s: B-cubed F1 %.4f, want at least .93", name, f)
		}
		members, stories := largest(ids, pred)
		for k, st := range stories[:min(10, len(stories))] {
			g, n := majority(members[st], gold)
			purity := float64(n) / float64(len(members[st]))
			t.Logf("%s: story %d of %d articles: %.3f %s", name, k+1, len(members[st]), purity, g)
			// Each at least .9 one gold story (issue "One living
			// stream", acceptance 2). Before the recent-news background
			// the home-schooling story of dev-topics.jsonl held two
			// adoption articles and a Generation X one (.88).
			if purity < 0.9 {
				t.Errorf("%s: story %s (%d articles) is %.3f one gold story, want at least .9", name, st, len(members[st]), purity)
			}
		}
		byID := map[string]GoldArticle{}
		for _, a := range s.Articles {
			byID[a.ID] = a
		}
		multi, right := 0, 0
		for _, st := range stories {
			ms := members[st]
			if len(ms) < 2 {
				continue
			}
			docs := make([]*model.Article, len(ms))
			for i, id := range ms {
				a := byID[id]
				docs[i] = &model.Article{ID: a.ID, Title: a.Title, Text: a.Text}
			}
			title, from := brief.Title(docs)
			multi++
			if g, _ := majority(ms, gold); gold[from] == g {
				right++
			}
			for _, bad := range boilerTitles {
				if strings.HasPrefix(title, bad) {
					t.Errorf("%s: story %s titled %q", name, st, title)
				}
			}
		}
		share := float64(right) / float64(multi)
		t.Logf("%s: %d of %d titles (%.4f) from the majority gold story", name, right, multi, share)
		if share < 0.99 {
			t.Errorf("%s: %.4f of titles from the majority gold story, want at least .99", name, share)
		}
	}
}

// largest groups ids by their predicted story and returns the groups and
// the stories, largest first (ties by id).
func largest(ids []string, pred map[string]string) (map[string][]string, []string) {
	members := map[string][]string{}
	for _, id := range ids {
		members[pred[id]] = append(members[pred[id]], id)
	}
	var stories []string
	for st := range members {
		stories = append(stories, st)
	}
	sort.Slice(stories, func(i, j int) bool {
		a, b := members[stories[i]], members[stories[j]]
		return len(a) > len(b) || len(a) == len(b) && stories[i] < stories[j]
	})
	return members, stories
}

// impure counts the stories among the ten largest that are less than .9
// one gold story.
func impure(ids []string, gold, pred map[string]string) int {
	members, stories := largest(ids, pred)
	n := 0
	for _, st := range stories[:min(10, len(stories))] {
		if _, m := majority(members[st], gold); float64(m) < 0.9*float64(len(members[st])) {
			n++
		}
	}
	return n
}

// majority returns the gold story most of ids belong to and how many.
func majority(ids []string, gold map[string]string) (string, int) {
	n := map[string]int{}
	best := ""
	for _, id := range ids {
		g := gold[id]
		n[g]++
		if n[g] > n[best] || n[g] == n[best] && g < best {
			best = g
		}
	}
	return best, n[best]
}

// TestStreamRenamed: nothing is keyed on this data set's ids, outlets or
// titles. Every id of dev-stream.jsonl is renamed, every source and URL
// replaced by a random host, and 20% of the titles dropped; B-cubed F1
// moves by at most .01.
func TestStreamRenamed(t *testing.T) {
	s := streamSets(t)[3]
	gold, ids := s.Gold()
	p, r, f := BCubedOrdered(ids, gold, RunClusterIDs(s, cluster.DefaultOptions()))
	renamed := &ClusterSet{Path: s.Path}
	for _, a := range s.Articles {
		h := fnv.New64a()
		h.Write([]byte("renamed:" + a.ID))
		x := h.Sum64()
		a.ID = fmt.Sprintf("r%016x", x)
		a.Source = fmt.Sprintf("host%d.example", x%9973)
		a.URL = "https://" + a.Source + "/" + a.ID
		if x%5 == 0 {
			a.Title = ""
		}
		renamed.Articles = append(renamed.Articles, a)
	}
	rgold, rids := renamed.Gold()
	rp, rr, rf := BCubedOrdered(rids, rgold, RunClusterIDs(renamed, cluster.DefaultOptions()))
	t.Logf("as given:  P %.4f R %.4f F1 %.4f", p, r, f)
	t.Logf("renamed:   P %.4f R %.4f F1 %.4f", rp, rr, rf)
	if d := rf - f; d > 0.01 || d < -0.01 {
		t.Errorf("F1 moved by %+.4f when ids, sources and 20%% of titles changed, want at most .01", d)
	}
}
