package eval

import (
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
	// HeidelTime holds, per article id, the dates HeidelTime resolved in
	// its text ("YYYY-MM-DD"; the first day for a month or a year).
	HeidelTime map[string][]string
}

type timelineMeta struct {
	Topic     string   `json:"topic"`
	Doc       string   `json:"doc"`
	Published string   `json:"published"`
	Source    string   `json:"source"`
	Mentioned []string `json:"mentioned_dates"`
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
	docs, heidel, err := readTimelineDocs(dir)
	if err != nil {
		return nil, err
	}
	var out []*TimelineTopic
	for _, name := range sortedKeys(gold) {
		ds := docs[name]
		sort.Slice(ds, func(a, b int) bool { return ds[a].ID < ds[b].ID })
		out = append(out, &TimelineTopic{Name: name, Docs: ds, Gold: gold[name], HeidelTime: heidel[name]})
	}
	return out, nil
}

// readTimelineDocs reads every article listed in DIR/meta.jsonl and its
// HeidelTime dates, by topic.
func readTimelineDocs(dir string) (map[string][]*model.Article, map[string]map[string][]string, error) {
	out := map[string][]*model.Article{}
	heidel := map[string]map[string][]string{}
	err := readJSONL(filepath.Join(dir, "meta.jsonl"), func(m timelineMeta) error {
		text, err := os.ReadFile(filepath.Join(dir, m.Topic, "docs", m.Doc))
		if err != nil {
			return err
		}
		pub, err := time.Parse(time.DateOnly, m.Published)
		if err != nil {
			return fmt.Errorf("%s published: %w", m.Doc, err)
		}
		if heidel[m.Topic] == nil {
			heidel[m.Topic] = map[string][]string{}
		}
		heidel[m.Topic][m.Doc] = m.Mentioned
		out[m.Topic] = append(out[m.Topic], &model.Article{
			ID: m.Doc, Source: m.Source, Text: string(text), Published: pub,
		})
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return out, heidel, nil
}
