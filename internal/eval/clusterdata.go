package eval

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"parallax/internal/cluster"
)

// GoldArticle is one line of a clustering gold file.
type GoldArticle struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Source    string `json:"source"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	Published string `json:"published"`
	Lang      string `json:"lang"`
	Story     string `json:"story"`
}

// ClusterSet is a clustering gold file: articles in file order.
type ClusterSet struct {
	Path     string
	Articles []GoldArticle
}

// ReadClusterSet reads a JSONL clustering gold file.
func ReadClusterSet(path string) (*ClusterSet, error) {
	set := &ClusterSet{Path: path}
	err := readJSONL(path, func(a GoldArticle) error {
		set.Articles = append(set.Articles, a)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return set, nil
}

// Gold returns id -> story and the ids in file order (first occurrence).
func (s *ClusterSet) Gold() (map[string]string, []string) {
	m := map[string]string{}
	var ids []string
	for _, a := range s.Articles {
		if _, ok := m[a.ID]; !ok {
			ids = append(ids, a.ID)
		}
		m[a.ID] = a.Story
	}
	return m, ids
}

// ParseTime reads RFC 3339 or YYYY-MM-DD; zero when empty or unreadable.
func ParseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, fmt.Errorf("eval: bad time %q", s)
	}
	return t, nil
}

// Docs returns the set's articles as clusterer input in publication-time
// order (ties by id), with their gold stories.
func (s *ClusterSet) Docs() ([]cluster.Doc, []string) {
	idx := make([]int, len(s.Articles))
	docs := make([]cluster.Doc, len(s.Articles))
	for i, a := range s.Articles {
		t, _ := ParseTime(a.Published)
		idx[i] = i
		docs[i] = cluster.Doc{ID: a.ID, Title: a.Title, Text: a.Text, Lang: a.Lang, Published: t}
	}
	sort.SliceStable(idx, func(i, j int) bool {
		a, b := docs[idx[i]], docs[idx[j]]
		if !a.Published.Equal(b.Published) {
			return a.Published.Before(b.Published)
		}
		return a.ID < b.ID
	})
	outD := make([]cluster.Doc, len(idx))
	outG := make([]string, len(idx))
	for k, i := range idx {
		outD[k], outG[k] = docs[i], s.Articles[i].Story
	}
	return outD, outG
}

// RunCluster clusters the set's articles in publication-time order (ties
// by id) and returns id -> assignment, with the clusterer's merges and
// moves applied.
func RunCluster(s *ClusterSet, opts cluster.Options) map[string]cluster.Assignment {
	docs, _ := s.Docs()
	c := cluster.New(opts)
	lin := cluster.Lineage{}
	out := make(map[string]cluster.Assignment, len(docs))
	for _, d := range docs {
		out[d.ID] = c.Add(d)
		lin.Record(c.Merges())
		for _, m := range c.Moves() {
			out[m.Article] = cluster.Assignment{Story: m.To, Event: m.Event}
		}
	}
	for id, a := range out {
		a.Story = lin.Resolve(a.Story)
		out[id] = a
	}
	return out
}

// ScoreCluster runs the clusterer on the set and scores its stories.
func ScoreCluster(s *ClusterSet, opts cluster.Options) (p, r, f float64) {
	gold, ids := s.Gold()
	pred := map[string]string{}
	for id, a := range RunCluster(s, opts) {
		pred[id] = a.Story
	}
	return BCubedOrdered(ids, gold, pred)
}

// RunClusterIDs is RunCluster reduced to id -> story.
func RunClusterIDs(s *ClusterSet, opts cluster.Options) map[string]string {
	out := map[string]string{}
	for id, a := range RunCluster(s, opts) {
		out[id] = a.Story
	}
	return out
}

// ReadAssignments reads a prediction file: lines {"id", "story"} (or
// "cluster" instead of "story", as score.py accepts).
func ReadAssignments(path string) (map[string]string, error) {
	type assignment struct {
		ID      json.RawMessage `json:"id"`
		Story   *string         `json:"story"`
		Cluster *string         `json:"cluster"`
	}
	out := map[string]string{}
	err := readJSONL(path, func(a assignment) error {
		id := strings.Trim(string(a.ID), `"`)
		switch {
		case a.Story != nil:
			out[id] = *a.Story
		case a.Cluster != nil:
			out[id] = *a.Cluster
		default:
			out[id] = "None"
		}
		return nil
	})
	return out, err
}
