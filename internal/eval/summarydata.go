package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"parallax/internal/model"
)

// Topic is one summarization topic: its articles, query and references.
type Topic struct {
	Name  string
	Query string // title and narrative joined by a space
	Docs  []*model.Article
	Refs  []string
}

type summaryMeta struct {
	Topic     string `json:"topic"`
	Doc       string `json:"doc"`
	Published string `json:"published"`
	Source    string `json:"source"`
	Headline  string `json:"headline"`
}

// ReadSummarySet reads DIR (refs.json, meta.jsonl, TOPIC/docs/*.txt,
// TOPIC/query.txt); topics sorted by name, docs by file name.
func ReadSummarySet(dir string) ([]*Topic, error) {
	var refs map[string][]string
	b, err := os.ReadFile(filepath.Join(dir, "refs.json"))
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	if err := json.Unmarshal(b, &refs); err != nil {
		return nil, fmt.Errorf("eval: refs.json: %w", err)
	}
	meta, err := readSummaryMeta(filepath.Join(dir, "meta.jsonl"))
	if err != nil {
		return nil, err
	}
	var out []*Topic
	for _, name := range sortedKeys(refs) {
		t, err := readTopic(dir, name, meta)
		if err != nil {
			return nil, err
		}
		t.Refs = refs[name]
		out = append(out, t)
	}
	return out, nil
}

func readSummaryMeta(path string) (map[string]summaryMeta, error) {
	out := map[string]summaryMeta{}
	err := readJSONL(path, func(m summaryMeta) error {
		out[m.Topic+"/"+m.Doc] = m
		return nil
	})
	return out, err
}

// readTopic reads one topic's docs (first line headline, then one
// paragraph per line) and query.
func readTopic(dir, name string, meta map[string]summaryMeta) (*Topic, error) {
	t := &Topic{Name: name}
	if q, err := os.ReadFile(filepath.Join(dir, name, "query.txt")); err == nil {
		t.Query = strings.Join(strings.Fields(string(q)), " ")
	}
	files, err := filepath.Glob(filepath.Join(dir, name, "docs", "*.txt"))
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	sort.Strings(files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("eval: %w", err)
		}
		base := filepath.Base(f)
		title, body, _ := strings.Cut(string(b), "\n")
		m := meta[name+"/"+base]
		pub, _ := ParseTime(m.Published)
		t.Docs = append(t.Docs, &model.Article{
			ID:        strings.TrimSuffix(base, ".txt"),
			Source:    m.Source,
			Title:     strings.TrimSpace(title),
			Text:      strings.TrimSpace(body),
			Published: pub,
			Language:  "en",
			Origin:    f,
		})
	}
	return t, nil
}
