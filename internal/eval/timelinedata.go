package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"parallax/internal/model"
)

// TimelineTopic is one Timeline17 topic: its dated articles and the
// journalists' gold timelines.
type TimelineTopic struct {
	Name string
	Docs []*model.Article
	Gold [][]model.TimelineItem // one or more gold timelines, entries by date
}

type timelineMeta struct {
	Topic     string `json:"topic"`
	Doc       string `json:"doc"`
	Published string `json:"published"`
	Source    string `json:"source"`
}

// ReadTimelineSet reads a Timeline17 split DIR (timelines.json,
// meta.jsonl, TOPIC/docs/*.txt); topics sorted by name, docs by file
// name. Each article's id is its file name.
func ReadTimelineSet(dir string) ([]*TimelineTopic, error) {
	var gold map[string][][]model.TimelineItem
	b, err := os.ReadFile(filepath.Join(dir, "timelines.json"))
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	if err := json.Unmarshal(b, &gold); err != nil {
		return nil, fmt.Errorf("eval: timelines.json: %w", err)
	}
	docs, err := readTimelineDocs(dir)
	if err != nil {
		return nil, err
	}
	var out []*TimelineTopic
	for _, name := range sortedKeys(gold) {
		ds := docs[name]
		sort.Slice(ds, func(a, b int) bool { return ds[a].ID < ds[b].ID })
		out = append(out, &TimelineTopic{Name: name, Docs: ds, Gold: gold[name]})
	}
	return out, nil
}

// readTimelineDocs reads every article listed in DIR/meta.jsonl, by topic.
func readTimelineDocs(dir string) (map[string][]*model.Article, error) {
	f, err := os.Open(filepath.Join(dir, "meta.jsonl"))
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	out := map[string][]*model.Article{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var m timelineMeta
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			return nil, fmt.Errorf("eval: meta.jsonl: %w", err)
		}
		text, err := os.ReadFile(filepath.Join(dir, m.Topic, "docs", m.Doc))
		if err != nil {
			return nil, fmt.Errorf("eval: %w", err)
		}
		pub, err := time.Parse(time.DateOnly, m.Published)
		if err != nil {
			return nil, fmt.Errorf("eval: %s published: %w", m.Doc, err)
		}
		out[m.Topic] = append(out[m.Topic], &model.Article{
			ID: m.Doc, Source: m.Source, Text: string(text), Published: pub,
		})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval: meta.jsonl: %w", err)
	}
	return out, nil
}
